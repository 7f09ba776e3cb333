import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUALITY_CHECKS, type CheckKind, type QualityCheck } from './checks.ts';
import { currentBuild, openMarts } from '../current-build.ts';
import { quoteIdentifier, type Engine } from '../engine.ts';
import type { WarehouseLayout } from '../layout.ts';
import { committedManifests } from '../../sources/ingest.ts';

export interface CheckResult {
  id: string;
  table: string;
  kind: CheckKind;
  label: string;
  description: string;
  violated: number | null;
  denominator: number | null;
  /** violated / denominator in %, two decimals; null when the denominator is 0 or the check failed. */
  percent: number | null;
  /** Set when the check's SQL failed: the other checks still run. */
  error: string | null;
}

/** What the readers set aside in the batches the current build read (quarantined rows, nulled values). */
export interface QuarantineCount {
  source: string;
  table: string;
  read: number;
  loaded: number;
  quarantined: number;
  warnings: number;
  duplicates: number;
}

export interface QualityReport {
  buildId: string;
  checkedAt: string;
  checks: CheckResult[];
  quarantine: QuarantineCount[];
}

const SQL_DIR = join(import.meta.dirname, 'sql');

export async function runQuality(layout: WarehouseLayout, checks: QualityCheck[] = QUALITY_CHECKS): Promise<QualityReport> {
  const engine = await openMarts(layout);
  const build = currentBuild(layout)!;
  try {
    const results: CheckResult[] = [];
    for (const check of checks) results.push(await runCheck(engine, check));
    return {
      buildId: build.id,
      checkedAt: new Date().toISOString(),
      checks: results,
      quarantine: quarantineCounts(layout, build.manifest.inputs),
    };
  } finally {
    engine.close();
  }
}

function checkSql(check: QualityCheck): string {
  const text = readFileSync(join(SQL_DIR, check.sqlFile), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = check.params[name];
    if (value === undefined) throw new Error(`check ${check.id}: ${check.sqlFile} needs {{${name}}}`);
    return value.split('.').map(quoteIdentifier).join('.');
  });
}

async function runCheck(engine: Engine, check: QualityCheck): Promise<CheckResult> {
  const base = { id: check.id, table: check.table, kind: check.kind, label: check.label, description: check.description };
  try {
    const row = await engine.one<{ violated: number | bigint; denominator: number | bigint }>(checkSql(check));
    const violated = Number(row?.violated ?? 0);
    const denominator = Number(row?.denominator ?? 0);
    const percent = denominator > 0 ? Math.round((10000 * violated) / denominator) / 100 : null;
    return { ...base, violated, denominator, percent, error: null };
  } catch (error) {
    return { ...base, violated: null, denominator: null, percent: null, error: (error as Error).message };
  }
}

function quarantineCounts(layout: WarehouseLayout, inputs: Record<string, string[]>): QuarantineCount[] {
  const counts: QuarantineCount[] = [];
  for (const [source, batches] of Object.entries(inputs)) {
    const totals = new Map<string, QuarantineCount>();
    for (const manifest of committedManifests(layout, source).filter((m) => batches.includes(m.batchId))) {
      for (const [table, c] of Object.entries(manifest.tables)) {
        if (c.zone !== 'raw') continue;
        const total = totals.get(table) ?? { source, table, read: 0, loaded: 0, quarantined: 0, warnings: 0, duplicates: 0 };
        total.read += c.read;
        total.loaded += c.loaded;
        total.quarantined += c.quarantined;
        total.warnings += c.warnings;
        total.duplicates += c.duplicates;
        totals.set(table, total);
      }
    }
    counts.push(...totals.values());
  }
  return counts;
}
