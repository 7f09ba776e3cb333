import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { quoteIdentifier, quoteList, quoteLiteral, type Engine } from '../warehouse/engine.ts';

export interface DuplicateCountJob {
  /** The batch's Parquet file. */
  batchFile: string;
  key: string[];
  /** Parquet files of the source's earlier batches: a key already there counts as a duplicate. */
  earlier: string[];
  /** A directory of its own for the key buckets, written when the keys do not fit in memory at once (removed afterwards). */
  scratchDir: string;
  /** Distinct keys one grouping may hold; by default what the engine's memory limit allows for this key's width. */
  keysPerBucket?: number;
}

/**
 * How many bytes of keys one grouping may take under a memory limit. DuckDB's grouping spills, but
 * not without bounds: under 250 MB it held 1.25M consultation keys (two 32-character pseudonyms,
 * a date, a time, a code: 76 bytes uncompressed) and ran out with 2.5M; under 1 GB it held 10M of
 * them, and 28M death keys (50 bytes) in 8 s where two buckets took 14 s. Two and a half times the
 * memory above a 200 MiB reserve lets all three run as they did, and splits 100M consultation keys.
 */
const keyBytesUnder = (limit: number) => 2.5 * Math.max(limit - 200 * 2 ** 20, limit / 4);
const KEY_OVERHEAD = 16;

/**
 * Rows of the batch whose key was already seen, in the batch or in an earlier batch. Exact: keys
 * are grouped, never compared by hash alone. When the keys would not fit in memory, they are first
 * written in buckets by a hash of the key (equal keys share a bucket) and each bucket is counted
 * on its own, so memory stays bounded whatever the batch's size.
 */
export async function countDuplicates(engine: Engine, job: DuplicateCountJob): Promise<number> {
  const keyList = job.key.map(quoteIdentifier).join(', ');
  const batchRows = await parquetRows(engine, [job.batchFile]);
  const earlierRows = job.earlier.length > 0 ? await parquetRows(engine, job.earlier) : 0;
  const keysPerBucket = job.keysPerBucket ?? await defaultKeysPerBucket(engine, job.batchFile, job.key);
  const buckets = Math.ceil(Math.max(batchRows, earlierRows) / keysPerBucket);
  if (buckets <= 1) return count(engine, keyList, job.key, parquet([job.batchFile]), job.earlier.length > 0 ? parquet(job.earlier) : null);

  const dir = job.scratchDir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const split = async (files: string[], name: string) => {
      await engine.run(
        `COPY (SELECT ${keyList}, hash(${keyList}) % ${buckets} AS _bucket FROM ${parquet(files)}) ` +
          `TO ${quoteLiteral(join(dir, name))} (FORMAT parquet, PARTITION_BY (_bucket), COMPRESSION uncompressed)`,
      );
    };
    await split([job.batchFile], 'batch');
    if (job.earlier.length > 0) await split(job.earlier, 'earlier');
    const batchBuckets = await bucketFiles(engine, join(dir, 'batch'));
    const earlierBuckets = job.earlier.length > 0 ? await bucketFiles(engine, join(dir, 'earlier')) : new Map<number, string[]>();
    let total = 0;
    for (const [bucket, files] of batchBuckets) {
      const earlier = earlierBuckets.get(bucket);
      total += await count(engine, keyList, job.key, parquet(files), earlier ? parquet(earlier) : null);
    }
    return total;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function count(engine: Engine, keyList: string, key: string[], batch: string, earlier: string | null): Promise<number> {
  const within = await engine.one<{ n: number }>(
    `SELECT (SELECT count(*) FROM ${batch}) - (SELECT count(*) FROM (SELECT DISTINCT ${keyList} FROM ${batch})) AS n`,
  );
  if (earlier === null) return within?.n ?? 0;
  const same = key.map((k) => `e.${quoteIdentifier(k)} IS NOT DISTINCT FROM b.${quoteIdentifier(k)}`).join(' AND ');
  const across = await engine.one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT DISTINCT ${keyList} FROM ${batch}) b WHERE EXISTS (SELECT 1 FROM ${earlier} e WHERE ${same})`,
  );
  return (within?.n ?? 0) + (across?.n ?? 0);
}

/** The files DuckDB wrote per bucket: a bucket no row fell into has none. */
async function bucketFiles(engine: Engine, dir: string): Promise<Map<number, string[]>> {
  const rows = await engine.all<{ file: string }>(`SELECT file FROM glob(${quoteLiteral(join(dir, '*', '*.parquet'))})`);
  const buckets = new Map<number, string[]>();
  for (const { file } of rows) {
    const bucket = Number(/_bucket=(\d+)/.exec(file)![1]);
    if (!buckets.has(bucket)) buckets.set(bucket, []);
    buckets.get(bucket)!.push(file);
  }
  return buckets;
}

function parquet(files: string[]): string {
  return `read_parquet(${quoteList(files)})`;
}

async function parquetRows(engine: Engine, files: string[]): Promise<number> {
  const row = await engine.one<{ n: number }>(`SELECT coalesce(sum(num_rows), 0)::BIGINT AS n FROM parquet_file_metadata(${quoteList(files)})`);
  return row?.n ?? 0;
}

/** Keys per bucket from the engine's memory limit and the key's uncompressed width in the batch file. */
async function defaultKeysPerBucket(engine: Engine, file: string, key: string[]): Promise<number> {
  const row = await engine.one<{ width: number | null; limit: string }>(
    `SELECT (SELECT sum(total_uncompressed_size) / greatest(sum(num_values), 1) * ${key.length} FROM parquet_metadata(${quoteLiteral(file)}) ` +
      `WHERE list_contains(${quoteList(key)}, path_in_schema))::DOUBLE AS width, current_setting('memory_limit') AS limit`,
  );
  const width = row?.width ?? 16 * key.length;
  return Math.max(1, Math.floor(keyBytesUnder(byteSize(row!.limit)) / (width + KEY_OVERHEAD)));
}

const UNITS: Record<string, number> = {
  bytes: 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

/** DuckDB's spelling of a size (`953.6 MiB`, `1GB`) in bytes. */
export function byteSize(text: string): number {
  const match = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`not a size: ${text}`);
  return Number(match[1]) * unit;
}
