import { lessonStatus, readProgress } from './store.ts';

/**
 * <duplex-continue> on the course index: "continue where you left off" and a one-line tally,
 * from the learner's own progress. Hidden until there is something to say (and without script).
 */
class DuplexContinue extends HTMLElement {
  connectedCallback() {
    const progress = readProgress(localStorage);
    const last = progress.last;
    if (!last) return;
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.course-index a[data-lesson-id]')];
    const statuses = links.map((link) => lessonStatus(progress, link.dataset.lessonId ?? '', (link.dataset.exercises ?? '').split(' ').filter(Boolean)));
    const visited = statuses.filter((status) => status !== 'new').length;
    const passed = statuses.filter((status) => status === 'passed').length;
    const link = this.querySelector<HTMLAnchorElement>('[data-role="last"]');
    const tally = this.querySelector<HTMLElement>('[data-role="tally"]');
    if (!link || !tally) return;
    // Only follow links the course itself has: stored data could name anything.
    const known = links.find((candidate) => candidate.dataset.lessonId === last.id);
    if (!known) return;
    link.href = known.href;
    link.textContent = last.title;
    tally.textContent = `${visited} of ${links.length} lessons visited, ${passed} with every exercise passed.`;
    this.hidden = false;
  }
}

customElements.define('duplex-continue', DuplexContinue);
