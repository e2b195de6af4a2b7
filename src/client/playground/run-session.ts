import type { InspectCommand } from '../../../protocol/inspect.ts';
import type { Recording } from '../../../protocol/recording.ts';
import { describeConnections, initialConnection, nextConnection, type ConnectionState } from './output/connection-state.ts';
import { OutputView } from './output/output-view.ts';
import type { Language, RunEvent } from './runner/run-protocol.ts';
import { startRun, type Run } from './runner/start-run.ts';
import { TrafficView } from './traffic/view.ts';

export interface SessionParts {
  output: HTMLElement;
  /** The "Show connection events" checkbox above the output. */
  showConnection: HTMLInputElement;
  state: HTMLElement;
  traffic: HTMLElement;
}

const now = () => performance.timeOrigin + performance.now();
const textUpdateMs = 200;

/**
 * Everything a playground does once the learner presses Run, loaded lazily by the element:
 * the runner, the output panel, the connection status and the traffic view, all drawn once
 * per animation frame however fast events arrive.
 */
export class RunSession {
  #parts: SessionParts;
  #output: OutputView;
  #traffic: TrafficView;
  #run: Run | null = null;
  #connections = new Map<number, ConnectionState>();
  #status = '';
  /** What the code threw, shown in the status until the next run: a failed run must not read "running". */
  #failure: string | null = null;
  #frame = 0;
  #lastText = 0;

  constructor(parts: SessionParts) {
    this.#parts = parts;
    this.#output = new OutputView(parts.output, parts.showConnection);
    this.#traffic = new TrafficView(parts.traffic, (command) => this.fault(command));
  }

  /** `onEnd` runs when the run ends by itself: the code failed before it opened any socket. */
  start(code: string, language: Language, onEvent: (event: RunEvent) => void, onEnd: () => void): void {
    this.stop();
    this.#output.clear();
    this.#traffic.reset({ code, language });
    this.#connections.clear();
    this.#failure = null;
    this.#setStatus('running');
    this.#run = startRun(code, language, (event) => {
      this.#output.push(event);
      this.#traffic.push(event);
      if (event.type === 'socket') {
        const state = this.#connections.get(event.socket) ?? initialConnection(event.socket);
        this.#connections.set(event.socket, nextConnection(state, event));
      }
      onEvent(event);
      if (event.type === 'failed') {
        this.#failure ??= event.message;
        // Nothing is left to run: no socket, and the code stopped at the throw.
        if (this.#connections.size === 0 && this.stop('failed')) onEnd();
        else this.#setStatus(this.#describe(event.at));
      }
    });
    this.#traffic.setLive(true);
    this.#loop();
  }

  /** Returns false when there was nothing to stop. */
  stop(why: 'stopped' | 'failed' = 'stopped'): boolean {
    if (!this.#run) return false;
    this.#run.stop();
    this.#run = null;
    cancelAnimationFrame(this.#frame);
    this.#traffic.setLive(false);
    this.#output.release();
    this.#draw();
    this.#setStatus(why === 'failed' && this.#failure ? `failed: ${this.#failure}` : 'stopped');
    return true;
  }

  /** The last run (or the replayed one) as a recording: what "Share my run" sends. */
  recording(): Recording {
    return this.#traffic.recording();
  }

  /** Opens the file picker of the traffic view's "Import recording". */
  importRecording(): void {
    this.#traffic.pickRecording();
  }

  fault(command: InspectCommand): void {
    if (!this.#run) return;
    this.#output.expectFault(command);
    this.#run.fault(command);
  }

  /** Lanes move every animation frame; text (output, status) changes a few times a second. */
  #loop = () => {
    const at = now();
    if (at - this.#lastText >= textUpdateMs) {
      this.#lastText = at;
      this.#output.flush();
      if (this.#connections.size > 0) this.#setStatus(this.#describe(at));
    }
    this.#traffic.render(at);
    this.#frame = requestAnimationFrame(this.#loop);
  };

  /** The status line: the failure first (it is what the learner must fix), then the sockets. */
  #describe(at: number): string {
    const sockets = this.#connections.size > 0 ? describeConnections([...this.#connections.values()], at) : '';
    return this.#failure ? [`failed: ${this.#failure}`, sockets].filter(Boolean).join(' · ') : sockets;
  }

  #draw(): void {
    this.#output.flush();
    this.#traffic.settle(now());
  }

  /** Writes the status only when it changes: it is a live region. */
  #setStatus(text: string): void {
    if (text === this.#status) return;
    this.#status = text;
    this.#parts.state.textContent = text;
  }
}
