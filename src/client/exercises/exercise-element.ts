import type { RunEvent } from '../playground/runner/run-protocol.ts';
import type { DuplexPlayground } from '../playground/element.ts';
import type { Verdict } from './checks/types.ts';
import { checks, isCheckName } from './checks/index.ts';
import { failure } from './checks/events.ts';
import { markPassed, readProgress } from '../progress/store.ts';
import { part } from '../dom.ts';

/**
 * <duplex-exercise>: wraps a playground holding the starter code. It listens to the runs of that
 * playground (through the events the playground element dispatches), feeds every event to the
 * exercise's named check, and says live whether the learner's code does what was asked.
 */
class DuplexExercise extends HTMLElement {
  #events: RunEvent[] = [];
  #passedThisRun = false;
  /** The check's last "not yet" message, repeated if the learner stops the run. */
  #lastMessage = '';


  get #lessonId(): string {
    return this.dataset.lesson ?? '';
  }

  get #name(): string {
    return this.dataset.exercise ?? '';
  }

  connectedCallback() {
    const checkName = this.dataset.check ?? '';
    if (!isCheckName(checkName)) throw new Error(`<duplex-exercise>: no check named "${checkName}"`);
    const check = checks[checkName];
    this.addEventListener('duplex:run-start', () => {
      this.#events = [];
      this.#passedThisRun = false;
      this.#show('checking', 'Running… the check watches every event of your run.');
    });
    this.addEventListener('duplex:run-event', (event) => {
      this.#events.push(event.detail);
      this.#judge(check(this.#events));
    });
    this.addEventListener('duplex:run-stop', () => {
      if (!this.#passedThisRun) this.#show('idle', `Stopped before the check passed. ${this.#lastMessage}`);
    });
    const useSolution = part<HTMLButtonElement>(this, '[data-action="use-solution"]');
    useSolution.hidden = false;
    useSolution.addEventListener('click', () => void this.#playground.setCode(this.dataset.solution ?? ''));
    if (readProgress(localStorage).lessons[this.#lessonId]?.passed.includes(this.#name)) {
      this.#show('idle', 'You have passed this exercise before. Run it again any time.');
      this.dataset.passedBefore = '';
    }
    this.dataset.ready = '';
  }

  get #playground(): DuplexPlayground {
    return part<DuplexPlayground>(this, 'duplex-playground');
  }

  #judge(verdict: Verdict) {
    if (this.#passedThisRun) return;
    const thrown = failure(this.#events);
    if (verdict.passed) {
      this.#passedThisRun = true;
      markPassed(localStorage, this.#lessonId, this.#name, Date.now());
      dispatchEvent(new Event('duplex:progress'));
      this.#show('passed', `Passed: ${verdict.message}`);
    } else if (thrown !== undefined) {
      this.#show('failed', `Your code threw an error: ${thrown}`);
    } else {
      this.#lastMessage = verdict.message;
      this.#show('checking', `Not yet: ${verdict.message}`);
    }
  }

  #show(verdict: 'idle' | 'checking' | 'passed' | 'failed', message: string) {
    this.dataset.verdict = verdict;
    part<HTMLElement>(this, '[data-role="verdict"]').textContent = message;
  }
}

customElements.define('duplex-exercise', DuplexExercise);
