import { KPI_IDS, type KpiId, type KpiResult } from '../../src/analytics/kpi-result.ts';
import { runKpi, type QueryEngine } from '../../src/analytics/run-kpi.ts';
import { median } from '../lib/measure.ts';

export type KpiParams = Record<KpiId, Record<string, string>>;

export interface KpiTiming {
  kpi: KpiId;
  /** First run on a fresh engine (DuckDB: new instance; PostgreSQL: new connection + DISCARD ALL), median over runs. */
  coldSeconds: number;
  /** Repeats on the same engine, median. */
  warmSeconds: number;
  cold: number[];
  warm: number[];
  /** CPU seconds of this process during the cold runs (median): DuckDB's threads work in-process; 0-ish for PostgreSQL, whose work is in the server. */
  coldCpuSeconds: number;
  /** Opening the engine (DuckDB: instance and views over the build), median. */
  openSeconds: number;
  /** The figures, to check that both engines give the same numbers. */
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  cells: number;
  error?: string;
}

export interface OpenedEngine {
  engine: QueryEngine;
  close(): Promise<void> | void;
}

/**
 * Times each KPI through `runKpi` (parameters checked, lookups, the .sql file, shaping; unmasked
 * so that both engines' numbers compare): `runs` cold runs, each on a freshly opened engine, then
 * `runs` warm repeats on the last one.
 */
export async function timeKpis(
  open: () => Promise<OpenedEngine>,
  params: KpiParams,
  runs: number,
  log: (line: string) => void = () => {},
  only: readonly KpiId[] = KPI_IDS,
): Promise<KpiTiming[]> {
  const timings: KpiTiming[] = [];
  for (const kpi of only) {
    const timing: KpiTiming = { kpi, coldSeconds: Number.NaN, warmSeconds: Number.NaN, cold: [], warm: [], coldCpuSeconds: Number.NaN, openSeconds: Number.NaN, numerator: null, denominator: null, rate: null, cells: 0 };
    const opens: number[] = [];
    const cpu: number[] = [];
    try {
      for (let r = 0; r < runs; r++) {
        let started = performance.now();
        const opened = await open();
        opens.push((performance.now() - started) / 1000);
        try {
          started = performance.now();
          const cpuStart = process.cpuUsage();
          const result: KpiResult = await runKpi(opened.engine, kpi, params[kpi], { unmasked: true });
          timing.cold.push((performance.now() - started) / 1000);
          const used = process.cpuUsage(cpuStart);
          cpu.push((used.user + used.system) / 1e6);
          Object.assign(timing, { numerator: result.numerator, denominator: result.denominator, rate: result.rate, cells: result.breakdown.length });
          if (r === runs - 1) {
            for (let w = 0; w < runs; w++) {
              started = performance.now();
              await runKpi(opened.engine, kpi, params[kpi], { unmasked: true });
              timing.warm.push((performance.now() - started) / 1000);
            }
          }
        } finally {
          await opened.close();
        }
      }
    } catch (error) {
      timing.error = (error as Error).message.split('\n')[0];
    }
    timing.coldSeconds = median(timing.cold);
    timing.warmSeconds = median(timing.warm);
    timing.openSeconds = median(opens);
    timing.coldCpuSeconds = median(cpu);
    log(`  ${kpi}: cold ${fmt(timing.coldSeconds)}, warm ${fmt(timing.warmSeconds)}` +
      (timing.error ? `, error: ${timing.error}` : `, numerator ${timing.numerator}, denominator ${timing.denominator}, rate ${timing.rate}`));
    timings.push(timing);
  }
  return timings;
}

function fmt(seconds: number): string {
  return Number.isNaN(seconds) ? '-' : `${(seconds * 1000).toFixed(1)} ms`;
}
