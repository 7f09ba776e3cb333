import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCopyLine } from './copy-pages.ts';

// The COPY text format as PostgreSQL documents it ("COPY", File Formats, Text Format).
describe('COPY text lines', () => {
  it('splits on tabs, reads \\N as NULL and undoes the backslash escapes', () => {
    assert.deepEqual(parseCopyLine('12\t\\N\tRue de l\'Église\\tbis\t2\\\\3\tligne 1\\nligne 2\t'), [
      '12', null, "Rue de l'Église\tbis", '2\\3', 'ligne 1\nligne 2', '',
    ]);
  });

  it('tells the text "\\N" (escaped) from NULL', () => {
    assert.deepEqual(parseCopyLine('\\\\N\t\\N'), ['\\N', null]);
  });
});
