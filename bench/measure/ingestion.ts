import { join, resolve } from 'node:path';
import { lastJson, median, runMeasured } from '../lib/measure.ts';
import { benchEnv, freshWorkspace, type BenchWorkspace } from '../lib/workspace.ts';

const CLI = resolve(import.meta.dirname, '../../bin/entrepot.js');

/** What `entrepot ingest --format json` prints (src/sources/load-report.ts, LoadReport). */
interface LoadReportJson {
  batches: { source: string; status: string; durationMs: number; tables: Record<string, { zone: string; read: number; loaded: number; quarantined: number; duplicates: number }> }[];
  totals: { read: number; loaded: number; quarantined: number; duplicates: number };
}

export interface IngestRun {
  /** Wall time of the CLI process, node and tsx start-up included. */
  processSeconds: number;
  /** Time the Ingestor reports for its batches (read, stage, Parquet, publish). */
  librarySeconds: number;
  peakRssBytes: number | null;
  /** CPU seconds of the whole process (start-up included), robust to other jobs on the machine. */
  cpuSeconds: number | null;
}

export interface IngestMeasure {
  source: string;
  inputs: string[];
  /** Rows read from the source into raw-zone tables (vault tables excluded: same source rows). */
  rows: number;
  quarantined: number;
  duplicates: number;
  runs: IngestRun[];
  librarySeconds: number;
  processSeconds: number;
  /** rows / median library seconds. */
  rowsPerSecond: number;
  peakRssBytes: number | null;
  /** Median CPU seconds of the process. */
  cpuSeconds: number | null;
  error?: string;
}

/**
 * Ingests one source through the real CLI (`entrepot ingest --source … --file|--url …`) under
 * GNU time: a warm-up into a scratch warehouse when asked, `runs - 1` timed runs into fresh
 * scratch warehouses, and the last timed run into `main`, so that the main warehouse holds each
 * source once for the build.
 */
export async function measureIngest(options: {
  source: string;
  args: string[];
  inputs: string[];
  runs: number;
  warmUp: boolean;
  scratchDir: string;
  main: BenchWorkspace;
  log: (line: string) => void;
  /** Once the runs of this source have taken this long, go straight to the last run (so a slow source gets 2 timed runs, not `runs`). */
  budgetSeconds?: number;
}): Promise<IngestMeasure> {
  const { source, args, runs, warmUp, scratchDir, main, log } = options;
  const measure: IngestMeasure = {
    source, inputs: options.inputs, rows: 0, quarantined: 0, duplicates: 0, runs: [],
    librarySeconds: Number.NaN, processSeconds: Number.NaN, rowsPerSecond: Number.NaN, peakRssBytes: null, cpuSeconds: null,
  };
  const budgetSeconds = options.budgetSeconds ?? Number.POSITIVE_INFINITY;
  const plan = [...(warmUp ? ['warm-up'] : []), ...Array.from({ length: runs }, (_, i) => `run ${i + 1}/${runs}`)];
  const started = performance.now();
  for (let i = 0; i < plan.length; i++) {
    const label = plan[i];
    // A slow source is not repeated past the budget: its last run (into the main warehouse) comes next.
    if (label !== 'warm-up' && i < plan.length - 1 && measure.runs.length > 0 && (performance.now() - started) / 1000 > budgetSeconds) {
      log(`ingest ${source}: over the ${budgetSeconds} s budget, skipping to the last run`);
      i = plan.length - 1;
    }
    const last = i === plan.length - 1;
    const workspace = last ? main : freshWorkspace(join(scratchDir, `ingest-${source}`));
    const child = await runMeasured(process.execPath, [CLI, 'ingest', '-c', workspace.config, '--source', source, ...args, '--format', 'json'], { env: benchEnv() });
    if (child.exitCode !== 0) {
      measure.error = `exit ${child.exitCode}: ${child.stderr.trim().split('\n').slice(-5).join(' | ')}`;
      log(`ingest ${source}: ${plan[i]} failed: ${measure.error}`);
      return measure;
    }
    const report = lastJson<LoadReportJson>(child.stdout);
    const libraryMs = report.batches.reduce((sum, b) => sum + b.durationMs, 0);
    let rows = 0;
    for (const batch of report.batches) for (const t of Object.values(batch.tables)) if (t.zone === 'raw') rows += t.read;
    measure.rows = rows;
    measure.quarantined = report.totals.quarantined;
    measure.duplicates = report.totals.duplicates;
    const run: IngestRun = { processSeconds: child.seconds, librarySeconds: libraryMs / 1000, peakRssBytes: child.peakRssBytes, cpuSeconds: child.cpuSeconds };
    log(`ingest ${source}: ${plan[i]}: ${rows.toLocaleString('en')} rows, ${run.librarySeconds.toFixed(2)} s in the Ingestor, ` +
      `${run.processSeconds.toFixed(2)} s for the process (CPU ${run.cpuSeconds?.toFixed(2)} s), peak RSS ${Math.round((run.peakRssBytes ?? 0) / 2 ** 20)} MiB`);
    if (plan[i] !== 'warm-up') measure.runs.push(run);
  }
  measure.librarySeconds = median(measure.runs.map((r) => r.librarySeconds));
  measure.processSeconds = median(measure.runs.map((r) => r.processSeconds));
  measure.rowsPerSecond = measure.rows / measure.librarySeconds;
  measure.peakRssBytes = Math.max(...measure.runs.map((r) => r.peakRssBytes ?? 0)) || null;
  measure.cpuSeconds = measure.runs.every((r) => r.cpuSeconds !== null) ? median(measure.runs.map((r) => r.cpuSeconds!)) : null;
  return measure;
}
