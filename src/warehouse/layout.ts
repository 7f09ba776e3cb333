import { join } from 'node:path';

/**
 * Where each zone lives under the warehouse directory. Zones are Hive-style partitioned Parquet
 * so that Spark, Trino or a notebook read them with no export step.
 */
export class WarehouseLayout {
  constructor(readonly root: string) {}

  get meta(): string { return join(this.root, '_meta'); }
  get staging(): string { return join(this.root, '_staging'); }
  get catalogue(): string { return join(this.root, 'catalog.duckdb'); }
  get lockFile(): string { return join(this.meta, 'lock'); }
  get keyFingerprint(): string { return join(this.meta, 'key-fingerprint'); }
  get loadReports(): string { return join(this.meta, 'loads'); }

  batchManifests(source: string): string { return join(this.meta, 'batches', source); }
  batchManifest(source: string, batchId: string): string { return join(this.batchManifests(source), `${batchId}.json`); }

  /** Relative to a zone root: `<source>/<table>/batch=<id>`; the same path under raw, vault or staging. */
  tableBatch(zone: 'raw' | 'vault', source: string, table: string, batchId: string): string {
    return join(zone, source, table, `batch=${batchId}`);
  }
  quarantineBatch(source: string, batchId: string): string {
    return join('quarantine', source, `batch=${batchId}`);
  }
  get marts(): string { return join(this.root, 'marts'); }
  get builds(): string { return join(this.root, 'builds'); }
}
