import { UserError, type CliCommand } from '../command.ts';
import { KPI_CATALOGUE, listKpis, type KpiListing } from '../../analytics/catalogue.ts';
import { isKpiId, type KpiCell, type KpiResult } from '../../analytics/kpi-result.ts';
import { KpiParamError } from '../../analytics/params.ts';
import { runKpi } from '../../analytics/run-kpi.ts';
import { loadConfig } from '../../config.ts';
import { formatTable } from '../../sources/load-report.ts';
import { openMarts, WarehouseLayout } from '../../warehouse/index.ts';

interface KpiOptions {
  args: string[];
  list?: boolean;
  config?: string;
  establishment?: string;
  diagnosis?: string;
  from?: string;
  to?: string;
  year?: string;
  region?: string;
  survey?: string;
  professional?: string;
  specialty?: string;
  format: 'table' | 'json' | 'csv';
  unmasked?: boolean;
}

export type KpiCommandResult = { kind: 'list'; kpis: KpiListing[] } | { kind: 'result'; result: KpiResult };

const FORMATS = ['table', 'json', 'csv'];
/** Shown for a count masked by the small-cell rule (README.md): the figure itself never leaves. */
export const MASKED = '<10';

export const kpiCommand: CliCommand<KpiOptions, KpiCommandResult> = {
  name: 'kpi',
  describe: 'Compute one of the KPIs K1–K8 from the current build (small counts masked), or --list them',
  configure(cmd) {
    cmd
      .argument('[id]', 'KPI id, K1 to K8')
      .option('--list', 'list the KPIs and their parameters')
      .option('-c, --config <file>', 'configuration file', 'entrepot.yaml')
      .option('--establishment <finess>', 'K1: FINESS number of the establishment')
      .option('--diagnosis <code>', 'K2, K4: CIM-10 code or prefix (J, J45, J45.0)')
      .option('--from <date>', 'first day of the period (YYYY-MM-DD)')
      .option('--to <date>', 'last day of the period, included (YYYY-MM-DD)')
      .option('--year <year>', 'calendar year (the period of K1–K6 when --from/--to are absent; K7, K8)')
      .option('--region <code>', 'K7, K8: region code, breakdown by département / establishment')
      .option('--survey <name>', 'K8: e-Satis survey (48h-mco, ca)')
      .option('--professional <pseudonym>', 'K6: one professional')
      .option('--specialty <code>', 'K6: one specialty (code or label)')
      .option('--format <format>', 'table, json or csv', 'table')
      .option('--unmasked', 'raw counts without small-cell suppression (warehouse team only)');
  },
  async run(options, io) {
    if (!FORMATS.includes(options.format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`, 2);
    const id = options.args?.[0];
    if (options.list) return { kind: 'list', kpis: listKpis() };
    if (!id) throw new UserError('name a KPI (K1 to K8), or use --list', 2);
    if (!isKpiId(id.toUpperCase())) throw new UserError(`unknown KPI "${id}" (known: ${Object.keys(KPI_CATALOGUE).join(', ')}; see --list)`, 2);
    const params = {
      establishment: options.establishment,
      diagnosis: options.diagnosis,
      from: options.from,
      to: options.to,
      year: options.year,
      region: options.region,
      survey: options.survey,
      professional: options.professional,
      specialty: options.specialty,
    };
    const config = loadConfig(options.config);
    const engine = await openMarts(new WarehouseLayout(config.warehouse));
    try {
      if (options.unmasked) io.err('entrepot: --unmasked shows counts under 10: for the warehouse team only, never to be passed on');
      return { kind: 'result', result: await runKpi(engine, id, params, { unmasked: options.unmasked }) };
    } catch (error) {
      if (error instanceof KpiParamError) throw new UserError(`--${error.param === 'kpi' ? 'id' : error.param}: ${error.reason}`, 2);
      throw error;
    } finally {
      engine.close();
    }
  },
  print(result, io, options) {
    if (options.format === 'json') {
      io.out(JSON.stringify(result.kind === 'list' ? result.kpis : result.result, null, 2));
      return;
    }
    const lines = result.kind === 'list'
      ? (options.format === 'csv' ? listCsv(result.kpis) : listTable(result.kpis))
      : (options.format === 'csv' ? resultCsv(result.result) : resultTable(result.result));
    for (const line of lines) io.out(line);
  },
};

function listTable(kpis: KpiListing[]): string[] {
  const rows = [['id', 'titre', 'paramètres']];
  for (const k of kpis) rows.push([k.id, k.title, k.params.map(paramSummary).join(' ')]);
  return formatTable(rows);
}

function listCsv(kpis: KpiListing[]): string[] {
  return [csvLine(['id', 'title', 'unit', 'params', 'description']), ...kpis.map((k) => csvLine([k.id, k.title, k.unit, k.params.map(paramSummary).join(' '), k.description]))];
}

function paramSummary(p: KpiListing['params'][number]): string {
  const flag = `--${p.name}${p.default !== undefined ? `=${p.default}` : ''}`;
  return p.required ? flag : `[${flag}]`;
}

const UNIT_HEADER: Record<KpiResult['unit'], string> = { percent: 'taux %', per100k: 'pour 100 000', score: 'score moyen' };

type Figures = Pick<KpiCell, 'numerator' | 'denominator' | 'rate'>;

/**
 * Numerators are counts in every KPI, so null means masked. Denominators are counts only for
 * percentages; K7's populations and K8's numbers of establishments are public and never masked,
 * so a null there is "not applicable" (deaths abroad have no population).
 */
function figures(cell: Figures, unit: KpiResult['unit']): [string, string, string] {
  const numeratorMasked = cell.numerator === null;
  const denominatorMasked = cell.denominator === null && unit === 'percent';
  const numerator = numeratorMasked ? MASKED : String(cell.numerator);
  const denominator = denominatorMasked ? MASKED : cell.denominator === null ? '' : String(cell.denominator);
  // Deaths abroad have no population: no rate to mask.
  const rate = cell.rate !== null ? cell.rate.toFixed(1) : (numeratorMasked && cell.denominator !== null) || denominatorMasked ? 'masqué' : '';
  return [numerator, denominator, rate];
}

export function resultTable(result: KpiResult): string[] {
  const def = KPI_CATALOGUE[result.kpi];
  const out = [`${result.kpi}  ${result.title}`];
  const params = Object.entries(result.params).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
  out.push(`paramètres : ${params.join('  ')}`);
  out.push(`numérateur : ${def.numeratorLabel} ; dénominateur : ${def.denominatorLabel}`);
  out.push('');
  const rows = [['clé', def.breakdownLabel, 'numérateur', 'dénominateur', UNIT_HEADER[result.unit]]];
  rows.push(['total', '', ...figures(result, result.unit)]);
  for (const cell of result.breakdown) rows.push([cell.key, cell.label, ...figures(cell, result.unit)]);
  out.push(...formatTable(rows));
  const notes = Object.entries(result.notes);
  if (notes.length) {
    out.push('');
    out.push(`notes : ${notes.map(([k, v]) => `${k}=${v === null ? MASKED : v}`).join('  ')}`);
  }
  if (result.masked) {
    out.push('');
    out.push(`${MASKED} : effectif masqué (1 à 9, ou masqué en complément pour qu'aucun effectif masqué ne se déduise des totaux)`);
  }
  return out;
}

export function resultCsv(result: KpiResult): string[] {
  const lines = [csvLine(['section', 'key', 'label', 'numerator', 'denominator', 'rate'])];
  const row = (section: string, key: string, label: string, cell: Figures) => {
    const [n, d, r] = figures(cell, result.unit);
    return csvLine([section, key, label, n, d, r === 'masqué' ? '' : r]);
  };
  lines.push(row('total', 'total', result.title, result));
  for (const c of result.breakdown) lines.push(row('breakdown', c.key, c.label, c));
  for (const [name, value] of Object.entries(result.notes)) lines.push(csvLine(['note', name, '', value === null ? MASKED : String(value), '', '']));
  return lines;
}

function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\n;]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}
