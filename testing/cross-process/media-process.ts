// The dev media server as a child process, so a test or bench can freeze it (SIGSTOP: to every
// client a network loss) and let it go on (SIGCONT).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MediaProcess {
  url: string;
  process: ChildProcess;
  close(): Promise<void>;
}

/** `webhooks`: URLs that get LiveKit's webhooks (the token service's /v1/livekit/webhook). */
export async function startMediaProcess(opts: { webhooks?: readonly string[] } = {}): Promise<MediaProcess> {
  const entry = fileURLToPath(new URL('../../dev-media-server/src/server.ts', import.meta.url));
  const args = ['--port', '0', ...(opts.webhooks ?? []).flatMap((url) => ['--webhook', url])];
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`media server exited (${code}) before listening: ${out}`)));
  });
  return {
    url,
    process: child,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGCONT');
      child.kill('SIGTERM');
    }),
  };
}

/** Notes in the page when the call window's "reconnecting" cover first shows (`window.reconnectingShownAt`, ms since the epoch). */
export const WATCH_RECONNECTING = `(() => {
  window.reconnectingShownAt = undefined;
  const timer = setInterval(() => {
    const overlay = document.querySelector('timio-call')?.shadowRoot?.querySelector('timio-status-overlay');
    if (overlay?.getAttribute('state') === 'reconnecting') {
      window.reconnectingShownAt = Date.now();
      clearInterval(timer);
    }
  }, 20);
})()`;
