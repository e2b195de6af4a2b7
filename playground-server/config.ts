import { z } from 'zod';
import { explainIssues } from './explain.ts';
import { defaultLimits } from '../protocol/limits.ts';
import { WorkshopLimitsSchema } from './workshop/limits.ts';
import { LabLimitsSchema } from './lab/limits.ts';

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

const ServerSettingsSchema = z
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
    maxPayload: count(16, 64 * 1024 * 1024).default(defaultLimits.maxPayload).describe('largest message in bytes; bigger ones close with 1009'),
    rateLimit: count(1, 10_000_000).default(defaultLimits.rateLimit).describe('messages per second one connection may send, sustained; a flood above it closes with 1008'),
    rateBurst: count(1, 10_000_000)
      .default(1000)
      .describe('messages one connection may send at once on top of --rate-limit (a token bucket of this size)'),
    sendBuffer: count(1024, 1024 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('bytes queued to one slow client before it is dropped'),
    heartbeatMs: count(20, 3_600_000).default(30_000).describe('ms between pings; a ping unanswered for two intervals closes the peer'),
    longPollTimeoutMs: count(10, 600_000).default(25_000).describe('ms a long poll is held before an empty answer'),
    feedIntervalMs: count(10, 3_600_000).default(1000).describe('ms between events of the event feed'),
    chatHistory: count(1, 100_000).default(100).describe('chat messages kept per room for ?since= replay'),
    stateDir: z
      .string()
      .min(1, 'must not be empty')
      .default('.duplex-state')
      .describe('folder of the embedded state store (workshop rooms, chat history survive a restart)'),
    ephemeral: z
      .stringbool({ error: 'must be true or false' })
      .default(false)
      .describe('keep all state in memory only: a restart forgets every room (tests, throw-away demos)'),
    labTunnel: z
      .stringbool({ error: 'must be on or off' })
      .default(true)
      .describe('the lab tunnel (/ws/lab, /lab/<id>): off answers them 404, for a deployment that teaches no server-writing; --no-lab = --lab off'),
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'must look like redis://host:port')
      .optional()
      .describe('share rooms, chat and workshops with every instance using this Redis'),
    demoPeer: z
      .string()
      .regex(/^https?:\/\/[\w.-]+(:\d+)?$/, 'must look like http://host:port')
      .optional()
      .describe("another instance on the same Redis (its origin): the scaling lesson's demo puts its second client there (npm run cluster sets it)"),
  })
  .strict();
type ServerSettings = z.infer<typeof ServerSettingsSchema>;

/** Groups of settings with their own schema, named after their key: `config.workshop`, `config.lab`. */
const groups = { workshop: WorkshopLimitsSchema, lab: LabLimitsSchema };
type Group = keyof typeof groups;

/** The server's settings plus the bounds of workshop rooms and of the lab tunnel. */
export const ConfigSchema = ServerSettingsSchema.extend({
  workshop: WorkshopLimitsSchema.prefault({}),
  lab: LabLimitsSchema.prefault({}),
})
  .strict()
  // The demo's two instances meet only through Redis: a peer without it would show two strangers.
  .refine((config) => !config.demoPeer || config.redisUrl, { path: ['demoPeer'], error: 'needs --redis: the demo\'s instances share its rooms through Redis' })
  // The echo sends a message back whole: one bigger than a client's send buffer would drop its own sender as too slow.
  .refine((config) => config.maxPayload <= config.sendBuffer, {
    path: ['maxPayload'],
    error: (issue) => {
      const config = issue.input as { sendBuffer: number };
      return `must not be more than --send-buffer (${config.sendBuffer}): an echo of a message that big would drop its own sender as a slow client`;
    },
  });
export type Config = z.infer<typeof ConfigSchema>;

interface Source {
  flag: string;
  env: string;
}

/** Server setting name → flag name and environment variable. */
const serverSources: Record<keyof ServerSettings, Source> = {
  port: { flag: '--port', env: 'PORT' },
  host: { flag: '--host', env: 'HOST' },
  siteDir: { flag: '--site-dir', env: 'DUPLEX_SITE_DIR' },
  allowedOrigins: { flag: '--allowed-origins', env: 'DUPLEX_ALLOWED_ORIGINS' },
  maxConnections: { flag: '--max-connections', env: 'DUPLEX_MAX_CONNECTIONS' },
  maxPayload: { flag: '--max-payload', env: 'DUPLEX_MAX_PAYLOAD' },
  rateLimit: { flag: '--rate-limit', env: 'DUPLEX_RATE_LIMIT' },
  rateBurst: { flag: '--rate-burst', env: 'DUPLEX_RATE_BURST' },
  sendBuffer: { flag: '--send-buffer', env: 'DUPLEX_SEND_BUFFER' },
  heartbeatMs: { flag: '--heartbeat-ms', env: 'DUPLEX_HEARTBEAT_MS' },
  longPollTimeoutMs: { flag: '--long-poll-timeout-ms', env: 'DUPLEX_LONG_POLL_TIMEOUT_MS' },
  feedIntervalMs: { flag: '--feed-interval-ms', env: 'DUPLEX_FEED_INTERVAL_MS' },
  chatHistory: { flag: '--chat-history', env: 'DUPLEX_CHAT_HISTORY' },
  stateDir: { flag: '--state-dir', env: 'DUPLEX_STATE_DIR' },
  ephemeral: { flag: '--ephemeral', env: 'DUPLEX_EPHEMERAL' },
  labTunnel: { flag: '--lab', env: 'DUPLEX_LAB' },
  redisUrl: { flag: '--redis', env: 'DUPLEX_REDIS_URL' },
  demoPeer: { flag: '--demo-peer', env: 'DUPLEX_DEMO_PEER' },
};

/** Flags that are switches: `--ephemeral` alone means true. */
const switches: ReadonlySet<string> = new Set(['--ephemeral']);
/** Flags that stand for a flag and its value. */
const shorthands: Readonly<Record<string, string>> = { '--no-lab': '--lab=off' };

/** Group settings are named after group and key: workshop.maxRooms → --workshop-max-rooms / WORKSHOP_MAX_ROOMS. */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const groupSource = (group: Group, key: string): Source => {
  const name = `${group}-${kebab(key)}`;
  return { flag: `--${name}`, env: name.replaceAll('-', '_').toUpperCase() };
};

type SettingPath = readonly [keyof ServerSettings] | readonly [Group, string];

/** Every setting as a path into Config, with where a person sets it. */
const settings: { path: SettingPath; source: Source }[] = [
  ...Object.entries(serverSources).map(([key, source]) => ({ path: [key as keyof ServerSettings] as const, source })),
  ...(Object.keys(groups) as Group[]).flatMap((group) =>
    Object.keys(groups[group].shape).map((key) => ({ path: [group, key] as const, source: groupSource(group, key) })),
  ),
];
const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');
const sourceByPath = new Map(settings.map((setting) => [pathKey(setting.path), setting.source]));

/** The name a person knows a setting by, e.g. "--workshop-max-rooms / WORKSHOP_MAX_ROOMS". */
export const settingName = (path: readonly PropertyKey[]) => {
  const setting = settingAt(path);
  return setting ? `${setting.source.flag} / ${setting.source.env}` : pathKey(path);
};

/** The setting a problem is about: a list's item (allowedOrigins.0) belongs to its list. */
function settingAt(path: readonly PropertyKey[]) {
  for (let length = path.length; length > 0; length--) {
    const key = pathKey(path.slice(0, length));
    const source = sourceByPath.get(key);
    if (source) return { key, source };
  }
  return undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads flags and env into a validated Config, or throws a ConfigError listing every problem. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const given = new Map<string, string>();
  const byFlag = new Map(settings.map((setting) => [setting.source.flag, setting]));
  for (const setting of settings) {
    const value = env[setting.source.env];
    if (value !== undefined && value !== '') given.set(pathKey(setting.path), value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = shorthands[argv[i] ?? ''] ?? argv[i] ?? '';
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const setting = byFlag.get(flag);
    if (!setting) throw new ConfigError(`unknown option "${arg}" (see --help)`);
    const value = inline ?? (switches.has(flag) ? 'true' : argv[++i]);
    if (value === undefined) throw new ConfigError(`option ${flag} needs a value`);
    given.set(pathKey(setting.path), value);
  }
  const raw: Record<string, unknown> = Object.fromEntries(Object.keys(groups).map((group) => [group, {}]));
  for (const [path, value] of given) {
    const [first = '', second] = path.split('.');
    if (second === undefined) raw[first] = value;
    else (raw[first] as Record<string, string>)[second] = value;
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = explainIssues(result.error.issues, { where: settingName, given: (path) => given.get(settingAt(path)?.key ?? '') });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

/** The text printed by --help, generated from the schema so it cannot drift. */
export function helpText(): string {
  const defaults = ConfigSchema.parse({});
  const rows = settings.map(({ path, source }) => {
    const field = path.length === 1 ? ServerSettingsSchema.shape[path[0]] : (groups[path[0]].shape as Record<string, z.ZodType>)[path[1]];
    const fallback: unknown = path.length === 1 ? defaults[path[0]] : (defaults[path[0]] as Record<string, unknown>)[path[1]];
    return `  ${source.flag.padEnd(36)} ${source.env.padEnd(34)} ${field?.description ?? ''} (default: ${fallback === undefined ? 'none' : JSON.stringify(fallback)})`;
  });
  return ['Usage: node playground-server/main.ts [options]', '', `  ${'flag'.padEnd(36)} env`, ...rows].join('\n');
}
