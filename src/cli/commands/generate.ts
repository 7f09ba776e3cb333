import { InvalidArgumentError } from 'commander';
import { relative } from 'node:path';
import { UserError, type CliCommand } from '../command.ts';
import { generateHospital, validateOptions, type GenerateReport } from '../../synth/generate.ts';

interface GenerateCliOptions {
  patients: number;
  seed: number;
  out: string;
  pg?: string;
  pgSchema: string;
  dirt: number;
  fromYear: number;
  toYear: number;
}

function integer(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('not a whole number');
  return Number(text);
}

function rate(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError('not a number');
  return value;
}

export const generateCommand: CliCommand<GenerateCliOptions, GenerateReport> = {
  name: 'generate',
  describe: 'Write a seeded synthetic hospital: every source in its native format, with dirt and ground truth',
  configure(cmd) {
    cmd
      .requiredOption('--out <dir>', 'output directory (its care-db, sejours, finess, esatis, deces, rpps and ground-truth folders are replaced)')
      .option('--patients <n>', 'number of patients of the hospital group', integer, 20000)
      .option('--seed <n>', 'seed: the same seed and options give byte-identical files', integer, 42)
      .option('--dirt <rate>', 'scale of the dirt rates, 0 for clean sources (see docs/synth.md)', rate, 0.02)
      .option('--from-year <year>', 'first year of care (consultations, stays)', integer, 2015)
      .option('--to-year <year>', 'last year of care', integer, 2024)
      .option('--pg <url>', 'write the care database into this PostgreSQL server (postgres://user@host:port/db) instead of embedded PGlite')
      .option('--pg-schema <name>', 'schema for the care database tables with --pg (its tables are dropped and recreated)', 'public')
      .addHelpText('after', '\nOutputs, dirt kinds and the ground-truth format: docs/synth.md.\nNext: entrepot init --from-synth <dir>, then entrepot ingest.');
  },
  async run(options, io) {
    try {
      validateOptions(options);
    } catch (error) {
      throw new UserError((error as Error).message, 2);
    }
    const started = performance.now();
    const onProgress = (message: string): void => io.err(`generate: ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);
    return generateHospital({ ...options, onProgress });
  },
  print(report, io) {
    const s = report.summary;
    io.out(`synthetic hospital written to ${report.out} in ${(report.durationMs / 1000).toFixed(1)} s (seed ${s.seed}, ${s.patients} patients)`);
    io.out(`care database: ${report.careDb}`);
    for (const [source, tables] of Object.entries(s.rows)) {
      const counts = Object.entries(tables).map(([table, rows]) => `${table} ${rows}`).join(', ');
      io.out(`  ${source.padEnd(8)} ${counts}`);
    }
    io.out('files:');
    for (const [file, rows] of Object.entries(s.files)) io.out(`  ${file} (${rows} rows)`);
    const outcomes = Object.entries(s.outcomes)
      .map(([source, counts]) => `${source}: ${Object.entries(counts).map(([o, n]) => `${n} ${o}`).join(', ')}`)
      .join('; ');
    io.out(`ground truth: ${relative(process.cwd(), report.out) || '.'}/ground-truth (${outcomes || 'no dirt'}; ${s.linkedDeaths} linked deaths)`);
    io.out(`manifest: ${report.manifestPath}`);
    io.out(`next: entrepot init --from-synth ${report.out} && entrepot ingest`);
  },
};
