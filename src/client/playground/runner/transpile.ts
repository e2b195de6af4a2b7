import { transform } from 'sucrase';

/**
 * TypeScript → JavaScript for the run worker: types are stripped, nothing else changes (no
 * downlevelling, no module rewriting), so top-level `await` and the line numbers stay as written.
 * Loaded only when a TypeScript example runs.
 */
export function stripTypes(code: string): string {
  return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}
