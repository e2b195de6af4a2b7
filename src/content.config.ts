import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { chapterIds } from './course/chapters.ts';

/**
 * Our lesson fields, on top of Starlight's own frontmatter. They are optional here because
 * Starlight validates our own pages (the course index, /playground/) with this same schema;
 * src/course/catalog.ts requires all of them for every file under lessons/.
 */
export const lessonFields = z.object({
  chapter: z.enum(chapterIds).optional().describe('which chapter the lesson belongs to (src/course/chapters.ts)'),
  order: z.number().int().min(1).optional().describe('position within the chapter, from 1'),
  summary: z.string().min(20).max(240).optional().describe('one or two sentences for the course index'),
  objectives: z.array(z.string().min(5)).min(1).max(6).optional().describe('what the learner can do afterwards'),
  duration: z.number().int().min(1).max(90).optional().describe('minutes to read and do the exercises'),
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    // Strict: an unknown key (a typo such as `chpater`) fails the build naming the file and field,
    // instead of being silently dropped.
    schema: (context) => docsSchema({ extend: lessonFields })(context).strict(),
  }),
};
