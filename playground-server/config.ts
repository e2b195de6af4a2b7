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
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** Setting name → flag name and environment variable. */
const sources: Record<keyof Config, { flag: string; env: string }> = {
  port: { flag: '--port', env: 'PORT' },
  host: { flag: '--host', env: 'HOST' },
  siteDir: { flag: '--site-dir', env: 'DUPLEX_SITE_DIR' },
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
    const fallback = field.parse(undefined);
    return `  ${s.flag.padEnd(14)} ${s.env.padEnd(16)} ${field.description ?? ''} (default: ${JSON.stringify(fallback)})`;
  });
  return ['Usage: node playground-server/main.ts [options]', '', '  flag           env', ...rows].join('\n');
}
