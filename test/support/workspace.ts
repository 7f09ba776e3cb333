import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pseudonymiser } from '../../src/identity/pseudonymiser.ts';
import { Ingestor } from '../../src/sources/ingest.ts';
import { Engine } from '../../src/warehouse/engine.ts';
import { WarehouseLayout } from '../../src/warehouse/layout.ts';
import { rawTableFiles, quarantineFiles } from '../../src/warehouse/catalogue.ts';
import type { SegmentOptions } from '../../src/sources/segments.ts';
import type { SourceName } from '../../src/sources/types.ts';

export const SHARED_REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'real');

/** A throwaway warehouse with its own key, for tests that load real files through the real ingest path. */
export class TestWarehouse {
  readonly dir = mkdtempSync(join(tmpdir(), 'entrepot-test-'));
  readonly layout = new WarehouseLayout(join(this.dir, 'warehouse'));
  readonly pseudonymiser: Pseudonymiser;
  readonly ingestor: Ingestor;

  /** `key`: another warehouse's, to compare loads; `segments`: how files that can be are read in segments. */
  constructor(options: { key?: Pseudonymiser; segments?: SegmentOptions; onProgress?: (done: number) => void } = {}) {
    this.pseudonymiser = options.key ?? new Pseudonymiser(randomBytes(32));
    const progress = () => ({ update: (done: number) => options.onProgress?.(done), stop() {} });
    this.ingestor = new Ingestor(this.layout, this.pseudonymiser, progress, options.segments);
  }

  /** Rows of a raw table, read back from the published Parquet files. */
  async rows(source: SourceName, table: string, orderBy = '_line'): Promise<Record<string, unknown>[]> {
    const files = rawTableFiles(this.layout, source, table);
    if (files.length === 0) return [];
    return query(`SELECT * FROM read_parquet([${files.map((f) => `'${f}'`).join(',')}]) ORDER BY ${orderBy}`);
  }

  async issues(source: SourceName): Promise<Record<string, unknown>[]> {
    const files = quarantineFiles(this.layout, source);
    if (files.length === 0) return [];
    return query(`SELECT * FROM read_parquet([${files.map((f) => `'${f}'`).join(',')}]) ORDER BY file, line`);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const engine = await Engine.open();
  try {
    return await engine.all(sql);
  } finally {
    engine.close();
  }
}
