import type { ConformanceCase } from '../case-kit.ts';
import { closeCases } from './close.ts';
import { fragmentationCases } from './fragmentation.ts';
import { framingCases } from './framing.ts';
import { handshakeCases } from './handshake.ts';
import { limitCases } from './limits.ts';
import { opcodeCases } from './opcodes.ts';
import { pingPongCases } from './ping-pong.ts';
import { reservedBitCases } from './reserved-bits.ts';
import { utf8Cases } from './utf8.ts';

/** Every case, in the order they run: section by section, as in Autobahn. */
export const allCases: readonly ConformanceCase[] = [
  ...handshakeCases,
  ...framingCases,
  ...pingPongCases,
  ...reservedBitCases,
  ...opcodeCases,
  ...fragmentationCases,
  ...utf8Cases,
  ...closeCases,
  ...limitCases,
];

/**
 * The cases a filter such as "1.*,5.2" picks: `x.*` matches x and everything under it, a
 * plain id matches that case and its sub-cases ("7.1" → 7.1.1, 7.1.2, …).
 */
export function selectCases(cases: readonly ConformanceCase[], filter: string): ConformanceCase[] {
  const patterns = filter.split(',').map((p) => p.trim().replace(/\.\*$|\*$/, '')).filter(Boolean);
  return cases.filter((c) => patterns.some((p) => c.id === p || c.id.startsWith(`${p}.`)));
}
