// `npm run token-service`: the standalone token service. Reads the environment once and listens.
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { createTokenService } from './app.js';

let config;
try {
  config = loadConfig(process.env, { requirePortalAuth: true });
  if (!config.directoryFile) throw new ConfigError('DIRECTORY_FILE is required (the JSON file with users and rooms)');
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`token service: ${err.message}`);
  process.exit(1);
}

const service = createTokenService({ config });
const server = createServer(service.app);
service.attach(server);
server.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`token service listening on http://127.0.0.1:${port} (LiveKit ${config.livekit.url})`);
});

function stop() {
  server.close();
  server.closeAllConnections();
  void service.close().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
