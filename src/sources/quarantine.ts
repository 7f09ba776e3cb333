/**
 * Why a row or a value could not be taken as it came. Each code carries typed parameters;
 * docs/errors.md lists them all and a test keeps the two in step.
 *
 * A reader either repairs a value (normalised, no record), nulls an optional value it cannot
 * read (row loaded, one `warning` recorded), or sends the whole row to quarantine (row not
 * loaded, one `quarantine` record carrying the original text). rows read = loaded + quarantined.
 */
export type QuarantineReasons = {
  'date-unparseable': { column: string; raw: string };
  'date-out-of-range': { column: string; raw: string };
  'number-unparseable': { column: string; raw: string };
  'value-missing': { column: string };
  'value-invalid': { column: string; raw: string };
  'sex-unknown': { column: string; raw: string };
  'code-invalid': { column: string; raw: string };
  'field-count': { expected: number; actual: number };
  'quote-unclosed': Record<string, never>;
  'line-length': { expected: number; actual: number };
  'encoding-invalid': { encoding: string };
  'binary-content': Record<string, never>;
  'header-unknown': { columns: string[] };
};

export type QuarantineCode = keyof QuarantineReasons;

export type Severity = 'quarantine' | 'warning';

/** One record of the quarantine zone: where the problem is, why, and the original text. */
export interface QuarantineRecord<C extends QuarantineCode = QuarantineCode> {
  severity: Severity;
  code: C;
  params: QuarantineReasons[C];
  /** 1-based line in the file, or row number of the table stream for database sources. */
  line: number;
  /** Column (field) in question, when the problem is a single field. */
  field: string | null;
  /** The original line (or row) as received, so nothing is lost. */
  raw: string;
  /** The table of the source the row belongs to (e.g. `consultation` for the care database). */
  table: string;
}

export function describeQuarantine(record: Pick<QuarantineRecord, 'code' | 'params'>): string {
  const p = record.params as Record<string, unknown>;
  switch (record.code) {
    case 'date-unparseable': return `date "${p.raw}" in ${p.column} matches no known date format`;
    case 'date-out-of-range': return `date "${p.raw}" in ${p.column} is outside the plausible range`;
    case 'number-unparseable': return `"${p.raw}" in ${p.column} is not a number`;
    case 'value-missing': return `required value ${p.column} is empty`;
    case 'value-invalid': return `"${p.raw}" is not a valid ${p.column}`;
    case 'sex-unknown': return `sex "${p.raw}" in ${p.column} is neither male nor female`;
    case 'code-invalid': return `"${p.raw}" in ${p.column} is not a valid code`;
    case 'field-count': return `expected ${p.expected} fields, found ${p.actual} (truncated or shifted line)`;
    case 'quote-unclosed': return 'a quoted field is not closed on its line (truncated line or stray quote)';
    case 'line-length': return `expected a ${p.expected}-character record, found ${p.actual} characters`;
    case 'encoding-invalid': return `bytes that are not valid ${p.encoding}`;
    case 'binary-content': return 'binary content (NUL or control bytes) where text was expected';
    case 'header-unknown': return `header does not match any known layout: ${(p.columns as string[]).join(', ')}`;
  }
}
