import { markVisited, readProgress } from './store.ts';
import { markLessonLinks } from './progress-marks.ts';

/**
 * <duplex-progress>, on every page: records a visit when the page is a lesson, then marks the
 * lesson links on the page. Exercises update their own "passed" state through the store.
 */
class DuplexProgress extends HTMLElement {
  connectedCallback() {
    const { lessonId, lessonHref, lessonTitle } = this.dataset;
    const progress =
      lessonId && lessonHref && lessonTitle
        ? markVisited(localStorage, { id: lessonId, href: lessonHref, title: lessonTitle }, Date.now())
        : readProgress(localStorage);
    markLessonLinks(document, progress);
    addEventListener('duplex:progress', () => markLessonLinks(document, readProgress(localStorage)));
  }
}

customElements.define('duplex-progress', DuplexProgress);
