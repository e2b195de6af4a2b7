import type { DuplexPlayground } from '../playground/element.ts';
import type { Stage, Verdict } from './checks/types.ts';
import type { checks } from './checks/index.ts';
import { isLabCheckName, type LabCheckName } from '../lab/checks/lab-check-names.ts';
import { failure } from './checks/events.ts';
import { RunHistory } from './run-history.ts';
import { markPassed, readProgress } from '../progress/store.ts';
import { part } from '../dom.ts';

/** How often a running exercise is judged again when no event arrives (quiet-window checks). */
const tickMs = 500;

/**
 * <duplex-exercise>: wraps a playground holding the starter code. It listens to the runs of that
 * playground (through the events the playground element dispatches), feeds every event to the
 * exercise's named check, and says live whether the learner's code does what was asked.
 */
class DuplexExercise extends HTMLElement {
  /** Bounded, so re-running the check after each event stays cheap on a long run. */
  readonly #history = new RunHistory();
  #passedThisRun = false;
  /** Counts runs, so a lab check's late verdict is matched to its own run. */
  #run = 0;
  /** The check's last "not yet" message, repeated if the learner stops the run. */
  #lastMessage = '';
  /** How many faults the run's stage has applied so far. */
  #struck = 0;
  /** Drawn afresh for each strike: when in the run the stage's next fault comes (see Stage). */
  #chance = 0;
  /** Re-judges while a run goes on, for checks that wait out a quiet window. */
  #ticker: ReturnType<typeof setInterval> | undefined;


  get #lessonId(): string {
    return this.dataset.lesson ?? '';
  }

  get #name(): string {
    return this.dataset.exercise ?? '';
  }

  connectedCallback() {
    const checkName = this.dataset.check ?? '';
    if (isLabCheckName(checkName)) return this.#connect(checkName);
    // The checks load on the first Run, not with the page: a lesson's first paint stays light.
    let check: ((typeof checks)[keyof typeof checks]) | null = null;
    let stage: Stage | null = null;
    let loading: Promise<void> | null = null;
    const judgeNow = () => {
      const now = performance.timeOrigin + performance.now();
      this.#applyStage(stage, now);
      if (check) this.#judge(check(this.#history.events, now));
    };
    const load = () =>
      (loading ??= import('./checks/index.ts').then((module) => {
        if (!module.isCheckName(checkName)) throw new Error(`<duplex-exercise>: no check named "${checkName}"`);
        check = module.checks[checkName];
        stage = module.stages[checkName] ?? null;
        judgeNow();
      }));
    this.addEventListener('duplex:run-start', () => {
      this.#struck = 0;
      this.#chance = Math.random();
      void load();
    });
    this.#whenStarted('Running… the check watches every event of your run.');
    // Quiet-window checks ("stopped retrying") need a verdict even when no event arrives.
    this.addEventListener('duplex:run-start', () => {
      clearInterval(this.#ticker);
      this.#ticker = setInterval(judgeNow, tickMs);
    });
    this.addEventListener('duplex:run-event', (event) => {
      this.#history.push(event.detail);
      judgeNow();
    });
    this.#whenStopped();
    this.#ready();
  }

  /**
   * A lab check: once the run's lab is ready, the check connects real browser sockets to the
   * learner's server and judges what they received. One probe per run; its verdict is final.
   */
  #connect(name: LabCheckName) {
    // Only a lab lesson downloads the lab checks (and their frame decoder).
    const check = import('../lab/checks/lab-checks.ts').then((module) => module.labChecks[name]);
    this.#whenStarted('Running… the check connects browser sockets once your server is live.');
    this.addEventListener('duplex:run-event', (event) => {
      const detail = event.detail;
      this.#history.push(detail);
      if (detail.type === 'failed') this.#judge({ passed: false, message: '' });
      if (detail.type !== 'lab' || detail.event !== 'ready') return;
      this.#show('checking', `Your server is live at ${detail.path}: connecting browser sockets…`);
      // The tunnel's bytes of this run, as the worker reported them: what the learner's server really wrote.
      const wire = () => this.#history.events.filter((event) => event.type === 'lab');
      const note = (socket: number, text: string) => this.dispatchEvent(new CustomEvent('duplex:lab-client', { detail: { socket, text } }));
      const run = this.#run;
      // A verdict that comes back after the learner ran again belongs to the old run: dropped.
      void check.then((probe) => probe({ url: detail.url, timeoutMs: 4000, note, wire })).then((verdict) => run === this.#run && this.#judge(verdict, true));
    });
    this.#whenStopped();
    this.#ready();
  }

  /** A stage breaks the run's link for real (a server fault) each time it says the moment has come. */
  #applyStage(stage: Stage | null, now: number) {
    if (!stage || this.#passedThisRun) return;
    const command = stage(this.#history.events, now, this.#chance, this.#struck);
    if (!command) return;
    this.#struck++;
    this.#chance = Math.random();
    this.#playground.fault(command);
  }

  #whenStarted(message: string) {
    this.addEventListener('duplex:run-start', () => {
      this.#run++;
      this.#history.clear();
      this.#passedThisRun = false;
      this.#show('checking', message);
    });
  }

  #whenStopped() {
    this.addEventListener('duplex:run-stop', () => {
      clearInterval(this.#ticker);
      if (!this.#passedThisRun) this.#show('idle', `Stopped before the check passed. ${this.#lastMessage}`);
    });
  }

  #ready() {
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

  disconnectedCallback() {
    clearInterval(this.#ticker);
  }

  /** `final`: a lab check's one verdict, shown as failed rather than "not yet" when it fails. */
  #judge(verdict: Verdict, final = false) {
    if (this.#passedThisRun) return;
    const thrown = failure(this.#history.events);
    if (verdict.passed) {
      this.#passedThisRun = true;
      clearInterval(this.#ticker);
      markPassed(localStorage, this.#lessonId, this.#name, Date.now());
      dispatchEvent(new Event('duplex:progress'));
      this.#show('passed', `Passed: ${verdict.message}`);
    } else if (thrown !== undefined) {
      this.#show('failed', `Your code threw an error: ${thrown}`);
    } else {
      this.#lastMessage = verdict.message;
      this.#show(final ? 'failed' : 'checking', `Not yet: ${verdict.message}`);
    }
  }

  #show(verdict: 'idle' | 'checking' | 'passed' | 'failed', message: string) {
    this.dataset.verdict = verdict;
    part<HTMLElement>(this, '[data-role="verdict"]').textContent = message;
  }
}

customElements.define('duplex-exercise', DuplexExercise);
