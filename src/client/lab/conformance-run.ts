import { allCases } from '../../../conformance/cases/index.ts';
import { runSuite, type CaseResult } from '../../../conformance/runner.ts';
import { parseTarget } from '../../../conformance/target.ts';
import { systemClock } from '../../../conformance/pipe.ts';
import { buildReport, type Report } from '../../../conformance/report.ts';
import { openLabPipe } from './lab-pipe.ts';

export interface ConformanceOptions {
  onResult?: (result: CaseResult, done: number, total: number) => void;
  /** How the page's pipe socket is opened (tests pass one with the page's Origin). */
  openSocket?: (url: string) => WebSocket;
  timeoutMs?: number;
  /** The page's Stop: the run ends before its next case (see runSuite). */
  signal?: AbortSignal;
}

/** A run's report and, when Stop ended it early, how many cases had ended by then. */
export interface ConformanceOutcome {
  report: Report;
  stoppedAfter: number | null;
}

export const caseCount = allCases.length;

/**
 * Runs the whole conformance suite against the learner's lab from the page: each case gets a
 * fresh raw pipe (`/ws/lab-pipe/<id>`) that the server joins to the lab like a TCP connection,
 * and writes its own upgrade request for `/lab/<id>/echo` (the path the chapter's server echoes on).
 */
export async function runConformance(labUrl: string, options: ConformanceOptions = {}): Promise<ConformanceOutcome> {
  const target = parseTarget(`${labUrl}/echo`);
  if ('error' in target) throw new Error(target.error);
  // More than the CLI's 2 s: every byte here crosses the page, the server and the learner's
  // worker, and on a loaded machine a correct echo was seen 3.3 s late. A correct server ends
  // nearly every wait early, so only a wrong one pays for the margin.
  const timeoutMs = options.timeoutMs ?? 5000;
  const startedAt = new Date();
  const started = systemClock.now();
  let done = 0;
  const results = await runSuite(allCases, () => openLabPipe(target.url, options.openSocket), target, {
    timeoutMs,
    // Opening a pipe is the page's own work (browser, server, the learner's worker), not the
    // server under test answering: on a loaded machine it may take seconds, so it gets more.
    connectTimeoutMs: 5 * timeoutMs,
    // The page shows each case as it ends and every case is bounded on its own (5 × timeout), so
    // the whole-run bound only stops a run nobody would wait for: a slow machine still finishes.
    budgetMs: 600_000,
    clock: systemClock,
    onResult: (result) => options.onResult?.(result, ++done, allCases.length),
    signal: options.signal,
  });
  const report = buildReport(target.url, startedAt, systemClock.now() - started, timeoutMs, results);
  return { report, stoppedAfter: options.signal?.aborted ? results.length : null };
}
