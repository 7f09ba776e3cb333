/**
 * A decimal number written with a comma or a point: French exports mix both, even within one
 * row (e-Satis writes `75,09` and `71.36` side by side). Returns null when the text is no number.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim();
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}
