import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { getCourse } from './course/catalog.ts';

type SidebarLink = Extract<StarlightRouteData['sidebar'][number], { type: 'link' }>;

/**
 * Starlight builds the sidebar from folders; our order lives in lesson frontmatter
 * (chapter, order). Rebuild the sidebar as one group per chapter and derive prev/next from it.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const current = context.url.pathname.replace(/\/?$/, '/');
  const course = await getCourse();
  const links: SidebarLink[] = [];
  route.sidebar = [
    { type: 'link', label: 'Course overview', href: '/', isCurrent: current === '/', badge: undefined, attrs: {} },
    ...course.map((chapter) => ({
      type: 'group' as const,
      label: chapter.title,
      collapsed: false,
      badge: undefined,
      entries: chapter.lessons.map((lesson) => {
        const link: SidebarLink = {
          type: 'link',
          label: lesson.title,
          href: lesson.href,
          isCurrent: lesson.href === current,
          badge: undefined,
          attrs: { 'data-lesson-id': lesson.id, 'data-exercises': lesson.exercises.join(' ') },
        };
        links.push(link);
        return link;
      }),
    })),
  ];
  const index = links.findIndex((link) => link.isCurrent);
  route.pagination = index === -1 ? { prev: undefined, next: undefined } : { prev: links[index - 1], next: links[index + 1] };
});
