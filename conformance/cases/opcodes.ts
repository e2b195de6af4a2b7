import { failCase, frame, reply, type ConformanceCase } from '../case-kit.ts';

/**
 * Autobahn section 4: §5.2, opcodes 3–7 (data) and 11–15 (control) are reserved; receiving
 * one must fail the connection (1002). Some cases send a valid message first (it must be
 * echoed) and a ping after (it must not be answered).
 */
function reserved(id: string, opcode: number, shape: 'bare' | 'payload' | 'between'): ConformanceCase {
  const kind = opcode < 8 ? 'non-control' : 'control';
  const odd = { ...frame.binary(shape === 'bare' ? '' : 'reserved payload'), opcode };
  const title =
    shape === 'between'
      ? `Text message, reserved ${kind} opcode ${opcode}, then a ping`
      : `Reserved ${kind} opcode ${opcode}${shape === 'payload' ? ' with payload' : ''}`;
  return failCase(
    { id, title, rfc: '§5.2', requirement: `Fail the connection (1002) on reserved opcode ${opcode}${shape === 'between' ? '; echo the text before it, not the ping after' : ''}` },
    shape === 'between' ? [frame.text('Hello'), odd, frame.ping('never answered')] : [odd],
    shape === 'between' ? { before: [reply.text('Hello')] } : {},
  );
}

const shapes = ['bare', 'payload', 'between', 'payload', 'between'] as const;

export const opcodeCases: ConformanceCase[] = [
  ...[3, 4, 5, 6, 7].map((opcode, i) => reserved(`4.1.${i + 1}`, opcode, shapes[i]!)),
  ...[11, 12, 13, 14, 15].map((opcode, i) => reserved(`4.2.${i + 1}`, opcode, shapes[i]!)),
];
