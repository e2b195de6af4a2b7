import type { CaseResult } from './runner.ts';

/**
 * The JSON report, version 1. Its shape is the contract for anything that reads reports
 * (the HTML writer, a browser page, CI): add fields freely, but change or remove one only
 * with a new version number.
 */
export interface Report {
  version: 1;
  /** The ws:// URL tested. */
  target: string;
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  /** The per-wait timeout the run used. */
  timeoutMs: number;
  summary: { pass: number; nonStrict: number; fail: number };
  cases: CaseResult[];
}

export function buildReport(target: string, startedAt: Date, durationMs: number, timeoutMs: number, cases: CaseResult[]): Report {
  const count = (verdict: CaseResult['verdict']) => cases.filter((c) => c.verdict === verdict).length;
  return {
    version: 1,
    target,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    timeoutMs,
    summary: { pass: count('pass'), nonStrict: count('non-strict'), fail: count('fail') },
    cases,
  };
}
