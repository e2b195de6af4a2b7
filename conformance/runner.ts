import type { ConformanceCase } from './case-kit.ts';
import type { FrameRecord } from './server-stream.ts';
import { Session, type HandshakeRecord, type SentRecord } from './session.ts';
import type { Clock, Connect } from './pipe.ts';
import type { Target } from './target.ts';
import type { Judgement, Verdict } from './verdicts.ts';

/**
 * Runs cases one after another, one fresh connection each, and bounds every wait: a case's
 * waits by `timeoutMs`, a whole case by five times that, the whole run by `budgetMs`.
 */

export interface RunOptions {
  /** Each wait for the server (handshake, reply, close), in ms. */
  timeoutMs: number;
  /** How long opening a connection may take (default `timeoutMs`): a page's pipe crosses a busy browser first. */
  connectTimeoutMs?: number;
  /** The whole run; cases not started by then fail as not run. */
  budgetMs: number;
  clock: Clock;
  /** Called as each case finishes, for progress output. */
  onResult?: (result: CaseResult) => void;
  /**
   * Stops the run (the lab page's Stop): no case starts after it, and the one in flight is left
   * unrecorded (its own bounded waits still end it and close its connection).
   */
  signal?: AbortSignal;
}

/** One case's outcome: its definition, verdict and everything observed, ready for a report. */
export interface CaseResult {
  id: string;
  title: string;
  rfc: string;
  requirement: string;
  verdict: Verdict;
  reason: string;
  durationMs: number;
  handshake: HandshakeRecord | null;
  sent: SentRecord[];
  received: FrameRecord[];
  tcpClosed: { atMs: number; by: 'server' | 'client' } | null;
}

/** Runs the cases in order; a stopped run (`signal`) returns the results of the cases that ended before it. */
export async function runSuite(cases: readonly ConformanceCase[], connect: Connect, target: Target, options: RunOptions): Promise<CaseResult[]> {
  const { clock } = options;
  const deadline = clock.now() + options.budgetMs;
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    if (options.signal?.aborted) break;
    const result =
      clock.now() > deadline
        ? baseResult(testCase, { verdict: 'fail', reason: `not run: the run's time budget of ${options.budgetMs} ms was used up` }, 0)
        : await unlessAborted(runCase(testCase, connect, target, options), options.signal);
    if (result === null) break;
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

async function runCase(testCase: ConformanceCase, connect: Connect, target: Target, options: RunOptions): Promise<CaseResult> {
  const { clock } = options;
  const started = clock.now();
  const timeoutMs = Math.max(options.timeoutMs, testCase.timeoutMs ?? 0);
  const elapsed = () => Math.round(clock.now() - started);
  const connecting = connect();
  let session: Session;
  try {
    session = new Session(await within(connecting, options.connectTimeoutMs ?? timeoutMs, clock, 'connect'), clock, timeoutMs);
  } catch (error) {
    // A connection that opens after we gave up must not linger.
    connecting.then((pipe) => pipe.close(), () => undefined);
    return baseResult(testCase, { verdict: 'fail', reason: `could not connect: ${(error as Error).message}` }, elapsed());
  }
  let judgement: Judgement;
  try {
    const handshake = await session.handshake(target, testCase.handshakePieces);
    if (handshake.problems.length > 0) {
      judgement = { verdict: 'fail', reason: `handshake failed: ${handshake.problems.join('; ')}` };
    } else {
      const finished = await within(testCase.run(session), 5 * timeoutMs, clock, 'case').then(
        () => true,
        (error: Error) => error,
      );
      if (finished !== true && !(finished instanceof TimeoutError)) throw finished;
      judgement = testCase.judge(session.observation());
      if (finished instanceof TimeoutError) judgement = { verdict: 'fail', reason: `did not finish within ${5 * timeoutMs} ms; ${judgement.reason}` };
    }
  } catch (error) {
    // A bug in a case must show as that case's failure, not end the run.
    judgement = { verdict: 'fail', reason: `suite error: ${(error as Error).stack ?? String(error)}` };
  } finally {
    session.dispose();
  }
  const observed = session.observation();
  return {
    ...baseResult(testCase, judgement, elapsed()),
    handshake: observed.handshake,
    sent: observed.sent,
    received: observed.frames,
    tcpClosed: observed.tcpClosed,
  };
}

function baseResult(testCase: ConformanceCase, judgement: Judgement, durationMs: number): CaseResult {
  const { id, title, rfc, requirement } = testCase;
  return { id, title, rfc, requirement, ...judgement, durationMs, handshake: null, sent: [], received: [], tcpClosed: null };
}

/** The promise's value, or null as soon as `signal` aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(signal.aborted ? null : value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function within<T>(promise: Promise<T>, ms: number, clock: Clock, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const cancel = clock.after(ms, () => reject(new TimeoutError(`${what} timed out after ${ms} ms`)));
    promise.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
