import { resolve } from 'node:path';
import { lastJson, median, runMeasured } from '../lib/measure.ts';
import { benchEnv, type BenchWorkspace } from '../lib/workspace.ts';

const CHILD = resolve(import.meta.dirname, 'build-child.ts');

export interface BuildMeasure {
  runs: { seconds: number; processSeconds: number; peakRssBytes: number | null; cpuSeconds: number | null }[];
  /** Median of the build's own seconds (BuildReport.seconds). */
  seconds: number;
  peakRssBytes: number | null;
  /** Seconds per model of the last run, slowest first: where a build spends its time. */
  models: { model: string; rows: number; seconds: number }[];
  error?: string;
}

interface BuildReportJson {
  seconds: number;
  models: { model: string; rows: number; seconds: number }[];
}

/** Builds the marts `runs` times (each a full rebuild that publishes); the last build stays current. */
export async function measureBuild(workspace: BenchWorkspace, runs: number, log: (line: string) => void): Promise<BuildMeasure> {
  const measure: BuildMeasure = { runs: [], seconds: Number.NaN, peakRssBytes: null, models: [] };
  for (let i = 0; i < runs; i++) {
    const child = await runMeasured(process.execPath, ['--import', 'tsx', CHILD, workspace.config], { env: benchEnv() });
    if (child.exitCode !== 0) {
      measure.error = `exit ${child.exitCode}: ${child.stderr.trim().split('\n').slice(-8).join(' | ')}`;
      log(`build: failed: ${measure.error}`);
      return measure;
    }
    const report = lastJson<BuildReportJson>(child.stdout);
    measure.runs.push({ seconds: report.seconds, processSeconds: child.seconds, peakRssBytes: child.peakRssBytes, cpuSeconds: child.cpuSeconds });
    measure.models = [...report.models].sort((a, b) => b.seconds - a.seconds);
    log(`build: run ${i + 1}/${runs}: ${report.seconds.toFixed(2)} s (slowest: ${measure.models.slice(0, 3).map((m) => `${m.model} ${m.seconds.toFixed(2)} s`).join(', ')})`);
  }
  measure.seconds = median(measure.runs.map((r) => r.seconds));
  measure.peakRssBytes = Math.max(...measure.runs.map((r) => r.peakRssBytes ?? 0)) || null;
  return measure;
}
