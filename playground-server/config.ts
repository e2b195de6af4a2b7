import { z } from 'zod';

/**
 * Server configuration: defaults suit a workshop on one laptop. Every value can come from
 * a flag (`--port 8080`) or the environment (`PORT=8080`); flags win. Validated once at
 * start-up so a typo stops the server with a message naming the setting, not a stack trace.
 */
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

/** A whole number within [min, max], read from a flag or env string. */
const count = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

/** `*`, or a comma-separated list of origins such as `https://course.example.org`. */
const origins = z
  .string()
  .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.union([
        z.literal('*'),
        z.string().regex(/^https?:\/\/[\w.-]+(:\d+)?$/, 'each origin must look like https://host[:port], or be *'),
      ]),
    ),
  );

export const ConfigSchema = z
  .object({
    port: port.default(4321).describe('TCP port to listen on (0 picks a free one)'),
    host: z
      .string()
      .min(1, 'must not be empty')
      .regex(/^[\w.:-]+$/, 'must be a host name or an IP address')
      .default('localhost')
      .describe('interface to bind: localhost, 127.0.0.1, or 0.0.0.0 for the whole LAN'),
    siteDir: z
      .string()
      .min(1)
      .default('dist')
      .describe('folder with the built site (astro build); empty or missing serves only the live endpoints'),
    allowedOrigins: origins
      .default([])
      .describe('extra origins allowed to open sockets, comma-separated, or * (same origin and localhost always are)'),
    maxConnections: count(1, 1_000_000).default(2000).describe('open WebSockets at once; more are refused with 503'),
    maxPayload: count(16, 64 * 1024 * 1024).default(64 * 1024).describe('largest message in bytes; bigger ones close with 1009'),
    rateLimit: count(1, 10_000_000).default(100).describe('messages per second one connection may send; more closes with 1008'),
    sendBuffer: count(1024, 1024 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('bytes queued to one slow client before it is dropped'),
    heartbeatMs: count(20, 3_600_000).default(30_000).describe('ms between pings; a peer silent for two is closed'),
    longPollTimeoutMs: count(10, 600_000).default(25_000).describe('ms a long poll is held before an empty answer'),
    feedIntervalMs: count(10, 3_600_000).default(1000).describe('ms between events of the event feed'),
    chatHistory: count(1, 100_000).default(100).describe('chat messages kept per room for ?since= replay'),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** Setting name → flag name and environment variable. */
const sources: Record<keyof Config, { flag: string; env: string }> = {
  port: { flag: '--port', env: 'PORT' },
  host: { flag: '--host', env: 'HOST' },
  siteDir: { flag: '--site-dir', env: 'DUPLEX_SITE_DIR' },
  allowedOrigins: { flag: '--allowed-origins', env: 'DUPLEX_ALLOWED_ORIGINS' },
  maxConnections: { flag: '--max-connections', env: 'DUPLEX_MAX_CONNECTIONS' },
  maxPayload: { flag: '--max-payload', env: 'DUPLEX_MAX_PAYLOAD' },
  rateLimit: { flag: '--rate-limit', env: 'DUPLEX_RATE_LIMIT' },
  sendBuffer: { flag: '--send-buffer', env: 'DUPLEX_SEND_BUFFER' },
  heartbeatMs: { flag: '--heartbeat-ms', env: 'DUPLEX_HEARTBEAT_MS' },
  longPollTimeoutMs: { flag: '--long-poll-timeout-ms', env: 'DUPLEX_LONG_POLL_TIMEOUT_MS' },
  feedIntervalMs: { flag: '--feed-interval-ms', env: 'DUPLEX_FEED_INTERVAL_MS' },
  chatHistory: { flag: '--chat-history', env: 'DUPLEX_CHAT_HISTORY' },
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads flags and env into a validated Config, or throws a ConfigError listing every problem. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const raw: Record<string, string> = {};
  const flagToKey = new Map(Object.entries(sources).map(([key, s]) => [s.flag, key]));
  for (const [key, s] of Object.entries(sources)) {
    const value = env[s.env];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const key = flagToKey.get(flag);
    if (!key) throw new ConfigError(`unknown option "${arg}" (see --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(`option ${flag} needs a value`);
    raw[key] = value;
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Config;
      const s = sources[key];
      return s ? `${s.flag} / ${s.env}: ${issue.message}` : issue.message;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

/** The text printed by --help, generated from the schema so it cannot drift. */
export function helpText(): string {
  const rows = Object.entries(sources).map(([key, s]) => {
    const field = ConfigSchema.shape[key as keyof Config];
    const fallback: unknown = field.parse(undefined);
    return `  ${s.flag.padEnd(23)} ${s.env.padEnd(28)} ${field.description ?? ''} (default: ${JSON.stringify(fallback)})`;
  });
  return ['Usage: node playground-server/main.ts [options]', '', `  ${'flag'.padEnd(23)} env`, ...rows].join('\n');
}
