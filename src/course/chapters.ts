/**
 * The course's chapters in teaching order. A lesson's `chapter` frontmatter must be one of
 * these ids (the content schema enforces it), so the sidebar and index can group lessons.
 */
export const chapters = [
  { id: 'why', title: 'Why WebSockets' },
  { id: 'protocol', title: 'The protocol' },
  { id: 'building', title: 'Building with WebSockets' },
  { id: 'production', title: 'In production' },
  { id: 'server', title: 'Build your own server' },
] as const;

export type ChapterId = (typeof chapters)[number]['id'];

export const chapterIds = chapters.map((chapter) => chapter.id) as [ChapterId, ...ChapterId[]];
