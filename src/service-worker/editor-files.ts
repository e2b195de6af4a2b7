/**
 * The files the editor needs when it opens, found in the built `_astro/` folder: the editor's
 * own chunk, every chunk it imports (statically, or lazily through Vite's preload list) down the
 * graph, and the editor's base worker. The TypeScript worker is left out: it is the biggest file
 * by far, and a JavaScript example opens without it (it loads when the learner starts typing).
 */
const staticImport = /from"\.\/([\w.-]+\.js)"/g;
const preloadEntry = /"_astro\/([\w.-]+\.js)"/g;
const workerUrl = /\/_astro\/(editor\.worker-[\w-]+\.js)/g;

export function editorFiles(names: string[], read: (name: string) => string): string[] {
  const entry = names.find((name) => /^editor\.[\w-]+\.js$/.test(name) && !name.startsWith('editor.api.') && !name.startsWith('editor.worker'));
  if (!entry) throw new Error('no editor chunk (_astro/editor.<hash>.js) in the build: did the editor module get renamed?');
  const found = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const code = read(queue.pop()!);
    for (const pattern of [staticImport, preloadEntry, workerUrl])
      for (const [, name] of code.matchAll(pattern))
        if (name && names.includes(name) && !found.has(name)) {
          found.add(name);
          queue.push(name);
        }
  }
  return [...found].map((name) => `/_astro/${name}`);
}
