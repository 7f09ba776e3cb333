#!/usr/bin/env node
// The one test command (`npm test`, also run by .ci/run): type-check, then every *.test.ts with
// Node's own runner. Suites share the PostgreSQL server and the CPU, so files run one at a time
// unless TEST_CONCURRENCY says otherwise.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'test', 'bench', 'web/tests'];
const files = [];
for (const root of roots) {
  let entries = [];
  try {
    entries = readdirSync(root, { recursive: true }).map(String);
  } catch {
    continue;
  }
  for (const entry of entries) {
    if (entry.endsWith('.test.ts') && !entry.includes('node_modules')) files.push(join(root, entry));
  }
}
files.sort();
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;

if (!only.length) {
  for (const project of ['.', 'web']) {
    const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  }
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 1}`, '--test-reporter=spec', ...selected],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
