import { UserError, type CliCommand } from '../command.ts';
import { formatTable } from '../../sources/load-report.ts';
import { runQuality, type QualityReport } from '../../warehouse/quality/run.ts';
import { openWorkspace } from '../../workspace.ts';

interface QualityOptions {
  config?: string;
  format: 'table' | 'json';
}

export const qualityCommand: CliCommand<QualityOptions, QualityReport> = {
  name: 'quality',
  describe: 'Check the current build: completeness, validity, referential integrity, and what the loads quarantined',
  configure(cmd) {
    cmd
      .option('-c, --config <file>', 'configuration file', 'entrepot.yaml')
      .option('--format <format>', 'report as table or json', 'table');
  },
  async run(options) {
    if (options.format !== 'table' && options.format !== 'json') throw new UserError(`--format must be table or json, not ${options.format}`, 2);
    return runQuality(openWorkspace(options.config).layout);
  },
  print(report, io, options) {
    if (options.format === 'json') {
      io.out(JSON.stringify(report, null, 2));
      return;
    }
    io.out(`build ${report.buildId}`);
    const checks = [['table', 'kind', 'check', 'violated', 'denominator', '%']];
    for (const c of report.checks) {
      checks.push(c.error
        ? [c.table, c.kind, c.label, 'error', '', c.error.split('\n')[0]]
        : [c.table, c.kind, c.label, String(c.violated), String(c.denominator), c.percent === null ? '' : c.percent.toFixed(2)]);
    }
    for (const line of formatTable(checks)) io.out(line);
    io.out('');
    const quarantine = [['source', 'table', 'read', 'loaded', 'quarantined', 'warnings', 'duplicates']];
    for (const q of report.quarantine) {
      quarantine.push([q.source, q.table, ...[q.read, q.loaded, q.quarantined, q.warnings, q.duplicates].map(String)]);
    }
    for (const line of formatTable(quarantine)) io.out(line);
  },
};
