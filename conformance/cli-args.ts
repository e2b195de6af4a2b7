import { parseTarget, type Target } from './target.ts';

export const usage = `Usage: npm run conformance -- ws://host:port/path [options]

Runs the WebSocket conformance suite (RFC 6455, Autobahn sections 1–7 and more) against the
one server at the URL, and writes report.html and report.json.

Options:
  --out <dir>        where to write the reports (default ./conformance-report/)
  --cases <list>     only these cases, e.g. "1.*,5.2,7.1.1"
  --timeout <ms>     how long to wait for each answer from the server (default 2000)
  --help             this text

Exit status: 0 when no case fails (non-strict is fine), 1 when one does, 2 on bad arguments.`;

export interface CliOptions {
  target: Target;
  outDir: string;
  cases: string | null;
  timeoutMs: number;
}

/** The options, `help`, or the sentence that explains what is wrong (the CLI exits 2 with it). */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' | { error: string } {
  let url: string | null = null;
  let outDir = 'conformance-report';
  let cases: string | null = null;
  let timeoutMs = 2000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--out' || arg === '--cases' || arg === '--timeout') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${arg} needs a value` };
      if (arg === '--out') outDir = value;
      else if (arg === '--cases') cases = value;
      else {
        timeoutMs = Number(value);
        if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 60_000) return { error: '--timeout must be a whole number of ms between 50 and 60000' };
      }
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else if (url !== null) {
      return { error: `one URL only (got ${url} and ${arg}): the suite tests exactly the server it is given` };
    } else {
      url = arg;
    }
  }
  if (url === null) return { error: 'which server? give its ws:// URL' };
  const target = parseTarget(url);
  if ('error' in target) return target;
  return { target, outDir, cases, timeoutMs };
}
