import { resolve } from 'node:path';
import { UserError, type CliCommand } from '../command.ts';
import { progressFor } from '../progress.ts';
import { SOURCE_NAMES, sourceFiles } from '../../config.ts';
import { Ingestor, recoverInterruptedLoads, type BatchReport } from '../../sources/ingest.ts';
import { formatLoadReport, storeLoadReport, summarise, type LoadReport } from '../../sources/load-report.ts';
import type { ReaderInput, SourceName } from '../../sources/types.ts';
import { refreshRawViews } from '../../warehouse/catalogue.ts';
import { acquireLock } from '../../warehouse/lock.ts';
import { openWorkspace } from '../../workspace.ts';

interface IngestOptions {
  config?: string;
  source?: string;
  file?: string[];
  url?: string;
  format: 'table' | 'json';
}

export const ingestCommand: CliCommand<IngestOptions, LoadReport> = {
  name: 'ingest',
  describe: 'Load the configured sources (or one --source/--file) into the pseudonymised raw zone',
  configure(cmd) {
    cmd
      .option('-c, --config <file>', 'configuration file', 'entrepot.yaml')
      .option('-s, --source <name>', `load only this source (${SOURCE_NAMES.join(', ')})`)
      .option('-f, --file <path...>', 'with --source: load these files instead of the configured ones')
      .option('--url <url>', 'with --source care-db: database to read (postgres://… or pglite:<dir>)')
      .option('--format <format>', 'report as table or json', 'table')
      .addHelpText(
        'after',
        '\nEnvironment:\n' +
          '  ENTREPOT_INGEST_THREADS  threads reading large death, stays and RPPS files (default: one per core)\n' +
          '  ENTREPOT_INGEST_MEMORY   memory DuckDB may use to type and write rows before it spills to disk (default: 1GB)\n' +
          'Formats and raw tables: docs/raw-zone.md; quarantine codes: docs/errors.md.',
      );
  },
  async run(options, io) {
    const workspace = openWorkspace(options.config);
    const plan = planInputs(workspace.config, options);
    const release = acquireLock(workspace.layout.lockFile, 'ingest');
    const startedAt = new Date();
    try {
      for (const removed of recoverInterruptedLoads(workspace.layout)) io.err(`removed what an interrupted load left: ${removed}`);
      const ingestor = new Ingestor(workspace.layout, workspace.pseudonymiser, progressFor(io));
      const batches: BatchReport[] = [];
      for (const { source, input } of plan) {
        const batch = await ingestor.ingest(source, input);
        io.err(`${source} ${batch.input}: ${batch.status === 'loaded' ? `loaded as batch ${batch.batchId} in ${(batch.durationMs / 1000).toFixed(1)} s` : 'already loaded, skipped'}`);
        batches.push(batch);
      }
      await refreshRawViews(workspace.layout);
      const report = summarise(startedAt, batches);
      storeLoadReport(workspace.layout, report);
      return report;
    } finally {
      release();
    }
  },
  print(report, io, options) {
    if (options.format === 'json') io.out(JSON.stringify(report, null, 2));
    else for (const line of formatLoadReport(report)) io.out(line);
  },
};

function planInputs(config: ReturnType<typeof openWorkspace>['config'], options: IngestOptions): { source: SourceName; input: ReaderInput }[] {
  if (options.source && !SOURCE_NAMES.includes(options.source as SourceName)) {
    throw new UserError(`unknown source "${options.source}" (known: ${SOURCE_NAMES.join(', ')})`, 2);
  }
  if ((options.file || options.url) && !options.source) throw new UserError('--file and --url need --source', 2);
  const wanted = options.source ? [options.source as SourceName] : SOURCE_NAMES.filter((s) => config.sources[s]);
  if (wanted.length === 0) throw new UserError('no sources configured in entrepot.yaml (see `entrepot init --help`)');
  const plan: { source: SourceName; input: ReaderInput }[] = [];
  for (const source of wanted) {
    const configured = config.sources[source] ?? {};
    if (options.file) {
      for (const path of options.file) plan.push({ source, input: { kind: 'file', path: resolve(path) } });
    } else if (options.url ?? configured.url) {
      plan.push({ source, input: { kind: 'postgres', url: (options.url ?? configured.url)! } });
    } else {
      const files = sourceFiles(config, configured);
      if (files.length === 0) throw new UserError(`source ${source}: nothing configured (set files or url in entrepot.yaml, or pass --file)`);
      for (const path of files) plan.push({ source, input: { kind: 'file', path } });
    }
  }
  return plan;
}
