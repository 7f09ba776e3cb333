import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decesReader } from './reader.ts';
import { Pseudonymiser } from '../../identity/pseudonymiser.ts';
import type { QuarantineRecord } from '../quarantine.ts';
import type { RawValue } from '../types.ts';

/**
 * Golden cases (STYLE.md §8): each `test/golden/deces/<case>/input.txt` is a slice of a file of
 * the seeded generator, and `expected.json` what the reader makes of it, rows and issues, under
 * a fixed key. `UPDATE_GOLDEN=1` rewrites the expected files; read the diff before committing.
 */
const GOLDEN = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'deces');
const KEY = Buffer.alloc(32, 7);

interface Golden {
  scenario: string;
  rows: { line: number; values: Record<string, RawValue> }[];
  issues: Omit<QuarantineRecord, 'table'>[];
}

async function readCase(input: string): Promise<Omit<Golden, 'scenario'>> {
  const rows: Golden['rows'] = [];
  const issues: Golden['issues'] = [];
  const columns = decesReader.tables[0].columns.map((c) => c.name);
  await decesReader.read(
    { kind: 'file', path: input },
    {
      row: (_table, line, values) => rows.push({ line, values: Object.fromEntries(columns.map((c, i) => [c, values[i]])) }),
      issue: ({ table: _table, ...issue }) => issues.push(issue),
      read: () => {},
      progress: () => {},
      typedRows: () => assert.fail('the death registry reader types no rows in SQL'),
    },
    { pseudonymiser: new Pseudonymiser(KEY), fileLabel: 'input.txt' },
  );
  return { rows, issues };
}

describe('deces reader golden cases', () => {
  for (const name of existsSync(GOLDEN) ? readdirSync(GOLDEN) : []) {
    it(name, async () => {
      const dir = join(GOLDEN, name);
      const expectedPath = join(dir, 'expected.json');
      const actual = await readCase(join(dir, 'input.txt'));
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Golden;
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(expectedPath, JSON.stringify({ scenario: expected.scenario, ...actual }, null, 2) + '\n');
        return;
      }
      assert.deepEqual(actual, { rows: expected.rows, issues: expected.issues });
    });
  }
});
