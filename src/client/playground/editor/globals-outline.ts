/**
 * The playground globals' type definitions (globals-dts.ts) read back as a list: what
 * JavaScript lessons complete and explain without the TypeScript worker (1 MB that a learner
 * editing five lines of JS does not need). The .d.ts stays the one source; TypeScript code gets
 * it whole through the worker.
 */
export interface OutlineEntry {
  name: string;
  kind: 'function' | 'constant' | 'method' | 'property';
  /** The declaration as written, e.g. `connect(path: string, options?: DuplexSocketOptions): DuplexSocket`. */
  detail: string;
  /** The JSDoc text, one paragraph. */
  doc: string;
}

export interface GlobalsOutline {
  globals: OutlineEntry[];
  /** Members of each declared interface, by interface name. */
  members: Record<string, OutlineEntry[]>;
}

const docLine = (line: string) => line.replace(/^\/\*\*|\*\/$|^\*/g, '').trim();

export function outlineDts(dts: string): GlobalsOutline {
  const outline: GlobalsOutline = { globals: [], members: {} };
  let doc: string[] = [];
  let inDoc = false;
  let current: OutlineEntry[] | null = null;
  for (const raw of dts.split('\n')) {
    const line = raw.trim();
    if (inDoc || line.startsWith('/**')) {
      inDoc = !line.endsWith('*/');
      const text = docLine(line);
      if (text) doc.push(text);
      continue;
    }
    const found = declaration(line, current !== null);
    if (found) (current ?? outline.globals).push({ ...found, doc: doc.join(' ') });
    const opened = /^interface (\w+)\b.*\{$/.exec(line);
    if (opened) current = outline.members[opened[1]!] = [];
    else if (line === '}') current = null;
    if (line !== '') doc = [];
  }
  return outline;
}

function declaration(line: string, inInterface: boolean): Omit<OutlineEntry, 'doc'> | null {
  if (inInterface) {
    const method = /^(\w+)\(.*\):.*;$/.exec(line);
    if (method) return { name: method[1]!, kind: 'method', detail: line.slice(0, -1) };
    const property = /^(?:readonly )?(\w+)\??:.*;$/.exec(line);
    return property ? { name: property[1]!, kind: 'property', detail: line.slice(0, -1) } : null;
  }
  const fn = /^declare function (\w+)(\(.*);$/.exec(line);
  if (fn) return { name: fn[1]!, kind: 'function', detail: `${fn[1]}${fn[2]}` };
  const constant = /^declare const (\w+)(:.*);$/.exec(line);
  return constant ? { name: constant[1]!, kind: 'constant', detail: `${constant[1]}${constant[2]}` } : null;
}

/**
 * Which declared interface `name` holds in `code`, from how it was made: `const s = connect(…)`
 * is a DuplexSocket, `serve((socket) => …)` hands out LabSockets, `await serve(…)` is a Lab.
 * A reading of the learner's text, not type inference: enough to complete `s.` in a lesson.
 */
export function interfaceOf(name: string, code: string): string | null {
  const made = new RegExp(`\\b(?:const|let|var)\\s+${name}\\s*=\\s*(await\\s+)?(connect|serve)\\(`).exec(code);
  if (made) return made[2] === 'connect' ? 'DuplexSocket' : made[1] ? 'Lab' : null;
  const handler = new RegExp(`\\bserve\\(\\s*(?:async\\s+)?(?:function\\s*\\w*\\s*)?\\(?\\s*${name}\\b`).exec(code);
  return handler ? 'LabSocket' : null;
}
