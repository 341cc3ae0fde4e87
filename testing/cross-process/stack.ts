// The whole product for an end-to-end test, each part a real server on a free 127.0.0.1 port:
// the dev media server, the token service (configured from environment values exactly as
// `npm start` configures it) and the demo portal, which serves a fresh build of the SDK.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RollupOptions, OutputOptions } from 'rollup';
import { startMediaServer, type MediaServer } from '../../dev-media-server/src/server.js';
import { createTokenService } from '../../token-service/src/app.js';
import { loadConfig } from '../../token-service/src/config.js';
import { startDemoPortal, type DemoPortalOptions, type RunningDemoPortal } from '../../demo-host/src/app.js';
import { NO_USER_LIMITS } from '../node/test-settings.js';
import { DEMO_DIRECTORY_FILE, DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER, DEMO_PORTAL_SECRET } from '../node/demo-fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PORTAL_SECRET = DEMO_PORTAL_SECRET;

export interface Stack {
  media: MediaServer;
  tokenServiceUrl: string;
  portal: RunningDemoPortal;
  close(): Promise<void>;
}

let built: Promise<string> | undefined;

/** Newest modification time of the files below `dir`. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Newest modification time of the SDK's sources, the wire protocol they import and the build config. */
function newestSource(): number {
  return Math.max(statSync(join(root, 'rollup.config.mjs')).mtimeMs, newestIn(join(root, 'sdk', 'src')), newestIn(join(root, 'protocol')));
}

/**
 * The script-tag SDK built from the current sources: dist/ when it is newer than every source
 * file (`npm test` builds just before), else a fresh rollup build into a temporary folder.
 */
export function buildSdk(): Promise<string> {
  const dist = join(root, 'dist');
  const entry = join(dist, 'timio.js');
  if (!built && existsSync(entry) && statSync(entry).mtimeMs >= newestSource()) built = Promise.resolve(dist);
  built ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), 'timio-e2e-dist-'));
    // Loaded only to build: with a fresh dist/ (npm test builds first) no e2e process pays for it.
    const { rollup } = await import('rollup');
    const configs = (await import(join(root, 'rollup.config.mjs'))).default as RollupOptions[];
    // Every script-tag entry (timio.js, timio-guest.js: built apart, into dist/), not the npm build.
    for (const config of configs.filter((c) => (c.output as OutputOptions).dir === 'dist')) {
      const bundle = await rollup({ ...config, onwarn: () => undefined });
      await bundle.write({ ...(config.output as OutputOptions), dir: out, sourcemap: false });
      await bundle.close();
    }
    return out;
  })();
  return built;
}

/**
 * The token service's environment for the demo: the dev media server's key, the portal's token
 * secret and directory, the portal as the allowed origin and guest-link base, no per-user limits.
 */
export function serviceEnv(livekitUrl: string, portalUrl: string, dataDir: string): Record<string, string> {
  return {
    LIVEKIT_URL: livekitUrl,
    LIVEKIT_API_KEY: 'devkey',
    LIVEKIT_API_SECRET: 'secret',
    PORTAL_JWT_SECRET: PORTAL_SECRET,
    PORTAL_JWT_ISSUER: DEMO_PORTAL_ISSUER,
    PORTAL_JWT_AUDIENCE: DEMO_PORTAL_AUDIENCE,
    DIRECTORY_FILE: DEMO_DIRECTORY_FILE,
    ALLOWED_ORIGINS: portalUrl,
    PUBLIC_URL: portalUrl,
    DATA_DIR: dataDir,
    ...NO_USER_LIMITS,
  };
}

export interface PortalAndService {
  tokenServiceUrl: string;
  portal: RunningDemoPortal;
  /** The service's DATA_DIR (also the portal's files here), removed on close. */
  dataDir: string;
  close(): Promise<void>;
}

export interface PortalAndServiceOptions {
  /** LiveKit's URL, or what starts it once the token service's URL is known (its webhooks go there). */
  livekit: string | ((tokenServiceUrl: string) => Promise<string>);
  /** The built SDK the portal serves; default: none (the empty data folder). */
  distDir?: string;
  /** More portal options (e.g. its directory secret), given the data folder. */
  portal?: (dataDir: string) => Partial<DemoPortalOptions>;
  /** More token-service environment values on top of the demo's, given the portal's URL. */
  env?: (portalUrl: string) => Record<string, string | undefined>;
}

/**
 * The demo portal and the token service that trusts its portal tokens, each on a free 127.0.0.1
 * port, the service configured from environment values as `npm start` configures it. The service's
 * port comes first (the portal and LiveKit's webhooks need its URL), the portal next (the service
 * allows its origin).
 */
export async function startPortalAndService(options: PortalAndServiceOptions): Promise<PortalAndService> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const tsServer = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => tsServer.listen(0, '127.0.0.1', resolve));
  const tokenServiceUrl = `http://127.0.0.1:${(tsServer.address() as AddressInfo).port}`;
  const livekitUrl = typeof options.livekit === 'string' ? options.livekit : await options.livekit(tokenServiceUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'timio-e2e-data-'));
  const portal = await startDemoPortal({
    port: 0, portalJwtSecret: PORTAL_SECRET, tokenServiceUrl, livekitUrl, distDir: options.distDir ?? dataDir,
    ...options.portal?.(dataDir),
  });
  const config = loadConfig({ ...serviceEnv(livekitUrl, portal.url, dataDir), ...options.env?.(portal.url) }, { requirePortalAuth: true });
  const service = createTokenService({ config, log: process.env.E2E_LOG ? (l) => console.log(`[token-service] ${l}`) : () => undefined });
  handler = service.handler; // as the standalone server serves it (POST /v1/token in front of Express)
  service.attach(tsServer);
  return {
    tokenServiceUrl,
    portal,
    dataDir,
    async close() {
      await portal.close();
      await service.close();
      tsServer.closeAllConnections();
      await new Promise<void>((resolve) => tsServer.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The whole product: the dev media server, the token service and the portal serving the SDK. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const distDir = await buildSdk();
  let media: MediaServer | undefined;
  const parts = await startPortalAndService({
    distDir,
    livekit: async (tokenServiceUrl) => {
      media = await startMediaServer({ port: 0, webhookUrls: [`${tokenServiceUrl}/v1/livekit/webhook`] });
      return media.url;
    },
    env: () => env,
  });
  return {
    media: media!,
    tokenServiceUrl: parts.tokenServiceUrl,
    portal: parts.portal,
    async close() {
      await parts.close();
      await media!.close();
    },
  };
}
