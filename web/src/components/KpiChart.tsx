import { useMemo } from 'react';
import type { KpiCell, KpiResult } from '../api.ts';
import { formatCount, formatRate, unitLabel } from '../format.ts';
import { AGE_BANDS, presentationOf } from '../kpi-meta.ts';
import { CATEGORY } from '../palette.ts';
import { Chart } from './Chart.tsx';

const axisText = { color: '#333', fontSize: 12 };

/** The cells a chart draws: K6 draws its specialties (its professionals are in the table). */
export function chartCells(result: KpiResult): KpiCell[] {
  if (result.kpi === 'K6') return result.breakdown.filter((c) => c.key.startsWith('specialty:'));
  if (result.kpi === 'K7') return result.breakdown.filter((c) => c.key !== 'abroad' && c.key !== 'unknown' && c.denominator !== null);
  return result.breakdown;
}

/** How a cell is named in the table and the CSV (K6's professionals by their pseudonym). */
export function cellLabel(result: KpiResult, cell: KpiCell, short = true): string {
  if (result.kpi === 'K6' && cell.key.startsWith('professional:')) {
    const id = cell.key.slice('professional:'.length);
    return `↳ professionnel ${short ? `${id.slice(0, 10)}…` : id}`;
  }
  return cell.label.trim() || cell.key;
}

/** The rate of each breakdown cell: a line over months, bars otherwise. Masked cells are gaps. */
export function KpiChart({ result, height }: { result: KpiResult; height?: number }) {
  const presentation = presentationOf(result.kpi);
  const option = useMemo(() => {
    const tooltipFor = (cell: KpiCell | undefined) => cell
      ? `<strong>${escapeHtml(cellLabel(result, cell))}</strong><br>${escapeHtml(presentation.numerator)} : ${formatCount(cell.numerator, cell.masked)}<br>` +
        `${escapeHtml(presentation.denominator)} : ${formatCount(cell.denominator, cell.masked)}<br>${unitLabel(result.unit)} : ${formatRate(cell.rate, result.unit, cell.masked)}`
      : '';
    const valueAxis = { type: 'value', name: unitLabel(result.unit), nameTextStyle: axisText, axisLabel: axisText };

    if (presentation.chart === 'sex-age') {
      const byKey = new Map(result.breakdown.map((c) => [c.key, c]));
      const sexes = [['F', 'Femmes'], ['M', 'Hommes']] as const;
      return {
        color: CATEGORY,
        legend: { top: 0, textStyle: axisText },
        grid: { left: 60, right: 24, top: 50, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (item: { seriesIndex: number; dataIndex: number }) => tooltipFor(byKey.get(`${sexes[item.seriesIndex][0]}:${AGE_BANDS[item.dataIndex]}`)) },
        xAxis: { type: 'category', data: AGE_BANDS.map((b) => `${b} ans`), axisLabel: axisText, name: 'Âge', nameLocation: 'middle', nameGap: 30, nameTextStyle: axisText },
        yAxis: valueAxis,
        series: sexes.map(([sex, label]) => ({ type: 'bar', name: label, data: AGE_BANDS.map((band) => byKey.get(`${sex}:${band}`)?.rate ?? null), barMaxWidth: 26 })),
      };
    }

    const cells = chartCells(result);
    const time = presentation.chart === 'time';
    const horizontal = !time && cells.length > 8;
    const categoryAxis = {
      type: 'category',
      data: cells.map((c) => cellLabel(result, c)),
      axisLabel: { ...axisText, interval: 0, width: horizontal ? 220 : 90, overflow: 'truncate', rotate: !horizontal && cells.length > 6 ? 30 : 0 },
      inverse: horizontal,
    };
    return {
      color: CATEGORY,
      grid: { left: horizontal ? 240 : 60, right: 30, top: 40, bottom: horizontal ? 50 : 80 },
      tooltip: { trigger: 'axis', formatter: (items: { dataIndex: number }[]) => tooltipFor(cells[items[0]?.dataIndex ?? 0]) },
      xAxis: horizontal ? { ...valueAxis, nameLocation: 'middle', nameGap: 28 } : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [{
        type: time ? 'line' : 'bar',
        name: unitLabel(result.unit),
        data: cells.map((c) => c.rate),
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 3 },
        barMaxWidth: 36,
      }],
    };
  }, [result, presentation]);
  const rows = presentation.chart === 'sex-age' ? 0 : chartCells(result).length;
  const autoHeight = presentation.chart !== 'time' && rows > 8 ? Math.max(320, rows * 26 + 70) : 340;
  return <Chart option={option} label={`${result.title} : ${unitLabel(result.unit).toLowerCase()} par ${presentation.breakdown.toLowerCase()} (valeurs dans le tableau ci-dessous)`} height={height ?? autoHeight} />;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
