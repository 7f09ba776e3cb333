import type { QuarantineRecord } from './quarantine.ts';
import type { ByteRange } from './text/lines.ts';
import type { Pseudonymiser } from '../identity/pseudonymiser.ts';

export type SourceName = 'care-db' | 'sejours' | 'finess' | 'esatis' | 'deces' | 'rpps';

export type RawType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIME' | 'BOOLEAN';

/** A typed value as a reader emits it: DATE as `YYYY-MM-DD`, TIME as `HH:MM:SS`, null for unknown. */
export type RawValue = string | number | boolean | null;

export interface RawColumn {
  name: string;
  type: RawType;
  doc: string;
}

/**
 * A table of the raw zone (or of the identity vault when `zone` is `vault`). Every raw row also
 * gets the lineage columns `_batch`, `_file` and `_line`, added by the batch writer.
 */
export interface RawTableSpec {
  name: string;
  zone: 'raw' | 'vault';
  columns: RawColumn[];
  /** For database sources: the source table read, recorded as the rows' `_file` lineage. */
  sourceName?: string;
  /** Columns that identify a record: rows sharing them are counted as duplicates in the load report. */
  key?: string[];
}

export type ReaderInput =
  | { kind: 'file'; path: string }
  | { kind: 'postgres'; url: string };

/** Where a reader sends what it reads; every call is synchronous and memory stays flat. */
export interface BatchSink {
  /** A typed row, values in the order of the table's columns. `line` is the 1-based source line or row number. */
  row(table: string, line: number, values: RawValue[]): void;
  /** A row refused (severity quarantine) or a value nulled (severity warning). */
  issue(record: QuarantineRecord): void;
  /** Rows read from the source for `table`, whatever became of them (rows read = loaded + quarantined). */
  read(table: string, count?: number): void;
  /** Work done so far, in the unit of `total` (bytes for files, rows for databases). */
  progress(done: number, total?: number): void;
  /**
   * Rows of `table` the reader typed itself, in a Parquet file whose columns are `_line` then the
   * table's: `rows` of them, each read and loaded. `contentHash` stands for them in the batch id.
   */
  typedRows(table: string, file: string, rows: number, contentHash: string): void;
}

export interface ReaderContext {
  pseudonymiser: Pseudonymiser;
  /** The file name recorded in lineage (base name for files, `schema.table` for databases). */
  fileLabel: string;
  /**
   * A directory of the load's staging area for the reader's working files, and the memory a DuckDB
   * engine of the reader may use before it spills there. Without it, every row goes through the sink.
   */
  scratch?: { dir: string; memoryLimit: string };
}

export interface SourceReader {
  source: SourceName;
  describe: string;
  /**
   * `snapshot`: each batch is a complete copy and the latest batch wins (care database, FINESS, RPPS);
   * `append`: batches add up (stays, e-Satis years, death files), duplicates resolved in core.
   */
  mode: 'snapshot' | 'append';
  tables: RawTableSpec[];
  read(input: ReaderInput, sink: BatchSink, ctx: ReaderContext): Promise<void>;
  /** For files whose lines stand alone once the start of the file is known: read in segments, in parallel. */
  segments?: SegmentedReading;
}

/**
 * A file read as byte ranges that each start at a line (text/lines.ts `segmentFile`), by worker
 * threads: what a segment's reader must know of the file (its variant, its header) is read once
 * from its start by `plan`, and passed to every segment.
 */
export interface SegmentedReading {
  /** What every segment needs (structured-cloneable), or null when this file must be read in one pass. */
  plan(path: string): Promise<SegmentPlan | null>;
  /** Reads the lines of `range`, numbered from 1 within it, and returns how many there were. */
  readSegment(path: string, range: ByteRange, plan: SegmentPlan, sink: BatchSink, ctx: ReaderContext): Promise<number>;
}

export type SegmentPlan = Record<string, unknown>;
