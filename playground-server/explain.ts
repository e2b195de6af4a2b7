import type * as z from 'zod/mini';

/**
 * The one place a zod failure becomes words a person reads: for each problem, where it is
 * (a flag and its environment variable, or a message field), what is allowed, and what was
 * given. Config, workshop limits and JSON socket messages all go through here, so a learner
 * and an operator see the same kind of sentence.
 */
export interface ExplainOptions {
  /** How a path is named to the reader, e.g. ['port'] → "--port / PORT". */
  where: (path: readonly PropertyKey[]) => string;
  /** The raw value at a path, when showing it helps (config); omitted for socket messages. */
  given?: (path: readonly PropertyKey[]) => unknown;
}

/** zod's own wording ("Invalid input: expected string, received undefined") is for developers. */
const isZodDefault = (issue: z.core.$ZodIssue) => issue.message.startsWith('Invalid input');

export function explainIssue(issue: z.core.$ZodIssue, options: ExplainOptions): string {
  const rule = issue.code === 'invalid_type' && isZodDefault(issue) ? `expected ${issue.expected}` : issue.message;
  const value = options.given?.(issue.path);
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  return `${options.where(issue.path)}: ${rule}${shown}`;
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], options: ExplainOptions): string[] {
  return issues.map((issue) => explainIssue(issue, options));
}
