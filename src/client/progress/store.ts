import * as z from 'zod/mini';

/**
 * Course progress in localStorage: which lessons were visited, which exercises passed, and the
 * last lesson opened (for "continue where you left off"). Kept on the learner's machine only.
 */
const key = 'duplex:progress:v1';

const LessonRef = z.object({ id: z.string(), href: z.string(), title: z.string() });
export type LessonRef = z.infer<typeof LessonRef>;

const LessonProgress = z.object({
  visitedAt: z.number(),
  /** Names of the lesson's exercises the learner has passed. */
  passed: z.array(z.string()),
});

const Progress = z.object({
  lessons: z.record(z.string(), LessonProgress),
  last: z.optional(z.extend(LessonRef, { at: z.number() })),
});
export type Progress = z.infer<typeof Progress>;

/** The part of Storage we use, so tests can pass a plain object. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

const empty = (): Progress => ({ lessons: {} });

/** Reads progress; anything unreadable (edited by hand, an old format) counts as a fresh start. */
export function readProgress(storage: ProgressStorage): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return empty();
  }
  const parsed = Progress.safeParse(raw);
  return parsed.success ? parsed.data : empty();
}

function write(storage: ProgressStorage, progress: Progress): void {
  try {
    storage.setItem(key, JSON.stringify(progress));
  } catch {
    // Storage full or disabled (private mode): progress is a convenience, the lesson still works.
  }
}

export function markVisited(storage: ProgressStorage, lesson: LessonRef, at: number): Progress {
  const progress = readProgress(storage);
  const previous = progress.lessons[lesson.id];
  progress.lessons[lesson.id] = { visitedAt: at, passed: previous?.passed ?? [] };
  progress.last = { ...lesson, at };
  write(storage, progress);
  return progress;
}

export function markPassed(storage: ProgressStorage, lessonId: string, exercise: string, at: number): Progress {
  const progress = readProgress(storage);
  const lesson = progress.lessons[lessonId] ?? { visitedAt: at, passed: [] };
  if (!lesson.passed.includes(exercise)) lesson.passed.push(exercise);
  progress.lessons[lessonId] = lesson;
  write(storage, progress);
  return progress;
}

export type LessonStatus = 'new' | 'visited' | 'passed';

/** A lesson is passed once all its exercises are; `exercises` comes from the course catalog. */
export function lessonStatus(progress: Progress, lessonId: string, exercises: readonly string[]): LessonStatus {
  const lesson = progress.lessons[lessonId];
  if (!lesson) return 'new';
  const done = exercises.length > 0 && exercises.every((name) => lesson.passed.includes(name));
  return done ? 'passed' : 'visited';
}
