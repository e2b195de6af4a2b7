import { bytes, concat, utf8 } from '../bytes.ts';
import { byteByByte, echoCase, failCase, frame, mirrorCase, reply, type ConformanceCase } from '../case-kit.ts';
import { judgeFastFailure } from '../verdicts.ts';

/**
 * Autobahn section 6: §8.1, text messages must be valid UTF-8 once reassembled (a fragment
 * may end inside a code point); invalid text must fail the connection with 1007. Failing as
 * soon as the bytes cannot become valid is strict; failing only at the end of the message is
 * allowed (non-strict).
 */
const sample = 'κόσμε – ĉu vi ŝatas 🦊?';
const sampleBytes = utf8(sample);
const invalidRule = 'Text that is not valid UTF-8 must fail the connection with 1007';

function oneByteFrames(data: Uint8Array): ReturnType<typeof frame.text>[] {
  return Array.from(data, (byte, i) =>
    i === 0 ? frame.text(bytes(byte), { fin: data.length === 1 }) : frame.continuation(bytes(byte), i === data.length - 1),
  );
}

/** Invalid byte sequences, each inside otherwise valid text. */
const invalid: [title: string, sequence: Uint8Array][] = [
  ['a lone continuation byte 0x80', bytes(0x80)],
  ['an overlong 2-byte "/" (c0 af)', bytes(0xc0, 0xaf)],
  ['a UTF-16 surrogate U+D800 (ed a0 80)', bytes(0xed, 0xa0, 0x80)],
  ['a code point above U+10FFFF (f4 90 80 80)', bytes(0xf4, 0x90, 0x80, 0x80)],
  ['the bytes fe and ff', bytes(0xfe, 0xff)],
  ['a 5-byte sequence (f8 88 80 80 80)', bytes(0xf8, 0x88, 0x80, 0x80, 0x80)],
  ['an overlong NUL (c0 80)', bytes(0xc0, 0x80)],
  ['an overlong 3-byte "/" (e0 80 af)', bytes(0xe0, 0x80, 0xaf)],
];

/**
 * Sends `parts` as fragments; after the part that makes the text invalid it pauses, so a
 * server that fails fast closes before the rest (and mark `complete`) is sent.
 */
function fastFailCase(id: string, title: string, parts: readonly Uint8Array[], invalidPart: number): ConformanceCase {
  const fragments = parts.map((part, i) => (i === 0 ? frame.text(part, { fin: parts.length === 1 }) : frame.continuation(part, i === parts.length - 1)));
  return {
    id,
    title,
    rfc: '§8.1',
    requirement: `${invalidRule}, at best as soon as the invalid bytes arrive`,
    async run(session) {
      await session.send(fragments.slice(0, invalidPart + 1));
      if (!(await session.waitForServerClose(Math.min(300, session.timeoutMs / 4)))) {
        for (const fragment of fragments.slice(invalidPart + 1)) await session.send(fragment);
        session.mark('complete');
        await session.waitForServerClose();
      }
    },
    judge: judgeFastFailure([1007]),
  };
}

const surrogatePrefix = utf8('κόσμε ');
const surrogateText = concat([surrogatePrefix, bytes(0xed, 0xa0, 0x80), utf8(' edited')]);

export const utf8Cases: ConformanceCase[] = [
  mirrorCase(
    { id: '6.1.1', title: 'Valid multi-byte text in one frame', rfc: '§8.1', requirement: 'Echo 2-, 3- and 4-byte UTF-8 unchanged' },
    'text',
    sample,
  ),
  echoCase(
    { id: '6.1.2', title: 'Valid multi-byte text in 3 fragments split between code points', rfc: '§5.4', requirement: 'Reassemble and echo the text' },
    [frame.text('κόσμε – ', { fin: false }), frame.continuation('ĉu vi ŝatas', false), frame.continuation(' 🦊?', true)],
    [reply.text(sample)],
  ),
  mirrorCase(
    { id: '6.1.3', title: 'Valid multi-byte text in one frame, written byte by byte', rfc: '§8.1', requirement: 'Echo the text unchanged' },
    'text',
    sample,
    byteByByte,
  ),
  echoCase(
    { id: '6.1.4', title: 'Valid multi-byte text in one-byte fragments (fragments split code points)', rfc: '§8.1', requirement: 'Only the whole message must be valid UTF-8: echo it' },
    oneByteFrames(sampleBytes),
    [reply.text(sample)],
  ),
  mirrorCase(
    { id: '6.1.5', title: 'Boundary code points U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF', rfc: '§8.1', requirement: 'Echo every valid code point unchanged' },
    'text',
    '\u007f\u0080\u07ff\u0800\ud7ff\ue000\ufffd\u{10000}\u{10ffff}',
  ),
  mirrorCase(
    { id: '6.1.6', title: 'Noncharacters U+FDD0, U+FFFE, U+FFFF, U+1FFFF (valid UTF-8)', rfc: '§8.1', requirement: 'Noncharacters are valid UTF-8: echo them' },
    'text',
    '\ufdd0\ufffe\uffff\u{1ffff}',
  ),
  ...invalid.map(([title, sequence], i) =>
    failCase(
      { id: `6.2.${i + 1}`, title: `Text containing ${title}`, rfc: '§8.1', requirement: invalidRule },
      [frame.text(concat([utf8('valid, then '), sequence, utf8(', then valid')]))],
      { codes: [1007] },
    ),
  ),
  failCase(
    { id: `6.2.${invalid.length + 1}`, title: 'Text ending in the middle of a code point (e2 82)', rfc: '§8.1', requirement: invalidRule },
    [frame.text(concat([utf8('truncated '), bytes(0xe2, 0x82)]))],
    { codes: [1007] },
  ),
  fastFailCase('6.3.1', 'Invalid text in 3 fragments: valid, then a surrogate (ed a0 80), then valid', [utf8('κόσμε '), concat([bytes(0xed, 0xa0, 0x80), utf8(' edited')]), utf8(' end')], 1),
  fastFailCase(
    '6.3.2',
    'Invalid text in one-byte fragments (a surrogate in the middle)',
    Array.from(surrogateText, (byte) => bytes(byte)),
    // ed a0 can no longer begin a valid sequence: the second byte of the surrogate.
    surrogatePrefix.length + 1,
  ),
  fastFailCase('6.3.3', 'Invalid first fragment (ff), then valid fragments', [bytes(0x68, 0xff), utf8(' more'), utf8(' end')], 0),
  failCase(
    { id: '6.3.4', title: 'Valid fragment, then a final fragment ending inside a code point', rfc: '§8.1', requirement: invalidRule },
    [frame.text('complete ', { fin: false }), frame.continuation(bytes(0x61, 0xf0, 0x9f, 0xa6), true)],
    { codes: [1007] },
  ),
];
