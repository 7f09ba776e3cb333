/**
 * The small-cell rule for counts the server reports itself (load and quality counts): a count of
 * 1–9 becomes null. KPI results arrive already masked by src/analytics.
 */
export function maskCount(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value >= 1 && value <= 9 ? null : value;
}

export function isMaskedCount(value: number | null | undefined): boolean {
  return typeof value === 'number' && value >= 1 && value <= 9;
}
