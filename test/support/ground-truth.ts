import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { SourceName } from '../../src/sources/types.ts';
import { generateHospital } from '../../src/synth/generate.ts';
import type { TestWarehouse } from './workspace.ts';

const SYNTH_DIR = join(import.meta.dirname, '..', '..', 'src', 'synth');

/** Copies made by an older generator are removed once they are this old (another test may still read a recent one). */
const STALE_MS = 10 * 60 * 1000;

/**
 * The file sources of a small generated hospital, written once per generator version and options
 * and shared by the reader tests (generating takes tens of seconds, mostly the embedded care
 * database, which is then dropped). The cache key hashes the generator's sources, so a changed
 * generator never serves stale files.
 */
export async function generatedHospital(patients: number, seed: number): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ patients, seed }));
  for (const file of readdirSync(SYNTH_DIR, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.ts')) hash.update(file).update(readFileSync(join(SYNTH_DIR, file)));
  }
  const root = join(tmpdir(), 'entrepot-synth-cache');
  const out = join(root, hash.digest('hex').slice(0, 16));
  if (existsSync(join(out, 'manifest.json'))) return out;
  mkdirSync(root, { recursive: true });
  const staging = `${out}.${process.pid}`;
  await generateHospital({ out: staging, patients, seed, fromYear: 2015, toYear: 2021, dirt: 0.02 });
  rmSync(join(staging, 'care-db'), { recursive: true, force: true });
  try {
    renameSync(staging, out);
  } catch {
    // Another test process finished the same hospital first: its copy is as good.
    rmSync(staging, { recursive: true, force: true });
  }
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (path !== out && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
  return out;
}

interface TruthRecord {
  file: string;
  table: string;
  line: number;
  field: string | null;
  outcome: 'repair' | 'warning' | 'quarantine' | 'duplicate';
  code: string;
  expected: Record<string, unknown>;
}

export interface GroundTruthScore {
  /** Rows the generator wrote per table, and what the reader made of them. */
  tables: Record<string, { written: number; read: number; loaded: number; quarantined: number }>;
  /** Dirty values by outcome, as the ground truth lists them. */
  outcomes: Record<string, number>;
  /** Every disagreement with the ground truth: empty when the reader is right. */
  mismatches: string[];
}

/**
 * Loads the files `entrepot generate` wrote for one source into a test warehouse and checks the
 * reader against the generator's ground truth (docs/raw-zone.md): each repaired value loaded as
 * expected, each warning and quarantine recorded with its code, no row lost and no issue on a
 * clean line.
 */
export async function scoreAgainstGroundTruth(wh: TestWarehouse, out: string, source: SourceName): Promise<GroundTruthScore> {
  const summary = JSON.parse(readFileSync(join(out, 'ground-truth', 'summary.json'), 'utf8')) as {
    rows: Record<string, Record<string, number>>;
    files: Record<string, number>;
  };
  const tables: GroundTruthScore['tables'] = {};
  for (const [table, written] of Object.entries(summary.rows[source] ?? {})) tables[table] = { written, read: 0, loaded: 0, quarantined: 0 };
  // The summary names files relative to the output directory, which may have moved since (manifest paths are absolute).
  for (const file of Object.keys(summary.files).filter((f) => f.startsWith(`${source}/`))) {
    const report = await wh.ingestor.ingest(source, { kind: 'file', path: join(out, file) });
    for (const [table, counts] of Object.entries(report.tables)) {
      const t = (tables[table] ??= { written: 0, read: 0, loaded: 0, quarantined: 0 });
      t.read += counts.read;
      t.loaded += counts.loaded;
      t.quarantined += counts.quarantined;
    }
  }

  const mismatches: string[] = [];
  for (const [table, t] of Object.entries(tables)) {
    if (t.read !== t.written) mismatches.push(`${table}: the generator wrote ${t.written} rows, the reader read ${t.read}`);
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (const table of Object.keys(tables)) {
    for (const row of await wh.rows(source, table)) rows.set(`${table}|${row._file}|${Number(row._line)}`, row);
  }
  const issues = new Map<string, Record<string, unknown>[]>();
  for (const issue of await wh.issues(source)) {
    const key = `${issue.table_name}|${issue.file}|${Number(issue.line)}`;
    issues.set(key, [...(issues.get(key) ?? []), issue]);
  }

  const outcomes: Record<string, number> = {};
  const explained = new Set<string>();
  const truthText = readFileSync(join(out, 'ground-truth', `${source}.jsonl`), 'utf8');
  for (const text of truthText.split('\n').filter((l) => l.trim() !== '')) {
    const truth = JSON.parse(text) as TruthRecord;
    outcomes[truth.outcome] = (outcomes[truth.outcome] ?? 0) + 1;
    const key = `${truth.table}|${basename(truth.file)}|${truth.line}`;
    explained.add(key);
    const where = `${truth.file}:${truth.line} (${truth.outcome} ${truth.code})`;
    const row = rows.get(key);
    const found = issues.get(key) ?? [];
    const severity = truth.outcome === 'quarantine' ? 'quarantine' : 'warning';
    if (truth.outcome === 'quarantine' || truth.outcome === 'warning') {
      if (!found.some((i) => i.severity === severity && i.code === truth.code)) {
        mismatches.push(`${where}: no ${severity} ${truth.code}; found ${found.map((i) => `${i.severity} ${i.code}`).join(', ') || 'nothing'}`);
      }
    } else if (found.length > 0) {
      mismatches.push(`${where}: unexpected ${found.map((i) => `${i.severity} ${i.code}`).join(', ')}`);
    }
    if (truth.outcome === 'quarantine') {
      if (row) mismatches.push(`${where}: the row was loaded`);
      continue;
    }
    if (!row) {
      mismatches.push(`${where}: the row was not loaded`);
      continue;
    }
    for (const [column, expected] of Object.entries(truth.expected)) {
      if (column === 'of') continue;
      const actual = comparable(row[column]);
      if (actual !== expected) mismatches.push(`${where}: ${column} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  }
  for (const [key, found] of issues) {
    if (!explained.has(key)) mismatches.push(`${key}: ${found.map((i) => `${i.severity} ${i.code} ${i.field ?? ''}`).join(', ')} on a line the generator wrote clean`);
  }
  return { tables, outcomes, mismatches };
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  return value ?? null;
}
