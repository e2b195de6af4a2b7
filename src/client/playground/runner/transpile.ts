import { transform } from 'sucrase';
import { placeOf, type CodePlace } from './failure.ts';
import type { Language } from './run-protocol.ts';

/**
 * TypeScript → JavaScript for the run worker: types are stripped, nothing else changes (no
 * downlevelling, no module rewriting), so top-level `await` and the line numbers stay as written.
 * Loaded only when a TypeScript example runs or the code does not parse.
 */
export function stripTypes(code: string): string {
  return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}

/**
 * Where a syntax error is. V8's SyntaxError from the Function constructor carries no position,
 * so the code is parsed again by sucrase, whose errors carry the offset (`pos`).
 */
export function syntaxErrorPlace(code: string, language: Language): CodePlace | null {
  try {
    transform(code, { transforms: language === 'typescript' ? ['typescript'] : [], disableESTransforms: true });
    return null;
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos;
    return typeof pos === 'number' ? placeOf(code, pos) : null;
  }
}
