/**
 * Course progress in localStorage: which lessons were visited, which exercises passed, and the
 * last lesson opened (for "continue where you left off"). Kept on the learner's machine only.
 */
const key = 'duplex:progress:v1';

export interface LessonRef {
  id: string;
  href: string;
  title: string;
}

interface LessonProgress {
  visitedAt: number;
  /** Names of the lesson's exercises the learner has passed. */
  passed: string[];
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
  last?: LessonRef & { at: number };
}

/*
 * Stored data is a boundary (other code, an older version or a person may have written it), so it
 * is checked field by field. A hand-written guard rather than zod: this module loads on every
 * page, and the schema library would triple the script a lesson ships before any click.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLessonProgress = (value: unknown): value is LessonProgress =>
  isRecord(value) && typeof value.visitedAt === 'number' && Array.isArray(value.passed) && value.passed.every((name) => typeof name === 'string');
const isLast = (value: unknown): value is Progress['last'] =>
  value === undefined ||
  (isRecord(value) && typeof value.id === 'string' && typeof value.href === 'string' && typeof value.title === 'string' && typeof value.at === 'number');
const isProgress = (value: unknown): value is Progress =>
  isRecord(value) && isRecord(value.lessons) && Object.values(value.lessons).every(isLessonProgress) && isLast(value.last);

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
  return isProgress(raw) ? raw : empty();
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
