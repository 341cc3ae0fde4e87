// `npm run demo`: the demo portal on its own. Reads the environment once and listens.
import { startDemoPortal } from './app.js';
import { refuseProduction } from './not-production.js';

const env = process.env;
refuseProduction('demo portal', env);
const secret = env.PORTAL_JWT_SECRET;
if (!secret) {
  console.error('demo portal: PORTAL_JWT_SECRET is not set (npm start sets the dev value; see docs/contracts.md)');
  process.exit(1);
}
const portal = await startDemoPortal({
  port: Number(env.DEMO_PORT ?? env.PORT ?? 3000),
  host: env.DEMO_HOST ?? '127.0.0.1',
  portalJwtSecret: secret,
  portalJwtIssuer: env.PORTAL_JWT_ISSUER ?? 'timio-demo-portal',
  portalJwtAudience: env.PORTAL_JWT_AUDIENCE ?? 'timio-token-service',
  tokenServiceUrl: env.TOKEN_SERVICE_URL ?? 'http://127.0.0.1:3001',
  livekitUrl: env.LIVEKIT_URL ?? 'ws://127.0.0.1:7880',
  ...(env.DIRECTORY_FILE ? { directoryFile: env.DIRECTORY_FILE } : {}),
  ...(env.DEMO_DIRECTORY_SECRET ? { directorySecret: env.DEMO_DIRECTORY_SECRET } : {}),
  ...(env.DEMO_ROOMS_FILE ? { roomsFile: env.DEMO_ROOMS_FILE } : {}),
});
console.log(`demo portal: ${portal.url}`);
const stop = () => void portal.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
