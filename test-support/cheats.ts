import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The cheats every exercise check is tried against, in `e2e/cheats/`. A cheat is either a whole
 * program (`<exercise>.js`) or, where it is the solution with one thing wrong, a patch of the
 * solution (`<exercise>.patch`): a copy would drift from the solution it imitates, a patch fails
 * loudly when the solution changes under it.
 *
 * Patch format: the first lines say what the cheat gets wrong; then pairs of lines, `- ` the exact
 * text of the solution to replace (once) and `+ ` what replaces it (`+` alone deletes it).
 */
export const cheatsDir = join(import.meta.dirname, '..', 'e2e', 'cheats');

/** Replaces one exact piece of `code`; throws if the piece is missing or not unique. */
export function replaceOnce(code: string, from: string, to: string, where = 'the code'): string {
  const at = code.indexOf(from);
  if (at < 0) throw new Error(`${where}: "${from}" is not in the solution any more: update the cheat`);
  if (code.indexOf(from, at + 1) >= 0) throw new Error(`${where}: "${from}" occurs more than once in the solution: make it unique`);
  return code.slice(0, at) + to + code.slice(at + from.length);
}

/** Applies a patch (see above) to the solution; the cheat starts with a comment saying what it gets wrong. */
export function applyCheatPatch(solution: string, patch: string, where: string): string {
  const lines = patch.split('\n');
  const description: string[] = [];
  let code = solution;
  let changes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('- ')) {
      const next = lines[i + 1];
      if (next === undefined || !(next === '+' || next.startsWith('+ '))) throw new Error(`${where}:${i + 2}: a "- " line must be followed by a "+ " line`);
      code = replaceOnce(code, line.slice(2), next.slice(2), where);
      changes++;
      i++;
    } else if (line.startsWith('+')) {
      throw new Error(`${where}:${i + 1}: a "+ " line without the "- " line it replaces`);
    } else if (changes === 0 && line.trim() !== '') {
      description.push(line.trim());
    }
  }
  if (changes === 0) throw new Error(`${where}: the patch changes nothing`);
  if (description.length === 0) throw new Error(`${where}: say first what the cheat gets wrong`);
  return `// Cheat: ${description.join(' ')}\n${code}`;
}

/** The cheat for `exercise` as code to run; throws (failing collection) when there is none. */
export function readCheat(exercise: string, solution: string): string {
  const patch = join(cheatsDir, `${exercise}.patch`);
  if (existsSync(patch)) return applyCheatPatch(solution, readFileSync(patch, 'utf8'), `e2e/cheats/${exercise}.patch`);
  return readFileSync(join(cheatsDir, `${exercise}.js`), 'utf8');
}
