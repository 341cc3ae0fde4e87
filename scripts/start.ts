// `npm start`: the whole product on one machine. Builds dist/ if missing, then starts the dev
// media server (only when LIVEKIT_URL is unset), the token service and the demo portal, each as
// its own process with the dev values of docs/contracts.md, prints the URLs, and stops all of
// them on Ctrl+C (or when one of them dies).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuseProduction } from '../demo-host/src/not-production.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
// Before anything is built or started: npm start is the demo, with its public secrets.
refuseProduction('npm start', env);

const DEMO_PORT = Number(env.DEMO_PORT ?? 3000);
const TOKEN_PORT = Number(env.TOKEN_SERVICE_PORT ?? 3001);
const MEDIA_PORT = Number(env.MEDIA_PORT ?? 7880);
const demoOrigin = `http://127.0.0.1:${DEMO_PORT}`;
const tokenServiceUrl = `http://127.0.0.1:${TOKEN_PORT}`;
const useDevMedia = !env.LIVEKIT_URL;
const livekitUrl = env.LIVEKIT_URL ?? `ws://127.0.0.1:${MEDIA_PORT}`;
const apiKey = useDevMedia ? 'devkey' : required('LIVEKIT_API_KEY');
const apiSecret = useDevMedia ? 'secret' : required('LIVEKIT_API_SECRET');
const portal = {
  PORTAL_JWT_SECRET: env.PORTAL_JWT_SECRET ?? 'timio-demo-portal-secret-change-me',
  PORTAL_JWT_ISSUER: 'timio-demo-portal',
  PORTAL_JWT_AUDIENCE: 'timio-token-service',
};

/** Dev value shared by the demo portal (GET /api/directory) and the token service (DIRECTORY_SECRET). */
const directorySecret = env.DIRECTORY_SECRET ?? 'timio-demo-directory-secret-change-me';

function required(name: string): string {
  const v = env[name];
  if (!v) {
    console.error(`npm start: LIVEKIT_URL is set, so ${name} is required too`);
    process.exit(1);
  }
  return v;
}

if (!existsSync(join(root, 'dist', 'timio.js'))) {
  console.log('Building the SDK (dist/ is missing) …');
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const dataDir = env.DATA_DIR ?? join(root, '.data');
mkdirSync(dataDir, { recursive: true });

const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

function run(name: string, script: string, childEnv: Record<string, string>, ready: RegExp): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, script)], {
    cwd: root,
    env: { ...env, ...childEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push({ name, proc });
  return new Promise((resolve, reject) => {
    const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}\n`).join('');
    proc.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(prefix(chunk));
      if (ready.test(chunk.toString())) resolve();
    });
    proc.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
    proc.on('exit', (code, signal) => {
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
      if (!stopping) {
        console.error(`[${name}] stopped (${signal ?? code}); stopping the others`);
        void stop(1);
      }
    });
  });
}

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(({ proc }) =>
      proc.exitCode !== null || proc.signalCode !== null
        ? undefined
        : new Promise<void>((resolve) => {
            proc.once('exit', () => resolve());
            proc.kill('SIGTERM');
            setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
          }),
    ),
  );
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  if (useDevMedia) {
    await run('media', 'dev-media-server/src/server.ts', {
      MEDIA_PORT: String(MEDIA_PORT),
      MEDIA_HOST: '127.0.0.1',
      LIVEKIT_KEYS: `${apiKey}: ${apiSecret}`,
      MEDIA_WEBHOOK_URLS: `${tokenServiceUrl}/v1/livekit/webhook`,
    }, /listening|ws:\/\//i);
  }
  await run('token-service', 'token-service/src/server.ts', {
    PORT: String(TOKEN_PORT),
    // Loopback like the portal and the media server: the dev portal secret below is public.
    HOST: env.HOST ?? '127.0.0.1',
    LIVEKIT_URL: livekitUrl,
    LIVEKIT_API_KEY: apiKey,
    LIVEKIT_API_SECRET: apiSecret,
    ...portal,
    // The demo portal serves its directory (with the rooms people create there) over HTTP; a
    // DIRECTORY_FILE given instead is re-read whenever it changes.
    ...(env.DIRECTORY_FILE
      ? { DIRECTORY_FILE: env.DIRECTORY_FILE }
      : { DIRECTORY_URL: `${demoOrigin}/api/directory`, DIRECTORY_SECRET: directorySecret }),
    ALLOWED_ORIGINS: env.ALLOWED_ORIGINS ?? `${demoOrigin},http://localhost:${DEMO_PORT}`,
    PUBLIC_URL: env.PUBLIC_URL ?? demoOrigin,
    DATA_DIR: dataDir,
  }, /listening/i);
  await run('demo', 'demo-host/src/server.ts', {
    DEMO_PORT: String(DEMO_PORT),
    ...portal,
    TOKEN_SERVICE_URL: tokenServiceUrl,
    LIVEKIT_URL: livekitUrl,
    DEMO_DIRECTORY_SECRET: directorySecret,
    DEMO_ROOMS_FILE: join(dataDir, 'demo-rooms.json'),
  }, /demo portal/i);
} catch (err) {
  console.error(`npm start: ${(err as Error).message}`);
  await stop(1);
}

console.log(`
  TIMIO Calls is running.

  Demo portal:    ${demoOrigin}   (open it in two browser windows, sign in as two people, call)
  Token service:  ${tokenServiceUrl}
  Media server:   ${livekitUrl}${useDevMedia ? '  (dev media server)' : ''}

  Ctrl+C stops everything.
`);
