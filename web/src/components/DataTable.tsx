import type { KpiResult } from '../api.ts';
import { toCsv, downloadCsv, type CsvValue } from '../csv.ts';
import { formatCount, formatRate, MASKED, unitLabel } from '../format.ts';
import { presentationOf } from '../kpi-meta.ts';
import { cellLabel } from './KpiChart.tsx';

interface DataTableProps {
  result: KpiResult;
  /** Heading of the first column (defaults to the KPI's breakdown). */
  breakdownLabel?: string;
  caption?: string;
  fileName: string;
}

/** The table behind a chart: every figure of the breakdown, `<10` where masked, and its CSV export. */
export function DataTable({ result, breakdownLabel, caption, fileName }: DataTableProps) {
  const presentation = presentationOf(result.kpi);
  const header = [breakdownLabel ?? presentation.breakdown, presentation.numerator, presentation.denominator, unitLabel(result.unit)];
  const exportCsv = () => {
    const count = (value: number | null, masked: boolean): CsvValue => (value === null ? (masked ? MASKED : null) : value);
    const rows: CsvValue[][] = result.breakdown.map((cell) => [cellLabel(result, cell, false), count(cell.numerator, cell.masked), count(cell.denominator, cell.masked), cell.rate]);
    rows.push(['Total', count(result.numerator, result.masked), count(result.denominator, result.masked), result.rate]);
    downloadCsv(fileName, toCsv(header, rows));
  };
  return (
    <div className="table-block">
      <div className="table-actions">
        <button type="button" className="button" onClick={exportCsv} data-testid="export-csv">
          Exporter le tableau (CSV)
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption ?? `Tableau : ${result.title}`}>
        <table className="data-table" data-testid="kpi-table">
          <caption>{caption ?? `${result.title} — tableau des valeurs`}</caption>
          <thead>
            <tr>{header.map((h, i) => <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {result.breakdown.map((cell) => (
              <tr key={cell.key} data-key={cell.key}>
                <th scope="row" title={cellLabel(result, cell, false)}>{cellLabel(result, cell)}</th>
                <td className="num" data-field="numerator" data-value={cell.numerator ?? ''}>{formatCount(cell.numerator, cell.masked)}</td>
                <td className="num" data-field="denominator" data-value={cell.denominator ?? ''}>{formatCount(cell.denominator, cell.masked)}</td>
                <td className="num" data-field="rate" data-value={cell.rate ?? ''}>{formatRate(cell.rate, result.unit, cell.masked)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-key="total">
              <th scope="row">Total</th>
              <td className="num" data-field="numerator" data-value={result.numerator ?? ''}>{formatCount(result.numerator, result.masked)}</td>
              <td className="num" data-field="denominator" data-value={result.denominator ?? ''}>{formatCount(result.denominator, result.masked)}</td>
              <td className="num" data-field="rate" data-value={result.rate ?? ''}>{formatRate(result.rate, result.unit, result.masked)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {result.masked && (
        <p className="note">
          <strong>{MASKED}</strong> : effectif compris entre 1 et 9, masqué (secret statistique) ; d'autres cases peuvent être masquées pour qu'il ne puisse pas être recalculé.
        </p>
      )}
    </div>
  );
}
