import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allCases, selectCases } from './cases/index.ts';
import { parseCliArgs, usage } from './cli-args.ts';
import { tcpConnect } from './node-pipe.ts';
import { systemClock } from './pipe.ts';
import { buildReport } from './report.ts';
import { renderHtml } from './report-html.ts';
import { runSuite } from './runner.ts';
import { summaryTable } from './summary-table.ts';

/** `npm run conformance -- ws://host:port/path`: run the suite, print the table, write the reports. */

const parsed = parseCliArgs(process.argv.slice(2));
if (parsed === 'help') {
  console.log(usage);
  process.exit(0);
}
if ('error' in parsed) {
  console.error(`conformance: ${parsed.error}\n\n${usage}`);
  process.exit(2);
}
const cases = parsed.cases === null ? [...allCases] : selectCases(allCases, parsed.cases);
if (cases.length === 0) {
  console.error(`conformance: --cases ${parsed.cases} matches no case (ids look like 1.1.1, 2.5, 7.3.4)\n\n${usage}`);
  process.exit(2);
}

console.log(`Testing ${parsed.target.url} with ${cases.length} cases…`);
const startedAt = new Date();
const started = systemClock.now();
const results = await runSuite(cases, tcpConnect(parsed.target), parsed.target, {
  timeoutMs: parsed.timeoutMs,
  // Generous for a healthy server (a few seconds), yet a server that hangs cannot hold a terminal for long.
  budgetMs: Math.max(120_000, cases.length * parsed.timeoutMs),
  clock: systemClock,
  onResult: (r) => process.stdout.write(r.verdict === 'fail' ? 'F' : r.verdict === 'non-strict' ? 'n' : '.'),
});
process.stdout.write('\n\n');
const report = buildReport(parsed.target.url, startedAt, systemClock.now() - started, parsed.timeoutMs, results);
console.log(summaryTable(report));

const outDir = resolve(parsed.outDir);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'report.html'), renderHtml(report));
console.log(`\nReports: ${join(outDir, 'report.html')}, ${join(outDir, 'report.json')}`);
process.exitCode = report.summary.fail === 0 ? 0 : 1;
