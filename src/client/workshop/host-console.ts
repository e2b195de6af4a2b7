import type { Attendee, WorkshopServerMessage } from '../../../protocol/workshop.ts';
import { openWorkshopLink, type WorkshopLink } from './connection.ts';
import { el, part } from '../dom.ts';
import { describeLink } from './describe-link.ts';
import { renderPoll } from './poll-view.ts';
import { drawQr } from './qr.ts';
import { forgetRoom, hostToken, rememberHostToken } from './storage.ts';
import { joinUrl, roomCodeFromUrl } from './urls.ts';
import { showSharedMessage } from './shared-messages.ts';
import { WallView } from './wall-view.ts';
import { ClassGrid } from './class-grid.ts';
import { exerciseOfSnippet } from './exercise-id.ts';
import { lessonTitles } from './lesson-titles.ts';
import { ProjectorView } from './projector-view.ts';
import { SharedRuns } from './shared-runs.ts';
import { downloadAllPollsCsv, downloadPollCsv } from './poll-csv.ts';

const stateWords: Record<Attendee['state'], string> = { connected: 'connected', reconnecting: 'reconnecting', gone: 'left' };

/**
 * The instructor's console: start (or resume) a room, project its code and QR, watch who is
 * here, push snippets, run polls, moderate the wall, end the room. Every action is a message
 * the server checks against the host token; this page only draws what the server says.
 */
export function startHostConsole(root: HTMLElement): void {
  let code = roomCodeFromUrl();
  let link: WorkshopLink | null = null;
  const titleOf = lessonTitles(root);
  const attendees = new Map<string, Attendee>();
  const rows = new Map<string, HTMLLIElement>();
  const list = part<HTMLUListElement>(root, '[data-role="attendees"]');
  const grid = new ClassGrid(part(root, '[data-role="class"]'));
  const projector = new ProjectorView(part(root, '[data-role="projector"]'), part(root, '[data-role="room"]'), part(root, '[data-role="projector-open"]'));
  const shared = new SharedRuns(part(root, '[data-role="shared"]'));
  const wall = new WallView(part<HTMLOListElement>(root, '[data-role="wall"]'), (message) => [
    button('Remove', `Remove message from ${message.from.name}`, () => link?.send({ type: 'wall-remove', id: message.id })),
    button('Mute', `Mute ${message.from.name}`, () => link?.send({ type: 'mute', attendee: message.from.id, muted: true })),
  ]);

  const connect = () => {
    part(root, '[data-role="start"]').hidden = true;
    part(root, '[data-role="room"]').hidden = false;
    link = openWorkshopLink({
      path: () => code ?? 'new',
      hello: () => {
        const token = code ? hostToken(code) : null;
        return token ? { type: 'host', token } : null;
      },
      onMessage,
      onState: (state) => {
        part(root, '[data-role="link-state"]').textContent = describeLink(state);
        if (state.state === 'closed' && code) {
          forgetRoom(code);
          shared.forget();
        }
        // A final refusal (full room, wrong token, ended…) is said where it cannot be missed.
        if (state.state === 'closed') part(root, '[data-role="notice"]').textContent = state.reason || `The connection was closed (code ${state.code}).`;
      },
    });
  };

  function onMessage(message: WorkshopServerMessage): void {
    if (showSharedMessage(root, wall, message)) return;
    switch (message.type) {
      case 'created':
        code = message.code;
        rememberHostToken(code, message.hostToken);
        history.replaceState(null, '', `?code=${code}`);
        return;
      case 'welcome-host':
        showRoom(message.state.code, message.lanOrigins);
        shared.open(message.state.code);
        attendees.clear();
        list.replaceChildren();
        rows.clear();
        for (const attendee of message.attendees) showAttendee(attendee);
        if (message.state.snippet) grid.exercise(exerciseOfSnippet(message.state.snippet), message.state.snippet.title || 'Snippet', message.state.snippet.at);
        grid.reset(message.attendees);
        showCount();
        renderPoll(part(root, '[data-role="poll"]'), message.state.poll, { host: true });
        wall.reset(message.state.wall);
        showLocation(message.state.location);
        return;
      case 'attendee':
        grid.update(message.attendee);
        return showAttendee(message.attendee);
      case 'links':
        return grid.links(message.links);
      case 'shared-run':
        return shared.add(message);
      case 'poll':
        return renderPoll(part(root, '[data-role="poll"]'), message.poll, { host: true });
      case 'poll-results':
        return downloadPollCsv(message.poll, message.ballots);
      case 'poll-results-all':
        return downloadAllPollsCsv(code ?? 'room', message.polls);
      case 'snippet':
        part(root, '[data-role="push-status"]').textContent = `Pushed "${message.snippet.title || 'snippet'}" to everyone.`;
        grid.exercise(exerciseOfSnippet(message.snippet), message.snippet.title || 'Snippet', message.snippet.at);
        return;
      case 'follow':
        return showLocation(message.location);
      default:
        return;
    }
  }

  function showRoom(roomCode: string, lanOrigins: string[]): void {
    part(root, '[data-role="code"]').textContent = roomCode;
    const url = joinUrl(lanOrigins[0] ?? location.origin, roomCode);
    const anchor = part<HTMLAnchorElement>(root, '[data-role="join-url"]');
    anchor.href = url;
    anchor.textContent = url;
    part(root, '[data-role="other-urls"]').textContent = lanOrigins.length > 1 ? `Also: ${lanOrigins.slice(1).map((o) => joinUrl(o, roomCode)).join(' · ')}` : '';
    part(root, '[data-role="lan-hint"]').hidden = lanOrigins.length > 0 || !/^(localhost|127\.|\[::1\])/.test(location.host);
    drawQr(part(root, '[data-role="qr"]'), url);
    projector.room(roomCode, url);
    for (const present of root.querySelectorAll<HTMLAnchorElement>('a[data-present]')) {
      present.href = `${present.dataset.present}?room=${roomCode}`;
    }
  }

  function showAttendee(attendee: Attendee): void {
    attendees.set(attendee.id, attendee);
    let row = rows.get(attendee.id);
    if (!row) {
      row = el('li', { dataset: { attendeeId: attendee.id } });
      rows.set(attendee.id, row);
      list.append(row);
    }
    const run = attendee.lastRun ? (attendee.lastRun.ok ? 'last run ok' : 'last run failed') : 'no run yet';
    // Most changes are exercise reports, which this list does not show (the class grid does).
    const shown = [attendee.name, attendee.state, attendee.muted, run].join('\n');
    if (row.dataset.shown === shown) return showCount();
    row.dataset.shown = shown;
    row.dataset.state = attendee.state;
    row.replaceChildren(
      el('span', { className: 'ws-name' }, attendee.name),
      el('span', { className: `ws-badge ws-${attendee.state}` }, stateWords[attendee.state]),
      el('span', { className: `ws-run ${attendee.lastRun ? (attendee.lastRun.ok ? 'ws-ok' : 'ws-failed') : ''}` }, run),
      button('Ask to share', `Ask ${attendee.name} to share their run`, () => link?.send({ type: 'ask-share', attendee: attendee.id })),
      button(attendee.muted ? 'Unmute' : 'Mute', `${attendee.muted ? 'Unmute' : 'Mute'} ${attendee.name}`, () =>
        link?.send({ type: 'mute', attendee: attendee.id, muted: !attendee.muted }),
      ),
    );
    showCount();
  }

  function showCount(): void {
    const counts = { connected: 0, reconnecting: 0, gone: 0 };
    for (const { state } of attendees.values()) counts[state]++;
    const text = `${counts.connected} present` + (counts.reconnecting ? ` · ${counts.reconnecting} reconnecting` : '') + (counts.gone ? ` · ${counts.gone} left` : '');
    // A live region: rewritten only when it says something new (and no relayout otherwise).
    const target = part(root, '[data-role="present-count"]');
    if (target.textContent !== text) target.textContent = text;
    projector.count(text);
  }

  function showLocation(where: { lesson: string; slide: number } | null): void {
    part(root, '[data-role="location"]').textContent = where ? `The room is on “${titleOf(where.lesson)}”, slide ${where.slide}.` : 'The room is not following a lesson yet.';
  }

  part<HTMLButtonElement>(root, '[data-role="start-button"]').addEventListener('click', connect);
  part<HTMLFormElement>(root, '[data-role="push-form"]').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    link?.send({ type: 'push', code: String(form.get('code') ?? ''), title: String(form.get('title') ?? '') });
  });
  part<HTMLFormElement>(root, '[data-role="poll-form"]').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const options = String(form.get('options') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const correct = Number(form.get('correct') || 0);
    link?.send({ type: 'poll-open', question: String(form.get('question') ?? ''), options, hidden: form.get('hidden') === 'on', ...(correct > 0 ? { correct: correct - 1 } : {}) });
  });
  part(root, '[data-role="poll-close"]').addEventListener('click', () => link?.send({ type: 'poll-close' }));
  part(root, '[data-role="poll-reveal"]').addEventListener('click', () => link?.send({ type: 'poll-reveal' }));
  part(root, '[data-role="poll-export"]').addEventListener('click', () => link?.send({ type: 'poll-results' }));
  part(root, '[data-role="poll-export-all"]').addEventListener('click', () => link?.send({ type: 'poll-results-all' }));
  part(root, '[data-role="end"]').addEventListener('click', () => {
    if (confirm('End the workshop for everyone?')) link?.send({ type: 'end' });
  });

  // Coming back to the console (a reload, a crash) resumes the room this browser hosts.
  if (code && hostToken(code)) connect();
  else if (code) part(root, '[data-role="notice"]').textContent = `This browser is not the host of room ${code}. Start a new room instead.`;
}

function button(label: string, name: string, onClick: () => void): HTMLButtonElement {
  const element = el('button', { type: 'button', className: 'duplex-control ws-small', ariaLabel: name }, label);
  element.addEventListener('click', onClick);
  return element;
}
