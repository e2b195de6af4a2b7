import type * as z from 'zod/mini';
import type { ErrorMessage } from '../protocol/errors.ts';
import { explainIssues } from './explain.ts';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorMessage };

/** "text: too short; type: …" — every problem with its field, so a learner can fix the message. */
const describe = (issues: readonly z.core.$ZodIssue[]) =>
  explainIssues(issues, { where: (path) => (path.length ? path.map(String).join('.') : 'message') }).join('; ');

/**
 * Reads one client message on a JSON endpoint. Never throws: a bad message becomes the
 * error the endpoint sends back, and the connection stays open.
 */
export function parseJsonMessage<T>(schema: z.ZodMiniType<T>, data: Buffer, isBinary: boolean): Parsed<T> {
  if (isBinary) return { ok: false, error: { type: 'error', code: 'binary_not_supported', message: 'send JSON as a text frame' } };
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (error) {
    return { ok: false, error: { type: 'error', code: 'bad_json', message: `not JSON: ${(error as Error).message}` } };
  }
  const result = schema.safeParse(json);
  if (!result.success) return { ok: false, error: { type: 'error', code: 'bad_message', message: describe(result.error.issues) } };
  return { ok: true, value: result.data };
}
