// Command-line flags and environment of `npm run media`, validated once into MediaServerOptions.

const USAGE = `usage: npm run media -- [--port 7880] [--host 127.0.0.1] [--keys "devkey: secret"]
  [--webhook URL]... [--rtc-port-range 50000-60000] [--max-participants N] [--node-ip ADDR]
  [--debug-endpoints]
environment: MEDIA_PORT, MEDIA_HOST, LIVEKIT_KEYS ("key: secret", comma separated), MEDIA_WEBHOOK_URLS,
  MEDIA_RTC_PORT_RANGE, MEDIA_MAX_PARTICIPANTS, MEDIA_NODE_IP, MEDIA_DEBUG_ENDPOINTS=1`;

export interface MediaServerOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  apiSecret?: string;
  webhookUrls?: string[];
  rtcPortRange?: [number, number];
  /** Extra addresses to advertise as ICE host candidates (127.0.0.1 always is). */
  nodeIps?: string[];
  maxParticipants?: number;
  /** Seconds a room lives after its last participant left (default 1). */
  departureTimeoutSeconds?: number;
  /** Create rooms on first join (default true); when false unknown rooms are refused as closed. */
  autoCreateRooms?: boolean;
  /** Serve GET /debug/forwarding (tests and benches only; never in front of people). */
  debugEndpoints?: boolean;
  /**
   * What the join response tells clients (LiveKit's pingInterval / pingTimeout, default 5 s and
   * 15 s): a client whose pings go unanswered this long reconnects. Tests shorten it so a lost
   * network shows "reconnecting" in seconds, not 15 s.
   */
  ping?: { intervalSeconds: number; timeoutSeconds: number };
}

export class ConfigError extends Error {}

function parsePort(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${what}: "${value}" is not a port`);
  return n;
}

function parseKeys(value: string): { apiKey: string; apiSecret: string } {
  const first = value.split(/[,\n]/)[0] ?? '';
  const idx = first.indexOf(':');
  const apiKey = idx > 0 ? first.slice(0, idx).trim() : '';
  const apiSecret = idx > 0 ? first.slice(idx + 1).trim() : '';
  if (!apiKey || !apiSecret) throw new ConfigError(`keys: expected "key: secret", got "${value}"`);
  return { apiKey, apiSecret };
}

function parseRange(value: string): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(value.trim());
  if (!m) throw new ConfigError(`rtc port range: expected "min-max", got "${value}"`);
  const range: [number, number] = [parsePort(m[1], 'rtc port range'), parsePort(m[2], 'rtc port range')];
  if (range[0] > range[1]) throw new ConfigError('rtc port range: min > max');
  return range;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): MediaServerOptions {
  const opts: MediaServerOptions = { port: 7880, host: '127.0.0.1', apiKey: 'devkey', apiSecret: 'secret', webhookUrls: [] };
  if (env.MEDIA_PORT) opts.port = parsePort(env.MEDIA_PORT, 'MEDIA_PORT');
  if (env.MEDIA_HOST) opts.host = env.MEDIA_HOST;
  if (env.LIVEKIT_KEYS) Object.assign(opts, parseKeys(env.LIVEKIT_KEYS));
  if (env.MEDIA_WEBHOOK_URLS) opts.webhookUrls = env.MEDIA_WEBHOOK_URLS.split(',').map((s) => s.trim()).filter(Boolean);
  if (env.MEDIA_RTC_PORT_RANGE) opts.rtcPortRange = parseRange(env.MEDIA_RTC_PORT_RANGE);
  if (env.MEDIA_MAX_PARTICIPANTS) opts.maxParticipants = Number(env.MEDIA_MAX_PARTICIPANTS);
  if (env.MEDIA_NODE_IP) opts.nodeIps = [env.MEDIA_NODE_IP];
  if (env.MEDIA_DEBUG_ENDPOINTS === '1') opts.debugEndpoints = true;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ConfigError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--port': opts.port = parsePort(value(), '--port'); break;
      case '--host': case '--bind': opts.host = value(); break;
      case '--keys': Object.assign(opts, parseKeys(value())); break;
      case '--webhook': opts.webhookUrls = [...(opts.webhookUrls ?? []), value()]; break;
      case '--rtc-port-range': opts.rtcPortRange = parseRange(value()); break;
      case '--max-participants': opts.maxParticipants = Number(value()); break;
      case '--node-ip': opts.nodeIps = [...(opts.nodeIps ?? []), value()]; break;
      case '--debug-endpoints': opts.debugEndpoints = true; break;
      case '--help': case '-h': throw new ConfigError(USAGE);
      default: throw new ConfigError(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  if (opts.maxParticipants !== undefined && (!Number.isInteger(opts.maxParticipants) || opts.maxParticipants < 0)) {
    throw new ConfigError('max participants must be a non-negative integer');
  }
  return opts;
}
