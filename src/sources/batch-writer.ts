import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { countDuplicates } from './duplicate-count.ts';
import { describeQuarantine, type QuarantineRecord } from './quarantine.ts';
import type { BatchSink, RawTableSpec, RawValue, SourceReader } from './types.ts';
import { quoteIdentifier, quoteList, quoteLiteral, type Engine } from '../warehouse/engine.ts';
import type { WarehouseLayout } from '../warehouse/layout.ts';

export interface TableCounts {
  zone: 'raw' | 'vault';
  /** Rows the source held for this table. */
  read: number;
  loaded: number;
  quarantined: number;
  /** Values nulled because they could not be read (the row itself is loaded). */
  warnings: number;
  /** Loaded rows whose key was already seen, in this batch or in an earlier one of the source. */
  duplicates: number;
}

/** Staging files are CSV because DuckDB turns CSV into typed Parquet faster than any per-value API. */
const NULL = '\\N';
const FLUSH_AT = 1 << 20;

/**
 * Rows are encoded straight into one reused buffer: holding thousands of row strings until a
 * flush made them survive young-generation collections, and garbage collection then cost more
 * than parsing.
 */
class StagingFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;

  constructor(readonly path: string, private readonly hash: Hash) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    if (this.used + line.length * 3 > FLUSH_AT) {
      this.flush();
      if (line.length * 3 > FLUSH_AT) {
        const bytes = Buffer.from(line, 'utf8');
        this.hash.update(bytes);
        writeSync(this.fd, bytes);
        return;
      }
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.hash.update(bytes);
    writeSync(this.fd, bytes);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function csvField(value: RawValue): string {
  if (value === null || value === undefined) return NULL;
  if (typeof value === 'string') return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
  return String(value);
}

const ISSUE_COLUMNS = {
  table_name: 'VARCHAR',
  line: 'BIGINT',
  field: 'VARCHAR',
  severity: 'VARCHAR',
  code: 'VARCHAR',
  params: 'VARCHAR',
  message: 'VARCHAR',
  raw: 'VARCHAR',
} as const;

/** What one reader pass staged: its CSV files, counts and content hash. */
export interface StagedPart {
  dir: string;
  counts: Record<string, TableCounts>;
  hash: string;
  /** Lines of the source before this part: added to its line numbers, which count from 1 within it. */
  lineOffset: number;
  /** Per table, Parquet files of rows the reader typed itself (`BatchSink.typedRows`), line numbers file-wide. */
  typed: Record<string, string[]>;
}

/**
 * Receives what a reader reads and stages it as CSV under one directory of `_staging/<run>/`. A
 * batch is one part, or several when a file is read in segments (see segments.ts);
 * `stagedToParquet` then turns the parts into one batch. Nothing is visible in the warehouse until `publish` (see
 * ingest.ts) moves the finished directories into place, so a killed load leaves no half batch behind.
 */
export class BatchWriter implements BatchSink {
  private readonly files = new Map<string, StagingFile>();
  private readonly issues: StagingFile;
  private readonly counts = new Map<string, TableCounts>();
  private readonly specs = new Map<string, RawTableSpec>();
  private readonly contentHash = createHash('sha256');
  private readonly typed: Record<string, string[]> = {};

  constructor(
    private readonly dir: string,
    private readonly reader: SourceReader,
    private readonly onProgress: (done: number, total?: number) => void = () => {},
  ) {
    for (const spec of reader.tables) {
      this.specs.set(spec.name, spec);
      this.counts.set(spec.name, { zone: spec.zone, read: 0, loaded: 0, quarantined: 0, warnings: 0, duplicates: 0 });
      this.files.set(spec.name, new StagingFile(join(dir, `${spec.name}.csv`), this.contentHash));
    }
    this.issues = new StagingFile(join(dir, ISSUES_FILE), this.contentHash);
  }

  row(table: string, line: number, values: RawValue[]): void {
    const spec = this.specs.get(table);
    if (!spec) throw new Error(`reader ${this.reader.source} wrote to unknown table ${table}`);
    if (values.length !== spec.columns.length) {
      throw new Error(`reader ${this.reader.source} wrote ${values.length} values to ${table}, which has ${spec.columns.length} columns`);
    }
    let text = String(line);
    for (const value of values) text += ',' + csvField(value);
    this.files.get(table)!.write(text + '\n');
    this.counts.get(table)!.loaded += 1;
  }

  issue(record: QuarantineRecord): void {
    const counts = this.counts.get(record.table);
    if (!counts) throw new Error(`reader ${this.reader.source} reported an issue on unknown table ${record.table}`);
    if (record.severity === 'quarantine') counts.quarantined += 1;
    else counts.warnings += 1;
    const fields: RawValue[] = [record.table, record.line, record.field, record.severity, record.code,
      JSON.stringify(record.params), describeQuarantine(record), record.raw];
    this.issues.write(fields.map(csvField).join(',') + '\n');
  }

  read(table: string, count = 1): void {
    const counts = this.counts.get(table);
    if (!counts) throw new Error(`reader ${this.reader.source} counted rows of unknown table ${table}`);
    counts.read += count;
  }

  progress(done: number, total?: number): void {
    this.onProgress(done, total);
  }

  typedRows(table: string, file: string, rows: number, contentHash: string): void {
    const counts = this.counts.get(table);
    if (!counts) throw new Error(`reader ${this.reader.source} typed rows of unknown table ${table}`);
    counts.read += rows;
    counts.loaded += rows;
    (this.typed[table] ??= []).push(file);
    this.contentHash.update(`${table}\t${contentHash}\n`);
  }

  /** Closes the staging files; the hash covers everything staged, so the same input read with the same key hashes the same. */
  close(): StagedPart {
    for (const file of this.files.values()) file.close();
    this.issues.close();
    for (const [table, counts] of this.counts) {
      if (counts.read !== counts.loaded + counts.quarantined) {
        throw new Error(
          `reader ${this.reader.source} lost rows of ${table}: read ${counts.read}, loaded ${counts.loaded}, quarantined ${counts.quarantined}`,
        );
      }
    }
    return { dir: this.dir, counts: Object.fromEntries(this.counts), hash: this.contentHash.digest('hex').slice(0, 16), lineOffset: 0, typed: this.typed };
  }
}

const ISSUES_FILE = '_issues.csv';

/** The batch id: the content hash of its one part, or a hash of its parts' hashes in order. */
export function batchIdOf(parts: StagedPart[]): string {
  if (parts.length === 1) return parts[0].hash;
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part.hash);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Turns the staged parts into Parquet under `<stagingDir>/<zone>/<source>/<table>/batch=<id>/`,
 * counts duplicates against the committed batches, and returns the counts per table.
 * `committedFiles` lists the Parquet files of earlier batches of this source, per table.
 */
export async function stagedToParquet(
  engine: Engine,
  layout: WarehouseLayout,
  stagingDir: string,
  reader: SourceReader,
  parts: StagedPart[],
  batch: { id: string; fileLabel: string },
  committedFiles: Map<string, string[]>,
): Promise<Map<string, TableCounts>> {
  const counts = new Map<string, TableCounts>();
  for (const spec of reader.tables) {
    const total = sumCounts(parts.map((p) => p.counts[spec.name]));
    const target = join(stagingDir, layout.tableBatch(spec.zone, reader.source, spec.name, batch.id), 'part-0.parquet');
    mkdirSync(dirname(target), { recursive: true });
    const columns = { _line: 'BIGINT', ...Object.fromEntries(spec.columns.map((c) => [c.name, c.type])) };
    const select = [
      ...spec.columns.map((c) => quoteIdentifier(c.name)),
      `${quoteLiteral(batch.id)} AS _batch`,
      `${quoteLiteral(spec.sourceName ?? batch.fileLabel)} AS _file`,
      '_line',
    ].join(', ');
    const typed = parts.flatMap((p) => p.typed[spec.name] ?? []);
    const staged = readStagedParts(parts, `${spec.name}.csv`, columns, '_line');
    const rows = typed.length === 0 ? staged
      : `(SELECT * FROM ${staged} UNION ALL BY NAME SELECT * FROM read_parquet(${quoteList(typed)}))`;
    await engine.run(`COPY (SELECT ${select} FROM ${rows}) TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION zstd)`);
    if (spec.key && spec.key.length > 0) {
      total.duplicates = await countDuplicates(engine, {
        batchFile: target, key: spec.key, earlier: committedFiles.get(spec.name) ?? [], scratchDir: join(stagingDir, 'duplicates', spec.name),
      });
    }
    counts.set(spec.name, total);
  }
  const issuesTarget = join(stagingDir, layout.quarantineBatch(reader.source, batch.id), 'issues.parquet');
  mkdirSync(dirname(issuesTarget), { recursive: true });
  await engine.run(
    `COPY (SELECT ${quoteLiteral(reader.source)} AS source, ${quoteLiteral(batch.fileLabel)} AS file, *, ` +
      `${quoteLiteral(batch.id)} AS _batch FROM ${readStagedParts(parts, ISSUES_FILE, ISSUE_COLUMNS, 'line')}) ` +
      `TO ${quoteLiteral(issuesTarget)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  return counts;
}

function sumCounts(list: TableCounts[]): TableCounts {
  const total: TableCounts = { ...list[0], read: 0, loaded: 0, quarantined: 0, warnings: 0, duplicates: 0 };
  for (const c of list) {
    total.read += c.read;
    total.loaded += c.loaded;
    total.quarantined += c.quarantined;
    total.warnings += c.warnings;
  }
  return total;
}

/**
 * The staged CSV `name` of every part, in part order, its line numbers made file-wide. Parts are
 * read by one `read_csv` over the list (DuckDB reads them in parallel) and each row finds its
 * part's offset through the file name.
 */
function readStagedParts(parts: StagedPart[], name: string, columns: Record<string, string>, lineColumn: string): string {
  const struct = Object.entries(columns).map(([column, type]) => `${quoteLiteral(column)}: ${quoteLiteral(type)}`).join(', ');
  const paths = parts.map((p) => join(p.dir, name));
  const csv = `read_csv(${quoteList(paths)}, columns = {${struct}}, header = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '\\N', allow_quoted_nulls = false, auto_detect = false, strict_mode = true, new_line = '\\n', filename = '_part_file')`;
  if (parts.every((p) => p.lineOffset === 0)) return `(SELECT * EXCLUDE (_part_file) FROM ${csv})`;
  const offsets = parts.map((p, i) => `(${quoteLiteral(paths[i])}, ${p.lineOffset}::BIGINT)`).join(', ');
  const line = quoteIdentifier(lineColumn);
  return `(SELECT s.* EXCLUDE (_part_file) REPLACE (s.${line} + o.line_offset AS ${line}) FROM ${csv} s ` +
    `JOIN (VALUES ${offsets}) o(part_file, line_offset) ON o.part_file = s._part_file)`;
}
