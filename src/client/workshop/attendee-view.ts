import { WorkshopCloseCode, type Location, type Poll, type Snippet, type WorkshopServerMessage } from '../../../protocol/workshop.ts';
import type { DuplexPlayground } from '../playground/element.ts';
import { openWorkshopLink, type WorkshopLink } from './connection.ts';
import { part } from '../dom.ts';
import { describeLink } from './describe-link.ts';
import { renderPoll } from './poll-view.ts';
import { forgetRoom, rememberSeat, seatRecord } from './storage.ts';
import { roomCodeFromUrl } from './urls.ts';
import { showSharedMessage } from './shared-messages.ts';
import { WallView } from './wall-view.ts';

/** The slides page for a location; `embed` drops the deck's own chrome inside the frame. */
export const slideUrl = (where: Location) => `/present/${where.lesson}/?embed#${where.slide}`;

/**
 * The attendee's page: join with a name, then follow the instructor's slides, receive snippets
 * into the playground, vote and post on the wall. The seat token kept in localStorage brings the
 * same person back after a reload or a dropped connection; the welcome message catches them up.
 */
export function startAttendeeView(root: HTMLElement): void {
  const found = roomCodeFromUrl();
  if (!found) return void (part(root, '[data-role="no-room"]').hidden = false);
  const code: string = found;
  let link: WorkshopLink | null = null;
  let poll: Poll | null = null;
  let yourVote: number | null = null;
  let linkOpen = false;
  let snippet: Snippet | null = null;
  /** The code last put into the playground from a snippet: unchanged since means "no own edits". */
  let applied: string | null = null;
  const playground = root.querySelector<DuplexPlayground>('duplex-playground');
  const wall = new WallView(part<HTMLOListElement>(root, '[data-role="wall"]'));
  const frame = part<HTMLIFrameElement>(root, '[data-role="slides"]');
  const following = part<HTMLInputElement>(root, '[data-role="follow"]');
  let location: Location | null = null;

  const join = (name: string) => {
    part(root, '[data-role="join"]').hidden = true;
    part(root, '[data-role="room"]').hidden = false;
    link = openWorkshopLink({
      path: () => code,
      hello: () => {
        const seat = seatRecord(code);
        return { type: 'join', name: seat?.name ?? name, ...(seat ? { seat: seat.seat } : {}) };
      },
      onMessage,
      onState: (state) => {
        part(root, '[data-role="link-state"]').textContent = describeLink(state);
        // Votes are not queued while offline, so the buttons exist only while a vote can be sent.
        linkOpen = state.state === 'open';
        showPoll(poll);
        if (state.state === 'closed' && state.code !== WorkshopCloseCode.replaced) forgetRoom(code);
        // A final refusal (full room, wrong token, ended…) is said where it cannot be missed.
        if (state.state === 'closed') part(root, '[data-role="notice"]').textContent = state.reason || `The connection was closed (code ${state.code}).`;
      },
    });
  };

  function onMessage(message: WorkshopServerMessage): void {
    if (showSharedMessage(root, wall, message)) return;
    switch (message.type) {
      case 'welcome':
        rememberSeat(code, { seat: message.you.seat, name: message.you.name });
        part(root, '[data-role="you"]').textContent = message.you.name;
        part(root, '[data-role="muted"]').hidden = !message.you.muted;
        yourVote = message.yourVote;
        showPoll(message.state.poll);
        wall.reset(message.state.wall);
        if (message.state.snippet) showSnippet(message.state.snippet);
        return follow(message.state.location);
      case 'snippet':
        return showSnippet(message.snippet);
      case 'follow':
        return follow(message.location);
      case 'poll':
        if (message.poll.id !== poll?.id) yourVote = null;
        return showPoll(message.poll);
      case 'voted':
        yourVote = message.option;
        return showPoll(poll);
      case 'muted':
        part(root, '[data-role="muted"]').hidden = !message.muted;
        return;
      default:
        return;
    }
  }

  function showPoll(next: Poll | null): void {
    poll = next;
    part(root, '[data-role="poll-section"]').hidden = next === null;
    renderPoll(part(root, '[data-role="poll"]'), next, {
      yourVote,
      ...(linkOpen ? { onVote: (option: number) => next && link?.send({ type: 'vote', poll: next.id, option }) } : {}),
    });
  }

  function showSnippet(next: Snippet): void {
    if (snippet?.id === next.id) return;
    snippet = next;
    part(root, '[data-role="snippet-section"]').hidden = false;
    part(root, '[data-role="snippet-title"]').textContent = next.title || 'Snippet';
    part(root, '[data-role="snippet-code"]').textContent = next.code;
    part(root, '[data-role="snippet-time"]').textContent = `arrived ${new Date(next.at).toLocaleTimeString()}`;
    // An open editor with no edits of the attendee's own takes the snippet at once; otherwise the
    // attendee chooses (and the editor, Monaco, only loads when they do).
    if (playground && playground.dataset.editor === 'ready' && playground.code === applied) void useSnippet();
  }

  async function useSnippet(): Promise<void> {
    if (!playground || !snippet) return;
    applied = snippet.code;
    await playground.setCode(snippet.code);
  }

  function follow(where: Location | null): void {
    location = where;
    part(root, '[data-role="now"]').textContent = where ? `The instructor is on slide ${where.slide} of ${where.lesson}.` : 'Waiting for the instructor to start the slides.';
    if (where && following.checked) {
      frame.hidden = false;
      const url = slideUrl(where);
      if (frame.getAttribute('src') !== url) frame.src = url;
    }
  }

  following.addEventListener('change', () => following.checked && follow(location));
  part(root, '[data-role="use-snippet"]').addEventListener('click', () => void useSnippet());
  part(root, '[data-role="run-snippet"]').addEventListener('click', () => void useSnippet().then(() => playground?.run()));
  part<HTMLFormElement>(root, '[data-role="post-form"]').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = new FormData(form).get('text');
    link?.send({ type: 'post', text: String(text ?? '') });
    form.reset();
  });
  part<HTMLFormElement>(root, '[data-role="join-form"]').addEventListener('submit', (event) => {
    event.preventDefault();
    join(String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? ''));
  });
  part(root, '[data-role="leave"]').addEventListener('click', () => {
    link?.send({ type: 'leave' });
    forgetRoom(code);
    part(root, '[data-role="room"]').hidden = true;
    part(root, '[data-role="left"]').hidden = false;
  });

  // The last run's outcome, for the instructor's at-a-glance column: ok once its code has run
  // through, failed as soon as anything throws (even later, in a socket handler).
  let outcome: boolean | null = null;
  root.addEventListener('duplex:run-start', () => (outcome = null));
  root.addEventListener('duplex:run-event', (event) => {
    const { type } = event.detail;
    const ok = type === 'finished' ? true : type === 'failed' ? false : null;
    if (ok === null || outcome === false || outcome === ok) return;
    outcome = ok;
    link?.send({ type: 'run-result', ok });
  });

  part(root, '[data-role="code"]').textContent = code;
  const seat = seatRecord(code);
  if (seat) join(seat.name);
  else part(root, '[data-role="join"]').hidden = false;
}
