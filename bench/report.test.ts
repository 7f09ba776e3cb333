import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { mergeResults, type BenchResult } from './report.ts';

const results = join(import.meta.dirname, 'results');
const read = (name: string) => JSON.parse(readFileSync(join(results, name), 'utf8')) as BenchResult;

describe('merging bench results', () => {
  const run = read('2026-11-25-large-custom.json');

  it('takes a later run\'s step in place of the earlier one and names the result after the whole scale', () => {
    const tenMillion = run.steps.find((s) => s.consultations === 10_000_000)!;
    const later: BenchResult = { ...run, date: '2026-11-26', steps: [{ ...tenMillion, errors: ['from the later run'] }], ingestion: [] };
    const merged = mergeResults(run, later, { name: 'large', consultationSteps: [1_000_000, 10_000_000] });
    assert.equal(merged.scale, 'large');
    assert.deepEqual(merged.steps.map((s) => [s.consultations, s.errors]), [[1_000_000, []], [10_000_000, ['from the later run']]]);
    assert.deepEqual(merged.ingestion.map((m) => m.source), run.ingestion.map((m) => m.source));
    assert.match(merged.notes.at(-1)!, /Merged from two runs: 2026-11-25 \(1M, 10M;.*and 2026-11-26 \(10M;/);
    assert.equal(mergeResults(run, later, { name: 'large', consultationSteps: [1_000_000, 10_000_000, 100_000_000] }).scale, 'large-custom');
  });

  it('refuses runs of other sizes', () => {
    assert.throws(() => mergeResults(read('2026-11-24-large-custom.json'), run, { name: 'large', consultationSteps: [] }), /different sizes: rppsLines 300000 and 2000000/);
  });
});
