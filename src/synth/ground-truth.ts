import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { QuarantineCode } from '../sources/quarantine.ts';
import type { SourceName } from '../sources/types.ts';
import { TextFileWriter } from './writers/text-file.ts';

/**
 * What a reader must make of one dirty value, dirty row or duplicate (docs/raw-zone.md, "Ground
 * truth"). `warning` and `quarantine` name the quarantine code the reader must record; `repair`
 * and `duplicate` produce no quarantine record, so their code only names the kind of dirt.
 */
export type Outcome =
  | { outcome: 'warning' | 'quarantine'; code: QuarantineCode }
  | { outcome: 'repair'; code: RepairCode }
  | { outcome: 'duplicate'; code: DuplicateCode };

export type RepairCode =
  | 'date-format'
  | 'date-partial'
  | 'sex-spelling'
  | 'sex-missing'
  | 'code-format'
  | 'fk-missing'
  | 'finess-suffix'
  | 'encoding-mixed';

export type DuplicateCode = 'duplicate-row' | 'duplicate-record' | 'death-corrected';

export type TruthRecord = Outcome & {
  /** Absolute path of the file, or null for a database table. */
  file: string | null;
  /** Raw-zone table the row belongs to. */
  table: string;
  /** 1-based line in the file; for a database table, the row's position in insertion order. */
  line: number;
  /** Primary key of a database row, null for files. */
  key: Record<string, number | string> | null;
  /** Source column, null when the whole row is in question. */
  field: string | null;
  /** The text as received (the value, or the whole line for row-level dirt). */
  raw: string;
  expected: Record<string, unknown>;
};

export interface GroundTruthSummary {
  seed: number;
  patients: number;
  /** Rows written per source and raw-zone table, dirty ones included (header lines excluded). */
  rows: Partial<Record<SourceName, Record<string, number>>>;
  /** Data lines per file, relative to the output directory. */
  files: Record<string, number>;
  /** Ground-truth records per source, by outcome and by code. */
  outcomes: Partial<Record<SourceName, Record<string, number>>>;
  codes: Partial<Record<SourceName, Record<string, number>>>;
  /** Deaths of the group's patients written in the death files, to check linkage. */
  linkedDeaths: number;
}

/** Direct identifiers of generated people, for a privacy test that greps the warehouse for them. */
export interface IdentifierSample {
  surnames: string[];
  phones: string[];
  emails: string[];
  nirs: string[];
}

const SAMPLE_SIZE = 500;

/** Collects the ground truth while the writers run, one JSON-lines file per source. */
export class GroundTruth {
  readonly dir: string;
  private readonly writers = new Map<SourceName, TextFileWriter>();
  private readonly rows: GroundTruthSummary['rows'] = {};
  private readonly files: Record<string, number> = {};
  private readonly outcomes: GroundTruthSummary['outcomes'] = {};
  private readonly codes: GroundTruthSummary['codes'] = {};
  private readonly identifiers: IdentifierSample = { surnames: [], phones: [], emails: [], nirs: [] };
  private readonly links: TextFileWriter;
  private linkedDeaths = 0;

  constructor(readonly outDir: string, private readonly seed: number, private readonly patients: number) {
    this.dir = join(outDir, 'ground-truth');
    mkdirSync(this.dir, { recursive: true });
    for (const source of ['care-db', 'sejours', 'finess', 'esatis', 'deces', 'rpps'] as SourceName[]) {
      this.writers.set(source, new TextFileWriter(join(this.dir, `${source}.jsonl`), 'utf-8'));
    }
    this.links = new TextFileWriter(join(this.dir, 'death-links.jsonl'), 'utf-8');
  }

  add(source: SourceName, record: TruthRecord): void {
    const { file, table, line, key, field, raw, outcome, code, expected } = record;
    const out = { source, file: file === null ? null : this.path(file), table, line, key, field, raw, outcome, code, expected };
    this.writers.get(source)!.line(JSON.stringify(out));
    bump((this.outcomes[source] ??= {}), outcome);
    bump((this.codes[source] ??= {}), code);
  }

  /** Counts the rows a writer produced for a raw-zone table (and, for files, the file's data lines). */
  wrote(source: SourceName, table: string, count: number, file?: string): void {
    const tables = (this.rows[source] ??= {});
    tables[table] = (tables[table] ?? 0) + count;
    if (file) this.files[this.path(file)] = (this.files[this.path(file)] ?? 0) + count;
  }

  /** A death record of one of the group's patients: linkage must join it to that patient. */
  link(file: string, line: number, patientId: number, deathLinkKey: string): void {
    this.linkedDeaths += 1;
    this.links.line(JSON.stringify({ file: this.path(file), line, Id_patient: patientId, death_link_key: deathLinkKey }));
  }

  /** Keeps the first identifiers offered, up to the sample size of each kind. */
  identifier(kind: keyof IdentifierSample, value: string): void {
    const list = this.identifiers[kind];
    if (list.length < SAMPLE_SIZE && !list.includes(value)) list.push(value);
  }

  finish(): GroundTruthSummary {
    for (const writer of this.writers.values()) writer.close();
    this.links.close();
    const summary: GroundTruthSummary = {
      seed: this.seed,
      patients: this.patients,
      rows: this.rows,
      files: sortKeys(this.files),
      outcomes: this.outcomes,
      codes: this.codes,
      linkedDeaths: this.linkedDeaths,
    };
    writeFileSync(join(this.dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    writeFileSync(join(this.dir, 'identifiers.json'), JSON.stringify(this.identifiers, null, 2) + '\n');
    return summary;
  }

  /** A file's path as the ground truth names it: relative to the output directory, with `/`. */
  path(file: string): string {
    return relative(this.outDir, file).split('\\').join('/');
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
