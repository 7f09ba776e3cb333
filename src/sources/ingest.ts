import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { batchIdOf, BatchWriter, stagedToParquet, type StagedPart, type TableCounts } from './batch-writer.ts';
import { readerFor } from './registry.ts';
import { redactUrl } from './redact-url.ts';
import { DEFAULT_SEGMENTS, readInSegments, type SegmentOptions } from './segments.ts';
import type { ReaderInput, SourceName, SourceReader } from './types.ts';
import { UserError } from '../cli/command.ts';
import type { Pseudonymiser } from '../identity/pseudonymiser.ts';
import { Engine } from '../warehouse/engine.ts';
import type { WarehouseLayout } from '../warehouse/layout.ts';

export interface BatchManifest {
  source: SourceName;
  batchId: string;
  loadedAt: string;
  input: { label: string; sha256: string | null; bytes: number | null };
  tables: Record<string, TableCounts & { path: string }>;
  quarantinePath: string;
  keyFingerprint: string;
  durationMs: number;
}

export interface BatchReport {
  source: SourceName;
  input: string;
  status: 'loaded' | 'already-loaded';
  batchId: string;
  tables: Record<string, TableCounts>;
  durationMs: number;
}

/** DuckDB's share of an ingest's memory (the reader itself stays near 200 MB). */
const INGEST_MEMORY_LIMIT = process.env.ENTREPOT_INGEST_MEMORY ?? '1GB';

export type ProgressFactory = (label: string) => { update(done: number, total?: number): void; stop(): void };

/**
 * Loads one input of one source as one batch. The batch is staged, written as Parquet, then
 * published by renaming finished directories and writing its manifest last: a batch without a
 * manifest is not part of the warehouse and is removed by the next load.
 */
export class Ingestor {
  constructor(
    private readonly layout: WarehouseLayout,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly progress: ProgressFactory = () => ({ update() {}, stop() {} }),
    private readonly segments: SegmentOptions = DEFAULT_SEGMENTS,
  ) {}

  async ingest(source: SourceName, input: ReaderInput): Promise<BatchReport> {
    const started = Date.now();
    const reader = readerFor(source);
    const label = input.kind === 'file' ? basename(input.path) : redactUrl(input.url);
    const fileInfo = input.kind === 'file' ? await describeFile(input.path) : null;
    if (fileInfo) {
      const previous = committedManifests(this.layout, source).find((m) => m.input.sha256 === fileInfo.sha256);
      if (previous) return alreadyLoaded(previous, label, started);
    }

    const stagingDir = join(this.layout.staging, `${source}-${randomBytes(6).toString('hex')}`);
    mkdirSync(stagingDir, { recursive: true });
    const bar = this.progress(`${source} ${label}`);
    try {
      const parts = await this.stage(reader, input, stagingDir, label, (done, total) => bar.update(done, total));
      const batchId = batchIdOf(parts);
      const existing = committedManifests(this.layout, source).find((m) => m.batchId === batchId);
      if (existing) return alreadyLoaded(existing, label, started);

      // A memory limit makes DuckDB spill to the staging directory instead of growing with the
      // batch, so that a load stays within a fixed footprint whatever the source's size. Rows
      // carry their line numbers: keeping their order in the Parquet file would only make DuckDB
      // buffer what it cannot write yet.
      const engine = await Engine.open(':memory:', {
        temp_directory: join(stagingDir, 'duckdb-tmp'), memory_limit: INGEST_MEMORY_LIMIT, preserve_insertion_order: 'false',
      });
      let counts: Map<string, TableCounts>;
      try {
        // A snapshot replaces the previous one: its rows are duplicates only of each other.
        const earlier = reader.mode === 'append' ? committedFiles(this.layout, source) : new Map<string, string[]>();
        counts = await stagedToParquet(engine, this.layout, stagingDir, reader, parts, { id: batchId, fileLabel: label }, earlier);
      } finally {
        engine.close();
      }
      const manifest: BatchManifest = {
        source,
        batchId,
        loadedAt: new Date().toISOString(),
        input: { label, sha256: fileInfo?.sha256 ?? null, bytes: fileInfo?.bytes ?? null },
        tables: Object.fromEntries(
          [...counts].map(([table, c]) => [table, { ...c, path: this.layout.tableBatch(c.zone, source, table, batchId) }]),
        ),
        quarantinePath: this.layout.quarantineBatch(source, batchId),
        keyFingerprint: this.pseudonymiser.fingerprint(),
        durationMs: Date.now() - started,
      };
      this.publish(stagingDir, manifest);
      return { source, input: label, status: 'loaded', batchId, tables: Object.fromEntries(counts), durationMs: manifest.durationMs };
    } finally {
      bar.stop();
      rmSync(stagingDir, { recursive: true, force: true });
    }
  }

  /** Reads the input into staged CSV parts: one, or one per segment of a file that can be read in segments. */
  private async stage(
    reader: SourceReader,
    input: ReaderInput,
    stagingDir: string,
    fileLabel: string,
    onProgress: (done: number, total?: number) => void,
  ): Promise<StagedPart[]> {
    const plan = reader.segments && input.kind === 'file' ? await reader.segments.plan(input.path) : null;
    if (plan !== null && input.kind === 'file') {
      const job = { source: reader.source, path: input.path, plan, stagingDir: join(stagingDir, 'segments'), fileLabel };
      return readInSegments(job, this.pseudonymiser, this.segments, onProgress);
    }
    const writer = new BatchWriter(join(stagingDir, 'csv'), reader, onProgress);
    const scratch = { dir: join(stagingDir, 'scratch'), memoryLimit: INGEST_MEMORY_LIMIT };
    await reader.read(input, writer, { pseudonymiser: this.pseudonymiser, fileLabel, scratch });
    return [writer.close()];
  }

  private publish(stagingDir: string, manifest: BatchManifest): void {
    const moves = [...Object.values(manifest.tables).map((t) => t.path), manifest.quarantinePath];
    for (const relative of moves) {
      const target = join(this.layout.root, relative);
      mkdirSync(dirname(target), { recursive: true });
      rmSync(target, { recursive: true, force: true });
      renameSync(join(stagingDir, relative), target);
    }
    writeFileAtomic(this.layout.batchManifest(manifest.source, manifest.batchId), JSON.stringify(manifest, null, 2));
  }
}

/** Removes what a killed load left: staging directories and published directories without a manifest. */
export function recoverInterruptedLoads(layout: WarehouseLayout): string[] {
  const removed: string[] = [];
  if (existsSync(layout.staging)) {
    for (const entry of readdirSync(layout.staging)) {
      rmSync(join(layout.staging, entry), { recursive: true, force: true });
      removed.push(join('_staging', entry));
    }
  }
  for (const zone of ['raw', 'vault', 'quarantine']) {
    const zoneDir = join(layout.root, zone);
    if (!existsSync(zoneDir)) continue;
    for (const relative of readdirSync(zoneDir, { recursive: true }).map(String)) {
      const match = /(?:^|[\\/])batch=([0-9a-f]+)$/.exec(relative);
      if (!match) continue;
      const source = relative.split(/[\\/]/)[0];
      if (!existsSync(layout.batchManifest(source, match[1]))) {
        rmSync(join(zoneDir, relative), { recursive: true, force: true });
        removed.push(join(zone, relative));
      }
    }
  }
  return removed;
}

export function committedManifests(layout: WarehouseLayout, source: string): BatchManifest[] {
  const dir = layout.batchManifests(source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as BatchManifest)
    .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt));
}

/** Parquet files of the committed batches of a source, per table. */
export function committedFiles(layout: WarehouseLayout, source: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const manifest of committedManifests(layout, source)) {
    for (const [table, info] of Object.entries(manifest.tables)) {
      const list = files.get(table) ?? [];
      list.push(join(layout.root, info.path, 'part-0.parquet'));
      files.set(table, list);
    }
  }
  return files;
}

export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

function alreadyLoaded(manifest: BatchManifest, label: string, started: number): BatchReport {
  return {
    source: manifest.source,
    input: label,
    status: 'already-loaded',
    batchId: manifest.batchId,
    tables: Object.fromEntries(Object.entries(manifest.tables).map(([table, { path: _path, ...counts }]) => [table, counts])),
    durationMs: Date.now() - started,
  };
}

async function describeFile(path: string): Promise<{ sha256: string; bytes: number }> {
  if (!existsSync(path)) throw new UserError(`file not found: ${path}`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new UserError(`not a file: ${path}`);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: stat.size };
}
