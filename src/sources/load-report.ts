import { join } from 'node:path';
import type { BatchReport } from './ingest.ts';
import { writeFileAtomic } from './ingest.ts';
import type { WarehouseLayout } from '../warehouse/layout.ts';

export interface LoadReport {
  startedAt: string;
  finishedAt: string;
  batches: BatchReport[];
  totals: { read: number; loaded: number; quarantined: number; warnings: number; duplicates: number };
}

export function summarise(startedAt: Date, batches: BatchReport[]): LoadReport {
  const totals = { read: 0, loaded: 0, quarantined: 0, warnings: 0, duplicates: 0 };
  for (const batch of batches) {
    if (batch.status !== 'loaded') continue;
    for (const counts of Object.values(batch.tables)) {
      if (counts.zone !== 'raw') continue;
      totals.read += counts.read;
      totals.loaded += counts.loaded;
      totals.quarantined += counts.quarantined;
      totals.warnings += counts.warnings;
      totals.duplicates += counts.duplicates;
    }
  }
  return { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), batches, totals };
}

/** Stored under `_meta/loads/`, one file per run, so the API and the quality report can show load history. */
export function storeLoadReport(layout: WarehouseLayout, report: LoadReport): string {
  const path = join(layout.loadReports, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileAtomic(path, JSON.stringify(report, null, 2));
  return path;
}

/** One line per source table: what a data engineer checks after a load. */
export function formatLoadReport(report: LoadReport): string[] {
  const rows = [['source', 'input', 'table', 'status', 'read', 'loaded', 'quarantined', 'warnings', 'duplicates']];
  for (const batch of report.batches) {
    for (const [table, c] of Object.entries(batch.tables)) {
      if (c.zone !== 'raw') continue;
      rows.push([batch.source, batch.input, table, batch.status, ...[c.read, c.loaded, c.quarantined, c.warnings, c.duplicates].map(String)]);
    }
  }
  const t = report.totals;
  rows.push(['total', '', '', '', ...[t.read, t.loaded, t.quarantined, t.warnings, t.duplicates].map(String)]);
  return formatTable(rows);
}

export function formatTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const numeric = rows[0].map((_, i) => rows.slice(1).every((r) => r[i] === '' || /^-?[\d.,<%]+$/.test(r[i] ?? '')));
  return rows.map((r) => r.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
}
