import { lessonStatus, type Progress } from './store.ts';

const labels = { visited: 'visited', passed: 'done' } as const;

/**
 * Marks every link to a lesson (sidebar, course index) with the learner's progress: a small
 * badge whose text says it, so it reads the same to screen readers. Links carry their lesson id
 * and exercise names as data attributes, set at build time from the catalog.
 */
export function markLessonLinks(root: ParentNode, progress: Progress): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-lesson-id]')) {
    const exercises = (link.dataset.exercises ?? '').split(' ').filter(Boolean);
    const status = lessonStatus(progress, link.dataset.lessonId ?? '', exercises);
    const previous = link.querySelector('.duplex-progress-mark');
    previous?.previousSibling?.remove(); // the space before it
    previous?.remove();
    link.dataset.progress = status;
    if (status === 'new') continue;
    const mark = document.createElement('span');
    mark.className = 'duplex-progress-mark';
    mark.textContent = labels[status];
    // A real space, so the link's accessible name reads "Frames on the wire visited".
    link.append(' ', mark);
  }
}
