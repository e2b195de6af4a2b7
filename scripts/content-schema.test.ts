/**
 * Lesson frontmatter is checked at build time. These tests copy the site into a temporary
 * folder, break one lesson's frontmatter the way an author might, and run `astro sync`
 * (the content step of every build): it must fail and name the file and the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const lesson = 'src/content/docs/lessons/what-is-a-websocket/index.mdx';

function syncWithLesson(edit: (frontmatter: string) => string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-schema-'));
  try {
    for (const entry of ['src', 'public', 'playground-server', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, lesson);
    const [, frontmatter = '', body = ''] = readFileSync(file, 'utf8').split(/^---$/m);
    writeFileSync(file, `---${edit(frontmatter)}---${body}`);
    const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a misspelt frontmatter key fails the build, naming the file and the key', () => {
  const { status, output } = syncWithLesson((fm) => fm.replace(/^chapter:/m, 'chaptr:'));
  assert.notEqual(status, 0);
  assert.match(output, /what-is-a-websocket\/index\.mdx/);
  assert.match(output, /Unrecognized key: "chaptr"/);
});

test('an unknown chapter fails the build, listing the chapters that exist', () => {
  const { status, output } = syncWithLesson((fm) => fm.replace(/^chapter: .*$/m, 'chapter: wy'));
  assert.notEqual(status, 0);
  assert.match(output, /what-is-a-websocket\/index\.mdx/);
  assert.match(output, /chapter: Invalid option: expected one of "why"/);
});

test('the untouched lessons pass the same check', () => {
  const { status, output } = syncWithLesson((fm) => fm);
  assert.equal(status, 0, output);
});
