import { formatValue } from './format.ts';

/** Where in the learner's code something went wrong (1-based, as editors count). */
export interface CodePlace {
  line: number;
  column: number;
}

/**
 * An error the learner's socket handler threw, wrapped so the report says which handler it
 * came from: an `onmessage` that throws is a bug in that handler, not in the code around it.
 */
export class HandlerError extends Error {
  readonly handler: string;
  readonly thrown: unknown;
  constructor(handler: string, thrown: unknown) {
    super(formatValue(thrown));
    this.name = 'HandlerError';
    this.handler = handler;
    this.thrown = thrown;
  }
}

/** 1-based line and column of a character offset in `code`. */
export function placeOf(code: string, offset: number): CodePlace {
  const before = code.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * The innermost frame of the learner's code in a V8 stack. Code built with the AsyncFunction
 * constructor shows as `<anonymous>:line:col`, `lineOffset` lines below the learner's first
 * line (the generated `async function anonymous(…) {` header), measured once by the worker.
 */
export function placeInStack(stack: string | undefined, lineOffset: number): CodePlace | null {
  const match = /<anonymous>:(\d+):(\d+)/.exec(stack ?? '');
  if (!match) return null;
  const line = Number(match[1]) - lineOffset;
  return line >= 1 ? { line, column: Number(match[2]) } : null;
}

export interface Failure {
  message: string;
  line?: number;
  column?: number;
}

/** One message for a thrown value: what, where in the code, and from which handler if any. */
export function describeFailure(thrown: unknown, lineOffset: number): Failure {
  const handler = thrown instanceof HandlerError ? thrown.handler : null;
  const error = thrown instanceof HandlerError ? thrown.thrown : thrown;
  const place = error instanceof Error ? placeInStack(error.stack, lineOffset) : null;
  const where = place ? ` at line ${place.line}, column ${place.column}` : '';
  const from = handler ? ` (thrown inside ${handler})` : '';
  return { message: `${formatValue(error)}${where}${from}`, ...(place ?? {}) };
}
