/**
 * CSV as Excel in French opens it: `;` between fields, decimal comma, UTF-8 with a byte-order
 * mark (without it Excel reads accents as Windows-1252), CRLF line ends.
 */
export type CsvValue = string | number | null;

const decimal = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 2 });

function field(value: CsvValue): string {
  const text = value === null ? '' : typeof value === 'number' ? decimal.format(value) : value;
  // A leading = + - @ would be read as a formula by a spreadsheet: quote and prefix it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[";\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

export function downloadCsv(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
