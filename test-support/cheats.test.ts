import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCheatPatch, replaceOnce } from './cheats.ts';

const solution = "const a = 1;\nif (ok) send(a);\nlog('done');\n";

test('a patch replaces exact pieces of the solution and says what the cheat gets wrong', () => {
  const cheat = applyCheatPatch(solution, 'Sends even when not ok.\n- if (ok) send(a);\n+ send(a);\n- log(\'done\');\n+\n', 'x.patch');
  assert.equal(cheat, "// Cheat: Sends even when not ok.\nconst a = 1;\nsend(a);\n\n");
});

test('a patch whose anchor left the solution, or is ambiguous, fails loudly instead of becoming the solution', () => {
  assert.throws(() => applyCheatPatch(solution, 'Wrong.\n- if (ready) send(a);\n+ send(a);\n', 'x.patch'), /x\.patch: "if \(ready\) send\(a\);" is not in the solution any more/);
  assert.throws(() => replaceOnce('a a', 'a', 'b', 'y'), /occurs more than once/);
});

test('a malformed patch is refused with the line that is wrong', () => {
  assert.throws(() => applyCheatPatch(solution, 'Wrong.\n- const a = 1;\n', 'x.patch'), /x\.patch:3: a "- " line must be followed by a "\+ " line/);
  assert.throws(() => applyCheatPatch(solution, 'Wrong.\n+ send(a);\n', 'x.patch'), /x\.patch:2: a "\+ " line without/);
  assert.throws(() => applyCheatPatch(solution, 'Only words.\n', 'x.patch'), /changes nothing/);
  assert.throws(() => applyCheatPatch(solution, '- const a = 1;\n+ const a = 2;\n', 'x.patch'), /say first what the cheat gets wrong/);
});
