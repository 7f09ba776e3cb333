import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// Fastify's habit: a code missing from the documentation fails the build (STYLE.md §5).
describe('quarantine codes', () => {
  it('are all documented in docs/errors.md, and docs/errors.md lists no stale code', () => {
    const root = join(import.meta.dirname, '..', '..');
    const source = readFileSync(join(root, 'src', 'sources', 'quarantine.ts'), 'utf8');
    const block = source.slice(source.indexOf('export type QuarantineReasons'), source.indexOf('\n};', source.indexOf('export type QuarantineReasons')));
    const codes = [...block.matchAll(/^\s+'([a-z0-9-]+)':/gm)].map((m) => m[1]).sort();
    const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
    assert.ok(codes.length > 5);
    assert.deepEqual(documented, codes);
  });
});
