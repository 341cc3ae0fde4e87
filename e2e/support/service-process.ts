// The whole product with the token service as its own process (the standalone server, `npm run
// token-service`), so a test can kill it and start it again on the same port while browsers are in
// a call: the dev media server and the demo portal stay up, the pages reconnect by themselves.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMediaServer, type MediaServer } from '../../dev-media-server/src/server.js';
import { startDemoPortal, type RunningDemoPortal } from '../../demo-host/src/app.js';
import { WAIT_MS } from '../../testing/wait.js';
import { freePort } from '../../testing/node/free-port.js';
import { buildSdk, PORTAL_SECRET, serviceEnv } from '../../testing/cross-process/stack.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RestartableStack {
  media: MediaServer;
  portal: RunningDemoPortal;
  tokenServiceUrl: string;
  /** Kills the token service (SIGKILL: its memory is gone) and starts a new one on the same port. */
  restartService(): Promise<void>;
  close(): Promise<void>;
}

function startService(env: Record<string, string>): Promise<ChildProcess> {
  const entry = join(root, 'token-service', 'src', 'server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`token service did not start: ${out}`)), WAIT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      if (process.env.E2E_LOG) process.stdout.write(`[token-service] ${text}`);
      if (out.length < 100_000) out += text;
      if (/token service listening on/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`token service exited (${code}) before listening: ${out}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

/** `env`: more token-service settings (e.g. CALL_RING_TIMEOUT_SECONDS, REDIS_URL). */
export async function startRestartableStack(env: Record<string, string> = {}): Promise<RestartableStack> {
  const distDir = await buildSdk();
  const port = await freePort();
  const tokenServiceUrl = `http://127.0.0.1:${port}`;
  const media = await startMediaServer({ port: 0, webhookUrls: [`${tokenServiceUrl}/v1/livekit/webhook`] });
  const portal = await startDemoPortal({ port: 0, portalJwtSecret: PORTAL_SECRET, tokenServiceUrl, livekitUrl: media.url, distDir });
  const dataDir = mkdtempSync(join(tmpdir(), 'timio-e2e-restart-'));
  const fullEnv = { PORT: String(port), HOST: '127.0.0.1', ...serviceEnv(media.url, portal.url, dataDir), ...env };
  let service = await startService(fullEnv);
  return {
    media,
    portal,
    tokenServiceUrl,
    async restartService() {
      await kill(service);
      service = await startService(fullEnv);
    },
    async close() {
      await portal.close();
      await kill(service);
      await media.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
