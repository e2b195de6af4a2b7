import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCheat } from '../test-support/cheats.ts';

/**
 * The course as files, read at test-collection time so every example and exercise a lesson
 * adds gets its tests without anyone writing them: e2e is generated over the collection.
 */
const lessonsDir = join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons');

export interface ExampleFile {
  lesson: string;
  file: string;
  code: string;
  /** Texts the run's output must show, from `// expect: <text>` lines in the example. */
  expected: string[];
  /** `// allow-errors`: the example demonstrates a refusal or a failure on purpose. */
  allowErrors: boolean;
}

export interface ExerciseFiles {
  lesson: string;
  name: string;
  starter: string;
  solution: string;
  /** A cheat that must not pass (`e2e/cheats/<name>.js`, or `.patch` of the solution): the kind of shortcut the check must see through. */
  cheat: string;
  /** How long the cheat runs before "not passed" is asserted (`// wait-ms: <n>`, default 2500). */
  cheatWaitMs: number;
  /** The hint's text as the lesson writes it (markdown backticks removed). */
  hint: string;
}

export const lessons = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const read = (lesson: string, file: string) => readFileSync(join(lessonsDir, lesson, file), 'utf8');
const filesOf = (lesson: string, suffix: string) => readdirSync(join(lessonsDir, lesson)).filter((file) => file.endsWith(suffix)).sort();

export const examples: ExampleFile[] = lessons.flatMap((lesson) =>
  filesOf(lesson, '.example.js').map((file) => {
    const code = read(lesson, file);
    const expected = [...code.matchAll(/^\/\/ expect: (.+)$/gm)].map((match) => match[1]!.trim());
    return { lesson, file, code, expected, allowErrors: /^\/\/ allow-errors\b/m.test(code) };
  }),
);

export const exercises: ExerciseFiles[] = lessons.flatMap((lesson) =>
  filesOf(lesson, '.starter.js').map((file) => {
    const name = file.slice(0, -'.starter.js'.length);
    const solution = read(lesson, `${name}.solution.js`);
    // Read here so a new exercise without a cheat fails collection: every check is tried against one.
    const cheat = readCheat(name, solution);
    const page = read(lesson, 'index.mdx');
    const exercise = page.slice(page.indexOf(`<Exercise name="${name}"`));
    const hint = /<Fragment slot="hint">(.*?)<\/Fragment>/s.exec(exercise)?.[1] ?? '';
    return {
      lesson,
      name,
      starter: read(lesson, file),
      solution,
      cheat,
      cheatWaitMs: Number(/^\/\/ wait-ms: (\d+)$/m.exec(cheat)?.[1] ?? 2500),
      hint: hint.replaceAll('`', '').trim(),
    };
  }),
);

export const lessonPath = (lesson: string) => `/lessons/${lesson}/`;
