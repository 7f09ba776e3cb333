import type { CliCommand } from '../command.ts';
import { formatTable } from '../../sources/load-report.ts';
import { buildWarehouse, type BuildReport } from '../../warehouse/build.ts';
import { openWorkspace } from '../../workspace.ts';

interface BuildOptions {
  config?: string;
  format: 'table' | 'json';
}

export const buildCommand: CliCommand<BuildOptions, BuildReport> = {
  name: 'build',
  describe: 'Build core and marts (partitioned Parquet) from the raw zone and publish them atomically',
  configure(cmd) {
    cmd
      .option('-c, --config <file>', 'configuration file', 'entrepot.yaml')
      .option('--format <format>', 'report as table or json', 'table');
  },
  async run(options, io) {
    const workspace = openWorkspace(options.config);
    return buildWarehouse(workspace, {
      onProgress({ model, index, total, rows, seconds }) {
        const step = `[${index + 1}/${total}] ${model}`;
        io.err(rows === undefined ? `${step} …` : `${step}: ${rows.toLocaleString('en-US')} rows in ${seconds!.toFixed(1)} s`);
      },
    });
  },
  print(report, io, options) {
    if (options.format === 'json') {
      io.out(JSON.stringify(report, null, 2));
      return;
    }
    const rows = [['model', 'rows', 'seconds']];
    for (const m of report.models) rows.push([m.model, String(m.rows), m.seconds.toFixed(1)]);
    rows.push(['total', '', report.seconds.toFixed(1)]);
    for (const line of formatTable(rows)) io.out(line);
    io.out(`published build ${report.buildId} (${report.dir})`);
    if (report.removed.length) io.out(`removed older builds: ${report.removed.join(', ')}`);
    for (const warning of report.warnings) io.err(`warning: ${warning}`);
    io.out('next: entrepot quality, then entrepot kpi');
  },
};
