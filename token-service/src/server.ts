// `npm run token-service`: the standalone token service. Reads the environment once and listens.
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import type { TokenService } from './app.js';
import { DirectoryError } from './directory/directory.js';

let config;
let service: TokenService;
try {
  config = loadConfig(process.env, { requirePortalAuth: true });
  if (!config.directoryFile && !config.directoryUrl) throw new ConfigError('DIRECTORY_FILE or DIRECTORY_URL is required (users and rooms)');
  // Loaded after the environment is checked, so a bad setting is reported at once.
  const { createTokenService } = await import('./app.js');
  service = createTokenService({ config });
} catch (err) {
  // Configuration mistakes get one clear line, not a stack trace.
  if (!(err instanceof ConfigError || err instanceof DirectoryError)) throw err;
  console.error(`token service: ${err.message}`);
  process.exit(1);
}

// POST /v1/token on the lighter path in front of Express, everything else through Express.
const server = createServer(service.handler);
service.attach(server);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Says where it listens, so an operator sees at once whether it is reachable from outside.
  console.log(`token service listening on http://${host}:${port} (HOST=${config.host}; LiveKit ${config.livekit.url})`);
});

function stop() {
  server.close();
  server.closeAllConnections();
  void service.close().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
