import type { KpiUnit } from './api.ts';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Text of a masked figure: counts of 1–9 are never shown. */
export const MASKED = '<10';

export function formatCount(value: number | null, masked = value === null): string {
  if (value === null) return masked ? MASKED : '—';
  return integer.format(value);
}

export function formatRate(value: number | null, unit: KpiUnit, masked = false): string {
  if (value === null) return masked ? 'masqué' : '—';
  if (unit === 'percent') return `${oneDecimal.format(value)} %`;
  if (unit === 'per100k') return twoDecimals.format(value);
  return oneDecimal.format(value);
}

export function unitLabel(unit: KpiUnit): string {
  if (unit === 'percent') return 'Taux (%)';
  if (unit === 'per100k') return 'Pour 100 000 habitants';
  return 'Score moyen (sur 100)';
}

/** A count cell of a breakdown: null is `<10` when the cell is masked, a dash otherwise. */
export function cellCount(value: number | null, cellMasked: boolean): string {
  return formatCount(value, cellMasked);
}
