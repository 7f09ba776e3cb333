import type { KpiResult } from '../api.ts';
import { formatCount, formatRate, unitLabel } from '../format.ts';
import { NOTE_LABELS, presentationOf } from '../kpi-meta.ts';

/** The headline figures of a KPI: rate, numerator, denominator, and its notes. */
export function Summary({ result }: { result: KpiResult }) {
  const presentation = presentationOf(result.kpi);
  const notes = Object.entries(result.notes);
  return (
    <div className="summary" data-testid="summary">
      <dl className="figures">
        <div className="figure figure-main">
          <dt>{unitLabel(result.unit)}</dt>
          <dd data-testid="summary-rate">{formatRate(result.rate, result.unit, result.masked && result.rate === null)}</dd>
        </div>
        <div className="figure">
          <dt>{presentation.numerator}</dt>
          <dd>{formatCount(result.numerator, result.masked)}</dd>
        </div>
        <div className="figure">
          <dt>{presentation.denominator}</dt>
          <dd>{formatCount(result.denominator, result.masked)}</dd>
        </div>
        {notes.map(([key, value]) => (
          <div className="figure figure-note" key={key}>
            <dt>{NOTE_LABELS[key] ?? key}</dt>
            <dd>{formatCount(value, result.masked)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * True when the result holds nothing to show: no event counted for these filters (a numerator of
 * zero everywhere; a masked figure is something, only too small to show).
 */
export function isEmpty(result: KpiResult): boolean {
  if (result.masked || (result.numerator ?? 0) > 0) return false;
  return !result.breakdown.some((c) => c.masked || (c.numerator ?? 0) > 0);
}
