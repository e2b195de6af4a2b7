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

/**
 * A poll's results as CSV: one line per ballot (attendee and answer, and whether it is the right
 * one when the poll has one), then the totals per option. CRLF line ends, as RFC 4180 says.
 */
export function pollCsv(poll: Poll, ballots: ReadonlyArray<{ attendee: string; option: number }>): string {
  const graded = poll.correct !== null;
  const answer = (option: number) => poll.options[option]?.text ?? `option ${option + 1}`;
  const lines = [
    row(['question', 'attendee', 'answer', ...(graded ? ['right'] : [])]),
    ...ballots.map((ballot) => row([poll.question, ballot.attendee, answer(ballot.option), ...(graded ? [ballot.option === poll.correct ? 'yes' : 'no'] : [])])),
    '',
    row(['question', 'option', 'votes', ...(graded ? ['right'] : [])]),
    ...poll.options.map((option, i) => row([poll.question, option.text, option.votes ?? 0, ...(graded ? [i === poll.correct ? 'yes' : 'no'] : [])])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves the CSV as a download named after the poll (the server sent the ballots to this host only). */
export function downloadPollCsv(poll: Poll, ballots: ReadonlyArray<{ attendee: string; option: number }>): void {
  // A byte order mark, so spreadsheets read the names as UTF-8.
  downloadFile(`duplex-poll-${poll.id}.csv`, ['\uFEFF', pollCsv(poll, ballots)], 'text/csv;charset=utf-8');
}
