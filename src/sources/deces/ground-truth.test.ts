import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BatchReport } from '../ingest.ts';
import { generateHospital } from '../../synth/generate.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

interface Truth {
  file: string;
  line: number;
  field: string | null;
  outcome: 'repair' | 'warning' | 'quarantine' | 'duplicate';
  code: string;
  expected: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/** Raw-zone values as the ground truth writes them: dates as `YYYY-MM-DD`. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

describe('deces reader against the synthetic hospital ground truth', () => {
  const wh = new TestWarehouse();
  const out = join(wh.dir, 'hospital');
  const reports: BatchReport[] = [];
  let truth: Truth[] = [];
  let rows = new Map<string, Row>();
  let issues: Row[] = [];
  after(() => wh.remove());

  before(async () => {
    const generated = await generateHospital({ patients: 300, seed: 2019, out, dirt: 0.02, fromYear: 2018, toYear: 2021 });
    for (const file of generated.manifest.sources.deces.files ?? []) {
      reports.push(await wh.ingestor.ingest('deces', { kind: 'file', path: resolve(out, file) }));
    }
    truth = jsonLines(join(out, 'ground-truth', 'deces.jsonl'));
    rows = new Map((await wh.rows('deces', 'deces')).map((r) => [`${r._file}:${r._line}`, r]));
    issues = await wh.issues('deces');
  });

  const at = (t: { file: string; line: number }) => `${basename(t.file)}:${t.line}`;
  const issuesAt = (t: Truth) => issues.filter((i) => `${i.file}:${i.line}` === at(t));

  it('loses no row: every line written is loaded or quarantined', () => {
    const summary = JSON.parse(readFileSync(join(out, 'ground-truth', 'summary.json'), 'utf8'));
    for (const report of reports) {
      const written = Object.entries(summary.files as Record<string, number>).find(([file]) => basename(file) === report.input)?.[1];
      const c = report.tables.deces;
      assert.equal(c.read, written, report.input);
      assert.equal(c.loaded + c.quarantined, c.read, report.input);
    }
    assert.equal(reports.reduce((n, r) => n + r.tables.deces.read, 0), summary.rows.deces.deces);
  });

  it('quarantines exactly the rows the ground truth says, with its code', () => {
    const expected = truth.filter((t) => t.outcome === 'quarantine');
    assert.ok(expected.length > 0, 'the generated hospital has no quarantined death record: raise the dirt');
    for (const t of expected) {
      assert.equal(rows.has(at(t)), false, `${at(t)} should not be loaded`);
      assert.deepEqual(issuesAt(t).map((i) => [i.severity, i.code]), [['quarantine', t.code]], at(t));
    }
    const quarantined = issues.filter((i) => i.severity === 'quarantine').map((i) => `${i.file}:${i.line}`).sort();
    assert.deepEqual(quarantined, expected.map(at).sort());
  });

  it('repairs every dirty value as expected, without a quarantine record', () => {
    const repairs = truth.filter((t) => t.outcome === 'repair');
    assert.ok(repairs.some((t) => t.code === 'date-partial') && repairs.some((t) => t.code === 'encoding-mixed'));
    for (const t of repairs) {
      const row = rows.get(at(t));
      assert.ok(row, `${at(t)} should be loaded`);
      assert.deepEqual(issuesAt(t), [], at(t));
      const { death_link_key: linkKey, ...values } = t.expected;
      if (linkKey !== undefined) assert.equal(row.death_link_id, wh.pseudonymiser.pseudonym('death-link', linkKey as string), at(t));
      assert.deepEqual(Object.fromEntries(Object.keys(values).map((k) => [k, plain(row[k])])), values, at(t));
    }
    assert.equal(issues.filter((i) => i.severity === 'warning').length, truth.filter((t) => t.outcome === 'warning').length);
  });

  it('loads repeated records and counts the exact repeats as duplicates', () => {
    const repeats = truth.filter((t) => t.outcome === 'duplicate');
    for (const t of repeats) assert.ok(rows.has(at(t)), `${at(t)} should be loaded`);
    // A correction changes the death place, which is part of the record's key (KPIS.md, K7): the
    // corrected record is loaded as written, beside the original, and is not counted as a repeat.
    for (const t of repeats.filter((r) => r.code === 'death-corrected')) {
      assert.equal(rows.get(at(t))!.death_place_code, t.expected.death_place_code, at(t));
    }
    const exact = repeats.filter((t) => t.code === 'duplicate-record').length;
    assert.equal(reports.reduce((n, r) => n + r.tables.deces.duplicates, 0), exact);
  });

  it("links the group's patients' deaths under the key the care database uses", () => {
    const links = jsonLines<{ file: string; line: number; death_link_key: string }>(join(out, 'ground-truth', 'death-links.jsonl'));
    assert.ok(links.length > 0);
    for (const link of links) {
      assert.equal(rows.get(at(link))?.death_link_id, wh.pseudonymiser.pseudonym('death-link', link.death_link_key), at(link));
    }
  });

  it('keeps no name in the raw table or the quarantine', () => {
    const { surnames } = JSON.parse(readFileSync(join(out, 'ground-truth', 'identifiers.json'), 'utf8')) as { surnames: string[] };
    const words = new Set<string>();
    for (const row of rows.values()) for (const value of Object.values(row)) if (typeof value === 'string') words.add(value.toUpperCase());
    for (const surname of surnames) assert.equal(words.has(surname.toUpperCase()), false, surname);
    for (const issue of issues) assert.match(String(issue.raw), /^"?[A9*\/ '-]*[" ]/, `${issue.file}:${issue.line}`);
  });
});

function jsonLines<T = Truth>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}
