import { DECES_FIELDS, RECORD_LENGTH, type DeathFields } from './layout.ts';
import type { LineIssues } from './record.ts';
import { shape } from './redact.ts';
import { splitDelimited } from '../text/delimited.ts';

export interface CsvLayout {
  delimiter: ';' | ',';
  /** Position of each field in a row: the header names them, in whatever order the file has. */
  index: Record<keyof DeathFields, number>;
}

export type FirstLine =
  | { kind: 'fixed-width' }
  | { kind: 'csv'; layout: CsvLayout }
  | { kind: 'unknown-header'; columns: string[] };

/**
 * Tells the variant from the first line. A fixed-width record always holds `NOM*PRENOMS/` where a
 * header has no `*`; a line without `*` but with separators is a header, and one that does not
 * name the registry's fields belongs to a file of another kind, as does a short line with neither.
 */
export function classifyFirstLine(text: string, binary: boolean): FirstLine {
  if (binary || text.includes('*')) return { kind: 'fixed-width' };
  const delimiter = text.includes(';') ? ';' : text.includes(',') ? ',' : null;
  if (delimiter === null) return text.length >= RECORD_LENGTH ? { kind: 'fixed-width' } : { kind: 'unknown-header', columns: [shape(text)] };
  const columns = (splitDelimited(text, delimiter) ?? text.split(delimiter)).map((c) => c.trim().toLowerCase());
  const known = new Set<string>(DECES_FIELDS);
  if (columns.length !== DECES_FIELDS.length || columns.some((c) => !known.has(c)) || new Set(columns).size !== columns.length) {
    return { kind: 'unknown-header', columns };
  }
  const at = (name: keyof DeathFields) => columns.indexOf(name);
  return {
    kind: 'csv',
    layout: {
      delimiter,
      index: {
        nomprenom: at('nomprenom'),
        sexe: at('sexe'),
        datenaiss: at('datenaiss'),
        lieunaiss: at('lieunaiss'),
        paysnaiss: at('paysnaiss'),
        datedeces: at('datedeces'),
        lieudeces: at('lieudeces'),
        actedeces: at('actedeces'),
      },
    },
  };
}

/** The fields of a CSV row, or null when the row does not hold them all (quarantined). */
export function csvFields(text: string, layout: CsvLayout, issues: LineIssues): DeathFields | null {
  const values = splitDelimited(text, layout.delimiter);
  if (values === null) return issues.reject('quote-unclosed', {});
  if (values.length !== DECES_FIELDS.length) {
    return issues.reject('field-count', { expected: DECES_FIELDS.length, actual: values.length });
  }
  const { index } = layout;
  return {
    nomprenom: values[index.nomprenom].trim(),
    sexe: values[index.sexe].trim(),
    datenaiss: values[index.datenaiss].trim(),
    lieunaiss: values[index.lieunaiss].trim(),
    paysnaiss: values[index.paysnaiss].trim(),
    datedeces: values[index.datedeces].trim(),
    lieudeces: values[index.lieudeces].trim(),
    actedeces: values[index.actedeces].trim(),
  };
}
