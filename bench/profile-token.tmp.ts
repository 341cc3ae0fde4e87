// temporary: CPU profile of the service under peak load (not committed)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
const SECRET = 'timio-bench-portal-secret-0123456789abcdef';
const { loadConfig } = await import('../token-service/src/config.js');
const { createTokenService } = await import('../token-service/src/app.js');
const config = loadConfig({
  LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret',
  PORTAL_JWT_SECRET: SECRET, PORTAL_JWT_ISSUER: 'bench-portal', PORTAL_JWT_AUDIENCE: 'timio-token-service',
  DIRECTORY_FILE: fileURLToPath(new URL('../demo-host/directory.json', import.meta.url)),
  DATA_DIR: mkdtempSync(join(tmpdir(), 'timio-prof-')),
}, { requirePortalAuth: true });
const service = createTokenService({ config, rateLimits: { perAddress: 1e9 }, log: () => undefined });
const handler = (process.env.PATHSEL === 'handler' ? (service as any).handler : service.app);
const server = createServer(handler);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const token = jwt.sign({ sub: 'anna', name: 'Anna Schmidt' }, SECRET, { algorithm: 'HS256', expiresIn: 600, issuer: 'bench-portal', audience: 'timio-token-service' });
const gen = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./token-service.ts', import.meta.url)), '--load'], { stdio: ['pipe', 'pipe', 'inherit'] });
const run = (secs: number) => new Promise<any>((resolve) => { gen.stdout.once('data', (d) => resolve(JSON.parse(String(d)))); gen.stdin.write(JSON.stringify([String(port), token, 'peak', 16, secs]) + '\n'); });
await run(4);
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start');
const cpu = process.cpuUsage();
const r = await run(6);
const { profile } = await session.post('Profiler.stop');
const used = process.cpuUsage(cpu);
console.log('ok', r.ok, 'rate', (r.ok / r.seconds).toFixed(0), 'cpu us/req', ((used.user + used.system) / r.ok).toFixed(0));
writeFileSync('/tmp/s4prof/prof.cpuprofile', JSON.stringify(profile));
gen.stdin.end(); server.closeAllConnections(); server.close(); await service.close(); process.exit(0);
