import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeQuarantine, type QuarantineRecord } from './quarantine.ts';
import type { BatchSink, RawTableSpec, RawValue, SourceReader } from './types.ts';
import { quoteIdentifier, quoteLiteral, type Engine } from '../warehouse/engine.ts';
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
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
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

/**
 * Receives what a reader reads and stages it under `_staging/<run>/`, then turns it into
 * Parquet. Nothing is visible in the warehouse until `publish` (see ingest.ts) moves the finished
 * directories into place, so a killed load leaves no half batch behind.
 */
export class BatchWriter implements BatchSink {
  private readonly files = new Map<string, StagingFile>();
  private readonly issues: StagingFile;
  private readonly counts = new Map<string, TableCounts>();
  private readonly specs = new Map<string, RawTableSpec>();
  private readonly contentHash = createHash('sha256');

  constructor(
    private readonly stagingDir: string,
    private readonly reader: SourceReader,
    private readonly onProgress: (done: number, total?: number) => void = () => {},
  ) {
    for (const spec of reader.tables) {
      this.specs.set(spec.name, spec);
      this.counts.set(spec.name, { zone: spec.zone, read: 0, loaded: 0, quarantined: 0, warnings: 0, duplicates: 0 });
      this.files.set(spec.name, new StagingFile(join(stagingDir, 'csv', `${spec.name}.csv`), this.contentHash));
    }
    this.issues = new StagingFile(join(stagingDir, 'csv', '_issues.csv'), this.contentHash);
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

  /** Hash of everything staged: the same input read with the same key gives the same batch id. */
  closeAndHash(): string {
    for (const file of this.files.values()) file.close();
    this.issues.close();
    return this.contentHash.digest('hex').slice(0, 16);
  }

  /**
   * Turns the staged CSV into Parquet under `<stagingDir>/<zone>/<source>/<table>/batch=<id>/`,
   * counts duplicates against the committed batches, and returns the counts per table.
   * `committedFiles` lists the Parquet files of earlier batches of this source, per table.
   */
  async toParquet(
    engine: Engine,
    layout: WarehouseLayout,
    batchId: string,
    fileLabel: string,
    committedFiles: Map<string, string[]>,
  ): Promise<Map<string, TableCounts>> {
    for (const spec of this.reader.tables) {
      const counts = this.counts.get(spec.name)!;
      if (counts.read !== counts.loaded + counts.quarantined) {
        throw new Error(
          `reader ${this.reader.source} lost rows of ${spec.name}: read ${counts.read}, loaded ${counts.loaded}, quarantined ${counts.quarantined}`,
        );
      }
      const target = join(this.stagingDir, layout.tableBatch(spec.zone, this.reader.source, spec.name, batchId), 'part-0.parquet');
      mkdirSync(dirname(target), { recursive: true });
      const columns = { _line: 'BIGINT', ...Object.fromEntries(spec.columns.map((c) => [c.name, c.type])) };
      const select = [
        ...spec.columns.map((c) => quoteIdentifier(c.name)),
        `${quoteLiteral(batchId)} AS _batch`,
        `${quoteLiteral(spec.sourceName ?? fileLabel)} AS _file`,
        '_line',
      ].join(', ');
      await engine.run(
        `COPY (SELECT ${select} FROM ${readStagedCsv(this.files.get(spec.name)!.path, columns)}) ` +
          `TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      if (spec.key && spec.key.length > 0) {
        counts.duplicates = await countDuplicates(engine, target, spec.key, committedFiles.get(spec.name) ?? []);
      }
    }
    const issuesTarget = join(this.stagingDir, layout.quarantineBatch(this.reader.source, batchId), 'issues.parquet');
    mkdirSync(dirname(issuesTarget), { recursive: true });
    await engine.run(
      `COPY (SELECT ${quoteLiteral(this.reader.source)} AS source, ${quoteLiteral(fileLabel)} AS file, *, ` +
        `${quoteLiteral(batchId)} AS _batch FROM ${readStagedCsv(this.issues.path, ISSUE_COLUMNS)}) ` +
        `TO ${quoteLiteral(issuesTarget)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return this.counts;
  }
}

function readStagedCsv(path: string, columns: Record<string, string>): string {
  const struct = Object.entries(columns).map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`).join(', ');
  return `read_csv(${quoteLiteral(path)}, columns = {${struct}}, header = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '\\N', allow_quoted_nulls = false, auto_detect = false, strict_mode = true, new_line = '\\n')`;
}

async function countDuplicates(engine: Engine, target: string, key: string[], earlier: string[]): Promise<number> {
  const keyList = key.map(quoteIdentifier).join(', ');
  const batch = `read_parquet(${quoteLiteral(target)})`;
  const within = await engine.one<{ n: number }>(
    `SELECT count(*) - count(DISTINCT (${keyList})) AS n FROM ${batch}`,
  );
  let across = 0;
  if (earlier.length > 0) {
    const list = `[${earlier.map(quoteLiteral).join(', ')}]`;
    const row = await engine.one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT DISTINCT ${keyList} FROM ${batch}) b ` +
        `WHERE EXISTS (SELECT 1 FROM read_parquet(${list}) e WHERE ${key.map((k) => `e.${quoteIdentifier(k)} IS NOT DISTINCT FROM b.${quoteIdentifier(k)}`).join(' AND ')})`,
    );
    across = row?.n ?? 0;
  }
  return (within?.n ?? 0) + across;
}
