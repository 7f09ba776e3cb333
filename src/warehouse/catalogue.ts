import { join } from 'node:path';
import { Engine, quoteIdentifier, quoteList } from './engine.ts';
import type { WarehouseLayout } from './layout.ts';
import { committedManifests } from '../sources/ingest.ts';
import { readers } from '../sources/registry.ts';

/** The view name of a raw or vault table in the catalogue: `raw_care_db_patient`, `vault_care_db_patient_identity`. */
export function rawViewName(zone: 'raw' | 'vault', source: string, table: string): string {
  return `${zone}_${source.replaceAll('-', '_')}_${table}`;
}

/**
 * Parquet files a raw view reads: every committed batch for append sources, the latest one for
 * snapshot sources (a new copy of the care database replaces the previous one).
 */
export function rawTableFiles(layout: WarehouseLayout, source: keyof typeof readers, table: string): string[] {
  const manifests = committedManifests(layout, source).filter((m) => m.tables[table]);
  const chosen = readers[source].mode === 'snapshot' ? manifests.slice(-1) : manifests;
  return chosen.map((m) => join(layout.root, m.tables[table].path, 'part-0.parquet'));
}

export function quarantineFiles(layout: WarehouseLayout, source: string): string[] {
  return committedManifests(layout, source).map((m) => join(layout.root, m.quarantinePath, 'issues.parquet'));
}

/**
 * Rewrites the views of the catalogue file (`catalog.duckdb`) over the committed raw batches and
 * the quarantine, so that a notebook opening the catalogue sees exactly what is published.
 */
export async function refreshRawViews(layout: WarehouseLayout): Promise<void> {
  const engine = await Engine.open(layout.catalogue);
  try {
    for (const reader of Object.values(readers)) {
      for (const spec of reader.tables) {
        const files = rawTableFiles(layout, reader.source, spec.name);
        const view = quoteIdentifier(rawViewName(spec.zone, reader.source, spec.name));
        if (files.length === 0) {
          await engine.run(`DROP VIEW IF EXISTS ${view}`);
          continue;
        }
        await engine.run(`CREATE OR REPLACE VIEW ${view} AS SELECT * FROM read_parquet(${quoteList(files)})`);
      }
      const issues = quarantineFiles(layout, reader.source);
      const view = quoteIdentifier(`quarantine_${reader.source.replaceAll('-', '_')}`);
      if (issues.length === 0) await engine.run(`DROP VIEW IF EXISTS ${view}`);
      else await engine.run(`CREATE OR REPLACE VIEW ${view} AS SELECT * FROM read_parquet(${quoteList(issues)})`);
    }
  } finally {
    engine.close();
  }
}
