import { getCollection } from 'astro:content';
import { chapters, type ChapterId } from './chapters.ts';

export interface LessonSummary {
  /** Collection id, e.g. "lessons/what-is-a-websocket". */
  id: string;
  href: string;
  title: string;
  summary: string;
  objectives: string[];
  duration: number;
  chapter: ChapterId;
  order: number;
  /** Names of the lesson's exercises (its `<name>.starter.js` files), for progress. */
  exercises: string[];
}

export interface ChapterWithLessons {
  id: ChapterId;
  title: string;
  lessons: LessonSummary[];
}

/** Exercise files by lesson folder: "lessons/frames" → ["binary-length"]. */
const exerciseFiles = Object.keys(import.meta.glob('../content/docs/lessons/*/*.starter.js', { query: '?raw', import: 'default' }));
function exercisesOf(id: string): string[] {
  const prefix = `../content/docs/${id}/`;
  return exerciseFiles.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length, -'.starter.js'.length));
}

/**
 * The course in teaching order: chapters as declared, lessons by `order` inside each.
 * One source for the index page, the sidebar and prev/next links.
 */
export async function getCourse(): Promise<ChapterWithLessons[]> {
  const entries = await getCollection('docs', (entry) => entry.id.startsWith('lessons/'));
  const lessons: LessonSummary[] = entries.map((entry) => {
    const { title, summary, objectives, duration, chapter, order } = entry.data;
    if (summary === undefined || objectives === undefined || duration === undefined || chapter === undefined || order === undefined) {
      const missing = Object.entries({ chapter, order, summary, objectives, duration })
        .filter(([, value]) => value === undefined)
        .map(([key]) => key);
      throw new Error(`${entry.filePath ?? entry.id}: lesson frontmatter is missing ${missing.join(', ')} (see src/content.config.ts).`);
    }
    return { id: entry.id, href: `/${entry.id}/`, title, summary, objectives, duration, chapter, order, exercises: exercisesOf(entry.id) };
  });
  const taken = new Map<string, string>();
  for (const lesson of lessons) {
    const key = `${lesson.chapter}#${lesson.order}`;
    const other = taken.get(key);
    if (other) throw new Error(`Lessons "${other}" and "${lesson.id}" both have chapter "${lesson.chapter}" and order ${lesson.order}; give each its own order.`);
    taken.set(key, lesson.id);
  }
  return chapters
    .map((chapter) => ({
      id: chapter.id,
      title: chapter.title,
      lessons: lessons.filter((lesson) => lesson.chapter === chapter.id).sort((a, b) => a.order - b.order),
    }))
    .filter((chapter) => chapter.lessons.length > 0);
}

/** Slug → title of every lesson, as JSON for a page's `data-lesson-titles` (workshop pages). */
export async function lessonTitlesJson(): Promise<string> {
  const lessons = (await getCourse()).flatMap((chapter) => chapter.lessons);
  return JSON.stringify(Object.fromEntries(lessons.map((lesson) => [lesson.id.replace(/^lessons\//, ''), lesson.title])));
}
