import type { BuildMeasure } from './measure/build.ts';
import type { IngestMeasure } from './measure/ingestion.ts';
import type { KpiTiming } from './measure/kpis.ts';
import type { CopyPeerMeasure } from './peer-postgres/care-db-peer.ts';
import type { StarLoadMeasure } from './peer-postgres/star-schema.ts';
import { barChartFragment, lineChartFragment, PALETTE, svgDocument } from './plot.ts';
import { formatCount } from './scale-generator/scales.ts';
import { formatBytes, formatRate, formatSeconds } from './lib/measure.ts';

/** One consultation step of a run: the care database at that size, ingested, built and queried. */
export interface StepResult {
  consultations: number;
  careDb: { loadSeconds: number; rows: Record<string, number> };
  peer: CopyPeerMeasure | null;
  ingestion: IngestMeasure | null;
  build: BuildMeasure | null;
  duckdb: KpiTiming[] | null;
  postgres: KpiTiming[] | null;
  postgresLoad: StarLoadMeasure | null;
  errors: string[];
}

export interface BenchResult {
  scale: string;
  date: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  machine: { cpus: number; memoryGiB: number; node: string; duckdb: string; postgres: string; loadAverage: number[] };
  seed: number;
  sizes: Record<string, number>;
  generated: { lines: Record<string, number>; bytes: Record<string, number>; seconds: Record<string, number> };
  kpiParams: Record<string, Record<string, string>>;
  ingestion: IngestMeasure[];
  steps: StepResult[];
  targets: TargetCheck[];
  notes: string[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const FILE_SOURCES = ['sejours', 'finess', 'esatis', 'deces', 'rpps'];

export function checkTargets(result: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const last = result.steps.at(-1);
  const atScale = last ? `at ${formatCount(last.consultations)} consultations` : '';
  if (last?.duckdb) {
    const worst = Math.max(...last.duckdb.map((k) => k.coldSeconds).filter(Number.isFinite));
    const worstWarm = Math.max(...last.duckdb.map((k) => k.warmSeconds).filter(Number.isFinite));
    checks.push({
      target: `every KPI < 1 s (cold) ${atScale}${last.consultations < 100_000_000 ? ' (target is for 100M)' : ''}`,
      measured: `slowest cold ${formatSeconds(worst)}, slowest warm ${formatSeconds(worstWarm)}`,
      met: worst < 1,
    });
  }
  if (last?.duckdb && last.postgres) {
    const ratios = kpiRatios(last.duckdb, last.postgres);
    const worst = Math.max(...ratios.map((r) => r.warm ?? Number.POSITIVE_INFINITY));
    const worstCold = Math.max(...ratios.map((r) => r.cold ?? Number.POSITIVE_INFINITY));
    checks.push({
      target: `every KPI >= 20x faster than PostgreSQL (ours/PG <= 0.05) ${atScale}`,
      measured: `worst ratio warm ${worst.toFixed(3)} (${(1 / worst).toFixed(1)}x), cold ${worstCold.toFixed(3)} (${(1 / worstCold).toFixed(1)}x)`,
      met: worst <= 0.05 && worstCold <= 0.05,
    });
  }
  const files = result.ingestion.filter((m) => FILE_SOURCES.includes(m.source) && !m.error);
  if (files.length) {
    const slowest = files.reduce((a, b) => (a.rowsPerSecond < b.rowsPerSecond ? a : b));
    checks.push({
      target: 'ingestion >= 1M rows/s for CSV and fixed-width files',
      measured: files.map((m) => `${m.source} ${formatRate(m.rowsPerSecond)}`).join(', '),
      met: slowest.rowsPerSecond >= 1e6,
    });
  }
  const deaths = result.ingestion.find((m) => m.source === 'deces' && !m.error);
  if (deaths) {
    checks.push({
      target: '28M deaths ingested < 2 min',
      measured: `${deaths.rows.toLocaleString('en')} in ${formatSeconds(deaths.librarySeconds)}` +
        (deaths.rows < 28e6 ? `, so 28M in ~${formatSeconds((28e6 / deaths.rows) * deaths.librarySeconds)} at this rate` : ''),
      met: (28e6 / deaths.rowsPerSecond) < 120,
    });
  }
  const all = [...result.ingestion, ...result.steps.map((s) => s.ingestion).filter((m): m is IngestMeasure => m !== null)];
  const peaks = all.filter((m) => m.peakRssBytes !== null);
  if (peaks.length) {
    const top = peaks.reduce((a, b) => ((a.peakRssBytes ?? 0) > (b.peakRssBytes ?? 0) ? a : b));
    checks.push({ target: 'ingestion peak RSS < 2 GiB', measured: `highest ${formatBytes(top.peakRssBytes)} (${top.source})`, met: (top.peakRssBytes ?? 0) < 2 * 2 ** 30 });
  }
  for (const step of result.steps) {
    if (step.ingestion && step.peer && !step.ingestion.error) {
      const ratio = step.ingestion.librarySeconds / step.peer.seconds;
      checks.push({
        target: `care-db reader within 2x of plain COPY drained by node (${formatCount(step.consultations)} consultations)`,
        measured: `reader ${formatSeconds(step.ingestion.librarySeconds)} vs COPY ${formatSeconds(step.peer.seconds)}: ${ratio.toFixed(1)}x`,
        met: ratio <= 2,
      });
    }
  }
  return checks;
}

export function kpiRatios(ours: KpiTiming[], postgres: KpiTiming[]): { kpi: string; cold: number | null; warm: number | null }[] {
  return ours.map((k) => {
    const p = postgres.find((x) => x.kpi === k.kpi);
    const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a) && Number.isFinite(b) ? a / b : null);
    return { kpi: k.kpi, cold: ratio(k.coldSeconds, p?.coldSeconds), warm: ratio(k.warmSeconds, p?.warmSeconds) };
  });
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r, ri) => r.map((c, i) => (i === 0 || ri === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

/**
 * One result from two runs of the same sizes: `later`'s steps and file ingestions replace
 * `earlier`'s of the same consultation count or source, and its other steps are added. Used when
 * a long step (100M) is run on its own after the others.
 */
export function mergeResults(earlier: BenchResult, later: BenchResult, base: { name: string; consultationSteps: number[] }): BenchResult {
  for (const size of ['patients', 'professionals', 'rppsLines', 'stays', 'deaths', 'establishments'] as const) {
    if (earlier.sizes[size] !== later.sizes[size]) {
      throw new Error(`cannot merge runs of different sizes: ${size} ${earlier.sizes[size]} and ${later.sizes[size]}`);
    }
  }
  if (earlier.seed !== later.seed) throw new Error(`cannot merge runs of different seeds: ${earlier.seed} and ${later.seed}`);
  const steps = [...earlier.steps.filter((s) => !later.steps.some((l) => l.consultations === s.consultations)), ...later.steps]
    .sort((a, b) => a.consultations - b.consultations);
  const ingestion = [...earlier.ingestion.filter((m) => !later.ingestion.some((l) => l.source === m.source)), ...later.ingestion];
  const whole = base.consultationSteps.every((n) => steps.some((s) => s.consultations === n));
  const partial: Omit<BenchResult, 'targets'> = {
    ...later,
    scale: whole ? base.name : earlier.scale,
    startedAt: earlier.startedAt,
    seconds: earlier.seconds + later.seconds,
    steps,
    ingestion,
    notes: [
      ...earlier.notes,
      `Merged from two runs: ${describeRun(earlier)} and ${describeRun(later)}. ` +
        `The later run's steps and file ingestions (${later.ingestion.map((m) => m.source).join(', ') || 'none'}) replace the earlier's.`,
    ],
  };
  return { ...partial, targets: checkTargets(partial) };
}

function loadOf(result: BenchResult): string {
  return result.machine.loadAverage.map((l) => l.toFixed(1)).join(' ');
}

/** `2026-11-25 (1M, 10M; load 1.4 1.6 1.8)` */
function describeRun(result: BenchResult): string {
  return `${result.date} (${result.steps.map((s) => formatCount(s.consultations)).join(', ')}; load ${loadOf(result)})`;
}

/** The compact table printed at the end of a run. */
export function formatSummary(result: BenchResult): string[] {
  const out: string[] = [];
  out.push(`Entrepot benchmark, scale ${result.scale}, ${result.date} (${formatSeconds(result.seconds)} in all; ${result.machine.cpus} cores, load ${loadOf(result)})`);
  out.push('');
  const ingestRows = [['ingestion', 'rows', 'Ingestor', 'rows/s', 'process', 'CPU', 'peak RSS', 'quarantined']];
  const ingestion = [...result.ingestion, ...result.steps.map((s) => s.ingestion).filter((m): m is IngestMeasure => m !== null)];
  for (const m of ingestion) {
    ingestRows.push(m.error
      ? [m.source, '-', 'error', '-', '-', '-', '-', '-']
      : [m.source === 'care-db' ? `care-db (${formatCount(result.steps.find((s) => s.ingestion === m)?.consultations ?? 0)})` : m.source,
        m.rows.toLocaleString('en'), formatSeconds(m.librarySeconds), formatRate(m.rowsPerSecond), formatSeconds(m.processSeconds),
        formatSeconds(m.cpuSeconds), formatBytes(m.peakRssBytes), String(m.quarantined)]);
  }
  for (const s of result.steps) {
    if (s.peer) ingestRows.push([`COPY peer (${formatCount(s.consultations)})`, s.peer.rows.toLocaleString('en'), formatSeconds(s.peer.seconds), formatRate(s.peer.rowsPerSecond), '-', '-', '-', '-']);
  }
  out.push(...table(ingestRows), '');
  for (const s of result.steps) {
    const buildCpu = s.build?.runs.length ? s.build.runs.at(-1)!.cpuSeconds : null;
    out.push(`${formatCount(s.consultations)} consultations: build ${s.build?.error ? 'error' : formatSeconds(s.build?.seconds)}` +
      (buildCpu ? ` (CPU ${formatSeconds(buildCpu)})` : '') +
      (s.build?.peakRssBytes ? ` (peak RSS ${formatBytes(s.build.peakRssBytes)})` : '') +
      (s.postgresLoad ? `; PostgreSQL star load ${formatSeconds(s.postgresLoad.loadSeconds)} + indexes ${formatSeconds(s.postgresLoad.indexSeconds)}` : ''));
    if (s.duckdb) {
      const rows = [['KPI', 'ours cold', 'ours warm', 'PG cold', 'PG warm', 'ratio cold', 'ratio warm', 'same result']];
      const ratios = s.postgres ? kpiRatios(s.duckdb, s.postgres) : [];
      for (const k of s.duckdb) {
        const p = s.postgres?.find((x) => x.kpi === k.kpi);
        const r = ratios.find((x) => x.kpi === k.kpi);
        const same = p ? (p.error || k.error ? 'error' : p.numerator === k.numerator && p.denominator === k.denominator && p.rate === k.rate && p.cells === k.cells ? 'yes' : 'NO') : '-';
        rows.push([k.kpi, k.error ? 'error' : formatSeconds(k.coldSeconds), k.error ? '' : formatSeconds(k.warmSeconds), p ? formatSeconds(p.coldSeconds) : '-',
          p ? formatSeconds(p.warmSeconds) : '-', r?.cold?.toFixed(3) ?? '-', r?.warm?.toFixed(3) ?? '-', same]);
      }
      out.push(...table(rows));
    }
    for (const e of s.errors) out.push(`  error: ${e}`);
    out.push('');
  }
  out.push('Targets:');
  for (const t of result.targets) out.push(`  [${t.met === null ? ' ' : t.met ? 'x' : ' '}] ${t.target}: ${t.measured}${t.met === false ? '  (NOT MET)' : ''}`);
  return out;
}

const KPI_SERIES = [
  { name: 'Entrepot (DuckDB) cold', color: PALETTE[0] },
  { name: 'Entrepot (DuckDB) warm', color: PALETTE[1] },
  { name: 'PostgreSQL cold', color: PALETTE[2] },
  { name: 'PostgreSQL warm', color: PALETTE[3] },
];

export function kpiSvg(result: BenchResult): string {
  const last = result.steps.at(-1);
  const fragments: { render: (top: number, height: number) => string; height: number }[] = [];
  if (last?.duckdb) {
    const groups = last.duckdb.map((k) => {
      const p = last.postgres?.find((x) => x.kpi === k.kpi);
      return { label: k.kpi, values: [k.coldSeconds, k.warmSeconds, p?.coldSeconds ?? null, p?.warmSeconds ?? null].map((v) => (Number.isFinite(v) ? (v as number) : null)) };
    });
    fragments.push({
      height: 400,
      render: (top, height) => barChartFragment({
        title: `KPI times at ${formatCount(last.consultations)} consultations (scale ${result.scale}, median of ${result.sizes.runs} runs)`,
        unit: 'seconds',
        series: KPI_SERIES,
        groups,
        references: [{ value: 1, label: 'target: < 1 s at 100M' }],
        format: (v) => formatSeconds(v),
      }, top, height),
    });
  }
  if (result.steps.length > 1 && result.steps.every((s) => s.duckdb)) {
    const kpis = result.steps[0].duckdb!.map((k) => k.kpi);
    fragments.push({
      height: 400,
      render: (top, height) => lineChartFragment({
        title: 'Entrepot KPI time (cold) by number of consultations',
        xLabel: 'consultations',
        unit: 'seconds',
        series: kpis.map((kpi, i) => ({
          name: kpi,
          color: PALETTE[i % PALETTE.length],
          points: result.steps.map((s) => [s.consultations, s.duckdb!.find((k) => k.kpi === kpi)?.coldSeconds ?? null] as [number, number | null]),
        })),
        references: [{ value: 1, label: '1 s' }],
        formatX: formatCount,
        format: (v) => formatSeconds(v),
      }, top, height),
    });
  }
  return svgDocument(fragments, `Cold: fresh engine (DuckDB: new instance over the build's Parquet; PostgreSQL: new connection + DISCARD ALL, OS page cache and shared buffers stay warm). ` +
    `\nWarm: repeats on the same engine. Same KPI .sql files and parameters on both engines. ${result.machine.cpus} cores, ${result.date}.`);
}

export function ingestionSvg(result: BenchResult): string {
  const measures = [...result.ingestion, ...result.steps.map((s) => s.ingestion).filter((m): m is IngestMeasure => m !== null)].filter((m) => !m.error);
  const groups = measures.map((m) => {
    const step = result.steps.find((s) => s.ingestion === m);
    return {
      label: step ? `care-db ${formatCount(step.consultations)}` : m.source,
      values: [m.rowsPerSecond, step?.peer?.rowsPerSecond ?? null],
    };
  });
  const rss = measures.map((m) => `${m.source}${result.steps.find((s) => s.ingestion === m) ? ` ${formatCount(result.steps.find((s) => s.ingestion === m)!.consultations)}` : ''}: ${formatBytes(m.peakRssBytes)}`).join(', ');
  return svgDocument(
    [{
      height: 420,
      render: (top, height) => barChartFragment({
        title: `Ingestion through the Ingestor, rows/s (scale ${result.scale})`,
        unit: 'rows per second',
        series: [{ name: 'Entrepot reader + Ingestor', color: PALETTE[0] }, { name: 'peer: plain COPY TO STDOUT drained by node', color: PALETTE[7] }],
        groups,
        references: [{ value: 1e6, label: 'target: 1M rows/s (files)' }],
      }, top, height),
    }],
    `Rows read / seconds reported by the Ingestor (read, pseudonymise, stage, Parquet, publish); CLI start-up excluded.\nPeak RSS of the CLI process: ${rss}.`,
  );
}
