/**
 * CIM-10 codes are written with or without the dot and in any case (`J45.0`, `j450`, `J450`);
 * the warehouse keeps one spelling: upper case, no dot. Returns null when the text cannot be a
 * CIM-10 code (a letter, two digits, then up to four more characters of the French extensions).
 */
export function normaliseCim10(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[.\s]/g, '');
  return /^[A-Z][0-9]{2}[0-9A-Z+]{0,4}$/.test(compact) ? compact : null;
}
