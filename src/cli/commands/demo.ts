import { InvalidArgumentError } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command.ts';
import { buildCommand } from './build.ts';
import { ingestCommand } from './ingest.ts';
import { initCommand } from './init.ts';
import { resultTable } from './kpi.ts';
import { serveCommand } from './serve.ts';
import { runKpi } from '../../analytics/run-kpi.ts';
import type { KpiId, KpiResult } from '../../analytics/kpi-result.ts';
import { configPath } from '../../config.ts';
import { generateHospital, type Manifest } from '../../synth/generate.ts';
import { openMarts } from '../../warehouse/index.ts';
import { openWorkspace } from '../../workspace.ts';

interface DemoOptions {
  dir: string;
  patients: number;
  seed: number;
  port: string;
  host: string;
  serve: boolean;
}

export interface DemoResult {
  dir: string;
  seconds: number;
  kpis: KpiResult[];
}

const DEMO_YEAR = 2019;
const SATISFACTION_YEAR = 2020;

function integer(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('not a whole number');
  return Number(text);
}

/**
 * From nothing to answers on the embedded default: a synthetic hospital (PGlite care database and
 * native files), loaded, built, the eight KPIs printed, then the dashboard served. Every step is
 * the same library call as its own command, so the demo shows exactly what a CDC would run.
 */
export const demoCommand: CliCommand<DemoOptions, DemoResult> = {
  name: 'demo',
  describe: 'Generate a synthetic hospital, load and build it, print the eight KPIs and serve the dashboard',
  configure(cmd) {
    cmd
      .option('--dir <dir>', 'demo directory (sources, warehouse, key and entrepot.yaml go there)', 'entrepot-demo')
      .option('--patients <n>', 'patients of the synthetic hospital', integer, 20000)
      .option('--seed <n>', 'seed of the synthetic hospital', integer, 42)
      .option('-p, --port <port>', 'port of the dashboard', '8080')
      .option('--host <host>', 'address of the dashboard', '127.0.0.1')
      .option('--no-serve', 'stop after printing the KPIs instead of serving the dashboard');
  },
  async run(options, io) {
    const started = Date.now();
    const dir = resolve(options.dir);
    const sources = join(dir, 'sources');
    const config = configPath(dir);

    if (sameHospital(sources, options)) {
      io.err(`demo: reusing the synthetic hospital in ${sources}`);
    } else {
      io.err(`demo: generating a synthetic hospital of ${options.patients} patients in ${sources}…`);
      await generateHospital({ out: sources, patients: options.patients, seed: options.seed, dirt: 0.02, fromYear: 2015, toYear: 2024 });
    }
    if (!existsSync(config)) {
      const init = await initCommand.run({ dir, warehouse: 'warehouse', keyFile: 'secrets/entrepot.key', fromSynth: sources }, io);
      initCommand.print!(init, io, { dir, warehouse: 'warehouse', keyFile: 'secrets/entrepot.key' });
    }
    const ingestOptions = { config, format: 'table' as const };
    io.err('demo: loading the sources…');
    ingestCommand.print!(await ingestCommand.run(ingestOptions, io), io, ingestOptions);
    io.err('demo: building the star schema…');
    const buildOptions = { config, format: 'table' as const };
    const build = await buildCommand.run(buildOptions, quietProgress(io));
    io.out(`built ${build.models.length} models in ${build.seconds.toFixed(1)} s (build ${build.buildId})`);

    const kpis = await demoKpis(config);
    for (const result of kpis) {
      io.out('');
      for (const line of resultTable(result)) io.out(line);
    }
    const seconds = (Date.now() - started) / 1000;
    io.out('');
    io.out(`demo ready in ${seconds.toFixed(0)} s: ${dir}`);
    io.out(`next: cd ${options.dir} && npx entrepot kpi --list, npx entrepot quality, npx entrepot kpi K2 --diagnosis J45 --year 2020`);
    if (options.serve) {
      await serveCommand.run({ config, port: options.port, host: options.host, web: true }, announceUrl(io));
    }
    return { dir, seconds, kpis };
  },
};

/** The generator is deterministic: the same seed and size already on disk need not be written again. */
function sameHospital(sources: string, options: DemoOptions): boolean {
  const manifest = join(sources, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const written = JSON.parse(readFileSync(manifest, 'utf8')) as Manifest;
  return written.seed === options.seed && written.patients === options.patients;
}

async function demoKpis(config: string): Promise<KpiResult[]> {
  const { layout } = openWorkspace(config);
  const engine = await openMarts(layout);
  try {
    const busiest = await engine.one<{ finess: string }>(
      `SELECT finess FROM marts.fact_consultation
        WHERE consultation_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND finess NOT IN ('PLUSIEURS', 'AUCUN')
        GROUP BY finess ORDER BY count(*) DESC, finess LIMIT 1`,
      [`${DEMO_YEAR}-01-01`, `${DEMO_YEAR}-12-31`],
    );
    const year = String(DEMO_YEAR);
    const requests: [KpiId, Record<string, string>][] = [
      ['K1', { establishment: busiest?.finess ?? '', year }],
      ['K2', { year }],
      ['K3', { year }],
      ['K4', { year }],
      ['K5', { year }],
      ['K6', { year }],
      ['K7', { year }],
      ['K8', { year: String(SATISFACTION_YEAR) }],
    ];
    const results: KpiResult[] = [];
    for (const [id, params] of requests) {
      if (id === 'K1' && !busiest) continue;
      results.push(await runKpi(engine, id, params));
    }
    return results;
  } finally {
    engine.close();
  }
}

/** Model-by-model build progress is noise in the demo; errors still reach stderr. */
function quietProgress(io: CliIo): CliIo {
  return { ...io, err: () => {}, interactive: false };
}

function announceUrl(io: CliIo): CliIo {
  return {
    ...io,
    err: (line) => {
      io.err(line);
      const url = /at (http:\/\/\S+)/.exec(line);
      if (url) io.out(`\ndashboard: ${url[1]}  (Ctrl-C to stop)`);
    },
  };
}
