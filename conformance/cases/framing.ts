import { filler, mirrorCase, type ConformanceCase } from '../case-kit.ts';

/**
 * Autobahn section 1: text and binary messages of every length encoding (§5.2: 7-bit up to
 * 125, 16-bit up to 65535, 64-bit beyond), each in one frame, echoed unchanged.
 */
const lengths = [0, 125, 126, 127, 128, 65535, 65536] as const;

function sizes(section: '1.1' | '1.2', kind: 'text' | 'binary'): ConformanceCase[] {
  const cases = lengths.map((length, i) =>
    mirrorCase(
      {
        id: `${section}.${i + 1}`,
        title: `${kind} message, ${length} bytes${length > 65535 ? ' (64-bit length)' : length > 125 ? ' (16-bit length)' : ''}`,
        rfc: '§5.2',
        requirement: `Accept a ${kind} frame with a ${length}-byte payload and echo it unchanged`,
      },
      kind,
      filler(length),
    ),
  );
  cases.push(
    mirrorCase(
      {
        id: `${section}.8`,
        title: `${kind} message, 65536 bytes, written in 997-byte chunks`,
        rfc: '§5.2',
        requirement: 'Reassemble a frame from arbitrary TCP segments and echo it unchanged',
      },
      kind,
      filler(65536),
      { bytes: 997 },
    ),
  );
  return cases;
}

export const framingCases: ConformanceCase[] = [...sizes('1.1', 'text'), ...sizes('1.2', 'binary')];
