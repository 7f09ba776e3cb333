// `npm run bench [-- --scale quick|large|tiny]`: generates the sources in their native formats,
// ingests them through the real CLI, builds the marts, times K1–K8 on DuckDB and on the same star
// schema in PostgreSQL, and writes bench/results/<date>-<scale>.json plus two SVG charts.
// See bench/README.md.
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lastJson, runMeasured } from './lib/measure.ts';
import { benchEnv, freshWorkspace } from './lib/workspace.ts';
import { measureBuild } from './measure/build.ts';
import { measureIngest, type IngestMeasure } from './measure/ingestion.ts';
import type { KpiParams, KpiTiming } from './measure/kpis.ts';
import { measureCopyPeer } from './peer-postgres/care-db-peer.ts';
import { databaseUrl, DEFAULT_PG_URL, dropDatabase, withClient } from './peer-postgres/pg.ts';
import { loadStarSchema, timePostgresKpis } from './peer-postgres/star-schema.ts';
import { checkTargets, formatSummary, ingestionSvg, kpiSvg, mergeResults, type BenchResult, type StepResult } from './report.ts';
import { generateFiles, loadCareDb, openGenerator } from './scale-generator/generate.ts';
import { formatCount, parseCount, SCALES } from './scale-generator/scales.ts';

const BENCH_DIR = import.meta.dirname;
const USAGE = `npm run bench -- [options]
  --scale <quick|large|tiny>   sizes (bench/scale-generator/scales.ts), default quick
  --steps <1M,10M,…>           consultation steps instead of the scale's (e.g. --scale large --steps 1M,10M)
  --patients, --professionals, --rpps-lines, --stays, --deaths, --establishments <count>
                               override one size of the scale (a run with overrides is labelled <scale>-custom)
  --runs <n>                   timed runs of each KPI, build and PostgreSQL KPI (median), default per scale
  --ingest-runs <n>            timed runs of each ingestion, default per scale
  --skip <phases>              comma-separated: ingest-files, peer, postgres (PostgreSQL star schema + its KPIs)
  --seed <n>                   generator seed, default 42
  --threads <n>                DuckDB threads of the generator, default all cores
  --pg <url>                   PostgreSQL server, default ${DEFAULT_PG_URL}
  --data <dir>                 generated files and warehouses, default bench/data
  --out <dir>                  results, default bench/results
  --keep-databases             keep entrepot_bench_care_<scale> and entrepot_bench_star_<scale> afterwards
  --render <results.json>      only redraw the SVGs and print the table of an earlier run
  --merge <later.json>         with --render: merge a later run of the same sizes (e.g. its 100M step alone)
                               into the earlier one, write <date>-<scale>.json and its SVGs to --out`;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'quick' },
    steps: { type: 'string' },
    patients: { type: 'string' },
    professionals: { type: 'string' },
    'rpps-lines': { type: 'string' },
    stays: { type: 'string' },
    deaths: { type: 'string' },
    establishments: { type: 'string' },
    runs: { type: 'string' },
    'ingest-runs': { type: 'string' },
    skip: { type: 'string', default: '' },
    seed: { type: 'string', default: '42' },
    threads: { type: 'string', default: String(cpus().length) },
    pg: { type: 'string', default: process.env.ENTREPOT_BENCH_PG ?? DEFAULT_PG_URL },
    data: { type: 'string', default: join(BENCH_DIR, 'data') },
    out: { type: 'string', default: join(BENCH_DIR, 'results') },
    'keep-databases': { type: 'boolean', default: false },
    render: { type: 'string' },
    merge: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.render) {
  const earlier = JSON.parse(readFileSync(args.render, 'utf8')) as BenchResult;
  const outDir = resolve(args.out!);
  let result = earlier;
  if (args.merge) {
    const later = JSON.parse(readFileSync(args.merge, 'utf8')) as BenchResult;
    const baseName = earlier.scale.replace(/-custom$/, '');
    result = mergeResults(earlier, later, { name: baseName, consultationSteps: SCALES[baseName]?.consultationSteps ?? [] });
    writeFileSync(join(outDir, `${result.date}-${result.scale}.json`), JSON.stringify(result, null, 2) + '\n');
  }
  writeFileSync(join(outDir, `${result.scale}-kpis.svg`), kpiSvg(result));
  writeFileSync(join(outDir, `${result.scale}-ingestion.svg`), ingestionSvg(result));
  console.log(formatSummary(result).join('\n'));
  process.exit(0);
}
const base = SCALES[args.scale!];
if (!base) {
  console.error(`unknown scale ${args.scale} (known: ${Object.keys(SCALES).join(', ')})\n${USAGE}`);
  process.exit(2);
}
const sizeFlags = { patients: 'patients', professionals: 'professionals', rppsLines: 'rpps-lines', stays: 'stays', deaths: 'deaths', establishments: 'establishments' } as const;
const overrides = Object.fromEntries(
  Object.entries(sizeFlags).filter(([, flag]) => args[flag] !== undefined).map(([field, flag]) => [field, parseCount(args[flag]!)]),
);
const custom = Object.keys(overrides).length > 0 || args.steps !== undefined;
const scale = {
  ...base,
  ...overrides,
  name: custom ? `${base.name}-custom` : base.name,
  consultationSteps: args.steps ? args.steps.split(',').map(parseCount) : base.consultationSteps,
  runs: args.runs ? Number(args.runs) : base.runs,
  buildRuns: args.runs ? Number(args.runs) : base.buildRuns,
  postgresRuns: args.runs ? Number(args.runs) : base.postgresRuns,
  ingestRuns: args['ingest-runs'] ? Number(args['ingest-runs']) : base.ingestRuns,
};
const skip = new Set(args.skip!.split(',').filter(Boolean));
const seed = Number(args.seed);
const dataDir = resolve(args.data!, scale.name);
const tempDir = join(dataDir, 'tmp');
const serverUrl = args.pg!;
const careDatabase = `entrepot_bench_care_${scale.name.replace(/\W/g, '_')}`;
const starDatabase = `entrepot_bench_star_${scale.name.replace(/\W/g, '_')}`;
const startedAt = new Date();
const t0 = performance.now();

function log(line: string): void {
  const elapsed = ((performance.now() - t0) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[${elapsed} s] ${line}\n`);
}

async function postgresVersion(): Promise<string> {
  try {
    return await withClient(serverUrl, async (c) => String((await c.query('SHOW server_version')).rows[0].server_version));
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  }
}

async function main(): Promise<void> {
  log(`scale ${scale.name}: consultations ${scale.consultationSteps.map(formatCount).join(' / ')}, ${formatCount(scale.patients)} patients, ` +
    `${formatCount(scale.stays)} stays, ${formatCount(scale.deaths)} deaths, ${formatCount(scale.establishments)} establishments; runs ${scale.runs}`);
  mkdirSync(dataDir, { recursive: true });
  // Rough peak disk: the largest care database with its ingestion staging and the PostgreSQL star
  // schema (~500 bytes per consultation at once), plus the files (~250 bytes per death line).
  const needGiB = (Math.max(...scale.consultationSteps) * 500 + scale.deaths * 250 + scale.stays * 300) / 2 ** 30;
  const disk = statfsSync(dataDir);
  const freeGiB = (disk.bavail * disk.bsize) / 2 ** 30;
  if (freeGiB < needGiB) log(`warning: ${freeGiB.toFixed(0)} GiB free on the disk of ${dataDir}, the run may need ~${needGiB.toFixed(0)} GiB at its peak`);
  const engine = await openGenerator(scale, seed, Number(args.threads), join(tempDir, 'duckdb'));
  const notes: string[] = [
    'Cold KPI runs: DuckDB on a new in-memory instance with views over the build; PostgreSQL on a new connection after DISCARD ALL. ' +
      'The OS page cache (and PostgreSQL shared buffers) stay warm: no server restart between runs.',
    'Ingestion rows/s = rows read / seconds the Ingestor reports (CLI start-up excluded; the process time is in processSeconds). Peak RSS is the whole CLI process (GNU time).',
    `A source whose timed ingestion runs pass ${scale.ingestBudgetSeconds} s stops repeating (fewer runs, see runs[]).`,
    'Other engineers\' tests may share the machine during a run: see machine.loadAverage.',
  ];
  const steps: StepResult[] = [];
  let ingestion: IngestMeasure[] = [];
  let kpiParams: KpiParams = {} as KpiParams;
  let manifest: Awaited<ReturnType<typeof generateFiles>> | null = null;
  try {
    manifest = await generateFiles(engine, { scale, dir: dataDir, seed, threads: Number(args.threads), log });
    const template = readFileSync(join(BENCH_DIR, 'queries/kpi-params.json'), 'utf8').replaceAll('${main_establishment}', manifest.mainEstablishment);
    kpiParams = Object.fromEntries(Object.entries(JSON.parse(template)).filter(([k]) => !k.startsWith('_'))) as KpiParams;
    const paramsFile = join(dataDir, 'kpi-params.json');
    writeFileSync(paramsFile, JSON.stringify(kpiParams, null, 2));

    const main = freshWorkspace(join(dataDir, 'warehouse'));
    const scratch = join(dataDir, 'scratch');
    const fileInputs: [source: string, files: string[]][] = [
      ['finess', [manifest.files.finess]],
      ['rpps', [manifest.files.rpps]],
      ['sejours', [manifest.files.sejours]],
      ['esatis', manifest.files.esatis],
      ['deces', [manifest.files.deces]],
    ];
    if (scale.warmUp && !skip.has('ingest-files')) {
      // One untimed load warms the tsx transform cache and DuckDB's library for every timed run after it.
      await measureIngest({ source: 'esatis', args: ['--file', manifest.files.esatis[0]], inputs: [], runs: 1, warmUp: false, scratchDir: scratch, main: freshWorkspace(join(scratch, 'warm-up')), log });
    }
    for (const [source, files] of fileInputs) {
      // Without a timed run, the files still have to be in the main warehouse for the build.
      const runs = skip.has('ingest-files') ? 1 : scale.ingestRuns;
      ingestion.push(await measureIngest({
        source, args: ['--file', ...files], inputs: files, runs, warmUp: false, scratchDir: scratch, main, log, budgetSeconds: scale.ingestBudgetSeconds,
      }));
    }
    if (skip.has('ingest-files')) ingestion = [];
    rmSync(scratch, { recursive: true, force: true });

    for (const consultations of scale.consultationSteps) {
      log(`--- step: ${formatCount(consultations)} consultations`);
      const step: StepResult = { consultations, careDb: { loadSeconds: 0, rows: {} }, peer: null, ingestion: null, build: null, duckdb: null, postgres: null, postgresLoad: null, errors: [] };
      steps.push(step);
      const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
        try {
          return await work();
        } catch (error) {
          const message = `${what}: ${(error as Error).message.split('\n')[0]}`;
          step.errors.push(message);
          log(`error: ${message}`);
          return null;
        }
      };
      const loaded = await attempt('care-db load', () => loadCareDb(engine, { scale, seed, serverUrl, database: careDatabase, consultations, tempDir, log }));
      if (loaded) step.careDb = { loadSeconds: loaded.seconds, rows: loaded.rows };
      const careUrl = databaseUrl(serverUrl, careDatabase);
      if (!skip.has('peer')) step.peer = await attempt('care-db peer', () => measureCopyPeer(careUrl, scale.ingestRuns, scale.warmUp, log));
      step.ingestion = await attempt('care-db ingest', () => measureIngest({
        source: 'care-db', args: ['--url', careUrl], inputs: [careUrl], runs: scale.ingestRuns, warmUp: false, scratchDir: scratch, main, log,
        budgetSeconds: scale.ingestBudgetSeconds,
      }));
      rmSync(scratch, { recursive: true, force: true });
      if (step.ingestion?.error) step.errors.push(`care-db ingest: ${step.ingestion.error}`);
      step.build = await attempt('build', () => measureBuild(main, scale.buildRuns, log));
      if (step.build?.error) {
        step.errors.push(`build: ${step.build.error}`);
        continue;
      }
      log('KPIs on DuckDB (child process)');
      const child = await runMeasured(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'measure/kpi-child.ts'), main.warehouse, paramsFile, String(scale.runs)], { env: benchEnv(), echo: log });
      if (child.exitCode === 0) step.duckdb = lastJson<KpiTiming[]>(child.stdout);
      else step.errors.push(`duckdb kpis: exit ${child.exitCode}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      if (!skip.has('postgres')) {
        // At the last step of a large run the care database is no longer needed: free its disk first.
        if (consultations === scale.consultationSteps.at(-1) && consultations >= 50_000_000 && !args['keep-databases']) {
          await attempt('drop care-db', () => dropDatabase(serverUrl, careDatabase));
        }
        step.postgresLoad = await attempt('postgres star load', () => loadStarSchema({ warehouse: main.warehouse, serverUrl, database: starDatabase, tempDir, log }));
        if (step.postgresLoad) {
          log('KPIs on PostgreSQL');
          step.postgres = await attempt('postgres kpis', () => timePostgresKpis(databaseUrl(serverUrl, starDatabase), kpiParams, scale.postgresRuns, log));
        }
      }
    }
  } finally {
    engine.close();
  }
  if (!args['keep-databases']) {
    await dropDatabase(serverUrl, careDatabase).catch(() => {});
    await dropDatabase(serverUrl, starDatabase).catch(() => {});
  }
  rmSync(tempDir, { recursive: true, force: true });

  const finished = new Date();
  const partial: Omit<BenchResult, 'targets'> = {
    scale: scale.name,
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    machine: {
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      duckdb: String((await import('@duckdb/node-api')).version?.() ?? 'unknown'),
      postgres: await postgresVersion(),
      loadAverage: loadavg(),
    },
    seed,
    sizes: {
      patients: scale.patients, professionals: scale.professionals, rppsLines: scale.rppsLines, stays: scale.stays,
      deaths: scale.deaths, establishments: scale.establishments, runs: scale.runs, ingestRuns: scale.ingestRuns,
      buildRuns: scale.buildRuns, postgresRuns: scale.postgresRuns,
    },
    generated: { lines: manifest?.lines ?? {}, bytes: manifest?.bytes ?? {}, seconds: manifest?.seconds ?? {} },
    kpiParams,
    ingestion,
    steps,
    notes,
  };
  const result: BenchResult = { ...partial, targets: checkTargets(partial) };
  const outDir = resolve(args.out!);
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, `${result.date}-${scale.name}.json`);
  writeFileSync(json, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(outDir, `${scale.name}-kpis.svg`), kpiSvg(result));
  writeFileSync(join(outDir, `${scale.name}-ingestion.svg`), ingestionSvg(result));
  console.log(formatSummary(result).join('\n'));
  console.log(`\nwrote ${json}, ${scale.name}-kpis.svg, ${scale.name}-ingestion.svg`);
}

await main();
