import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Poll } from '../../../protocol/workshop.ts';
import { allPollsCsv, csvField, pollCsv } from './poll-csv.ts';

test('fields: commas, quotes and line breaks are quoted, quotes doubled; plain text and numbers stay bare', () => {
  const cases: Array<[string | number, string]> = [
    ['Ada', 'Ada'],
    [3, '3'],
    [-3, '-3'],
    ['Grace, the admiral', '"Grace, the admiral"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, JSON.stringify(value));
});

test('fields that a spreadsheet would run as a formula start with an apostrophe', () => {
  const cases: Array<[string, string]> = [
    ['=1+1', "'=1+1"],
    ['+41 79', "'+41 79"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, JSON.stringify(value));
});

const poll: Poll = {
  id: 'p1',
  question: 'Which opcode, "ping"?',
  options: [
    { text: '0x1', votes: 1 },
    { text: '=0x9', votes: 2 },
  ],
  open: false,
  voters: 3,
  hidden: true,
  revealed: true,
  correct: 1,
};

test('a graded poll: one line per ballot with right yes/no, then the totals, CRLF', () => {
  const csv = pollCsv(poll, [
    { attendee: 'Ada', option: 1 },
    { attendee: 'Grace, "the admiral"', option: 0 },
    { attendee: '@bob\nsmith', option: 1 },
  ]);
  assert.equal(
    csv,
    [
      'question,attendee,answer,right',
      `"Which opcode, ""ping""?",Ada,'=0x9,yes`,
      `"Which opcode, ""ping""?","Grace, ""the admiral""",0x1,no`,
      `"Which opcode, ""ping""?","'@bob\nsmith",'=0x9,yes`,
      '',
      'question,option,votes,right',
      `"Which opcode, ""ping""?",0x1,1,no`,
      `"Which opcode, ""ping""?",'=0x9,2,yes`,
      '',
    ].join('\r\n'),
  );
});

test('an ungraded poll has no "right" column', () => {
  const csv = pollCsv({ ...poll, question: 'Ready?', correct: null }, [{ attendee: 'Ada', option: 0 }]);
  assert.equal(csv, ['question,attendee,answer', 'Ready?,Ada,0x1', '', 'question,option,votes', 'Ready?,0x1,1', "Ready?,'=0x9,2", ''].join('\r\n'));
});

test('all polls in one file: oldest first, the poll id in front, "right" empty where a poll has no right answer', () => {
  const ungraded: Poll = { ...poll, id: 'p2', question: 'Ready?', correct: null, options: [{ text: 'yes', votes: 1 }, { text: 'no, "later"', votes: 0 }] };
  const csv = allPollsCsv([
    { poll, ballots: [{ attendee: 'Ada', option: 1 }, { attendee: '=cmd', option: 0 }] },
    { poll: ungraded, ballots: [{ attendee: 'Ada', option: 0 }] },
  ]);
  assert.equal(
    csv,
    [
      'poll,question,attendee,answer,right',
      `p1,"Which opcode, ""ping""?",Ada,'=0x9,yes`,
      `p1,"Which opcode, ""ping""?",'=cmd,0x1,no`,
      'p2,Ready?,Ada,yes,',
      '',
      'poll,question,option,votes,right',
      `p1,"Which opcode, ""ping""?",0x1,1,no`,
      `p1,"Which opcode, ""ping""?",'=0x9,2,yes`,
      'p2,Ready?,yes,1,',
      'p2,Ready?,"no, ""later""",0,',
      '',
    ].join('\r\n'),
  );
  // Every line of a section has the same number of fields (RFC 4180 §2.4).
  const fields = (line: string) => line.replace(/"(?:[^"]|"")*"/g, 'x').split(',').length;
  assert.ok(csv.split('\r\n').filter(Boolean).every((line) => fields(line) === 5));
});
