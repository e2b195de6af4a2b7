import type { Poll } from '../../../protocol/workshop.ts';
import { downloadFile } from '../download.ts';

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * an attendee named `=HYPERLINK(…)` must stay a name. Such a cell gets a leading apostrophe
 * (OWASP's advice), which spreadsheets show as text and do not print.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (fields: Array<string | number>) => fields.map(csvField).join(',');

type Ballot = { attendee: string; option: number };

const answerOf = (poll: Poll, option: number) => poll.options[option]?.text ?? `option ${option + 1}`;
const rightOf = (poll: Poll, option: number) => (poll.correct === null ? '' : option === poll.correct ? 'yes' : 'no');

/** The ballot lines, then a blank line, then the totals per option: the shape of both exports. */
function csvOf(heads: { ballots: string[]; totals: string[] }, ballotRows: Array<Array<string | number>>, totalRows: Array<Array<string | number>>): string {
  const lines = [row(heads.ballots), ...ballotRows.map(row), '', row(heads.totals), ...totalRows.map(row)];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A poll's results as CSV: one line per ballot (attendee and answer, and whether it is the right
 * one when the poll has one), then the totals per option. CRLF line ends, as RFC 4180 says.
 */
export function pollCsv(poll: Poll, ballots: readonly Ballot[]): string {
  const right = poll.correct !== null ? ['right'] : [];
  const graded = (option: number) => (poll.correct !== null ? [rightOf(poll, option)] : []);
  return csvOf(
    { ballots: ['question', 'attendee', 'answer', ...right], totals: ['question', 'option', 'votes', ...right] },
    ballots.map((ballot) => [poll.question, ballot.attendee, answerOf(poll, ballot.option), ...graded(ballot.option)]),
    poll.options.map((option, i) => [poll.question, option.text, option.votes ?? 0, ...graded(i)]),
  );
}

/**
 * Every poll of the room in one CSV, oldest first, the same two sections with the poll's id in
 * front (questions may repeat); `right` is empty for a poll without a right answer, so every
 * line of a section has the same fields.
 */
export function allPollsCsv(polls: ReadonlyArray<{ poll: Poll; ballots: readonly Ballot[] }>): string {
  return csvOf(
    { ballots: ['poll', 'question', 'attendee', 'answer', 'right'], totals: ['poll', 'question', 'option', 'votes', 'right'] },
    polls.flatMap(({ poll, ballots }) => ballots.map((ballot) => [poll.id, poll.question, ballot.attendee, answerOf(poll, ballot.option), rightOf(poll, ballot.option)])),
    polls.flatMap(({ poll }) => poll.options.map((option, i) => [poll.id, poll.question, option.text, option.votes ?? 0, rightOf(poll, i)])),
  );
}

/** A byte order mark first, so spreadsheets read the names as UTF-8. */
const saveCsv = (name: string, text: string) => downloadFile(name, ['\uFEFF', text], 'text/csv;charset=utf-8');

/** Saves the CSV as a download named after the poll (the server sent the ballots to this host only). */
export function downloadPollCsv(poll: Poll, ballots: readonly Ballot[]): void {
  saveCsv(`duplex-poll-${poll.id}.csv`, pollCsv(poll, ballots));
}

/** Saves every poll of room `code` as one CSV. */
export function downloadAllPollsCsv(code: string, polls: ReadonlyArray<{ poll: Poll; ballots: readonly Ballot[] }>): void {
  saveCsv(`duplex-polls-${code}.csv`, allPollsCsv(polls));
}
