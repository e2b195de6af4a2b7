import { test } from 'node:test';
import assert from 'node:assert/strict';
import { characterCount, hasVisibleText, normaliseName, normalisePost } from './visible-text.ts';

test('names lose invisible characters and extra spaces; emoji and accents stay', () => {
  const cases: [string, string][] = [
    ['  Ada   Lovelace ', 'Ada Lovelace'],
    ['\u200BAda\u200C\u2060', 'Ada'],
    ['\u202Egrace\u200E', 'grace'],
    ['Jose\u0301', 'José'],
    ['👩‍💻 Bea', '👩‍💻 Bea'],
    ['\u200B\u200B\u200B', ''],
    ['Tab\tand\nnewline', 'Tab and newline'],
  ];
  for (const [given, expected] of cases) assert.equal(normaliseName(given), expected, JSON.stringify(given));
});

test('a text is visible only with a letter, digit, punctuation or symbol', () => {
  const cases: [string, boolean][] = [
    ['Ada', true],
    ['42', true],
    ['?', true],
    ['🙂', true],
    ['', false],
    ['\u200D', false],
    ['\u3164\u3164', false], // Hangul filler: a "letter" that draws nothing
    ['\u2800', false], // blank Braille pattern
  ];
  for (const [given, expected] of cases) assert.equal(hasVisibleText(given), expected, JSON.stringify(given));
});

test('posts keep their inner spacing; characters are counted as a person would', () => {
  assert.equal(normalisePost('  a  b\u200B '), 'a  b');
  assert.equal(characterCount('👩🏽'), 2);
  assert.equal(characterCount('é'), 1);
});
