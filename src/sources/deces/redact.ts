import type { CsvLayout } from './csv-variant.ts';
import { DECES_FIELDS, POSITIONS, RECORD_LENGTH } from './layout.ts';
import { splitDelimited } from '../text/delimited.ts';

// What a quarantine record may keep of a registry line. The name and the exact birth date are
// direct identifiers, which nothing under `warehouse/` may hold outside the vault (docs/raw-zone.md);
// the rest of the line stays as received, so the problem can still be seen.

/** Letters as `A`, digits as `9`: what a value looked like, without the value. */
export function shape(text: string): string {
  return text.replace(/\p{L}/gu, 'A').replace(/\p{N}/gu, '9');
}

/** A birth date with its day hidden: year and month are in the raw zone anyway. */
export function maskBirthDate(text: string): string {
  return text.length === 8 ? text.slice(0, 6) + '**' : shape(text);
}

const [NAME_START, NAME_END] = POSITIONS.nomprenom;
const BIRTH_DAY_START = POSITIONS.datenaiss[1] - 2;
const BIRTH_DAY_END = POSITIONS.datenaiss[1];

/** A fixed-width line (whole, truncated or overlong) with its name shaped and its birth day hidden. */
export function redactFixedLine(text: string): string {
  // Lines padded by bytes (see fixed-width.ts) place the fields by bytes.
  if (text.length < RECORD_LENGTH && Buffer.byteLength(text, 'utf8') === RECORD_LENGTH) {
    const bytes = Buffer.from(text, 'utf8');
    return shape(bytes.toString('utf8', NAME_START, NAME_END)) + bytes.toString('utf8', NAME_END, BIRTH_DAY_START) +
      '**' + bytes.toString('utf8', BIRTH_DAY_END);
  }
  const day = text.slice(BIRTH_DAY_START, BIRTH_DAY_END);
  // Past the record, an overlong line may hold another one glued to it: only its shape is kept.
  return shape(text.slice(NAME_START, NAME_END)) + text.slice(NAME_END, BIRTH_DAY_START) + '*'.repeat(day.length) +
    text.slice(BIRTH_DAY_END, RECORD_LENGTH) + shape(text.slice(RECORD_LENGTH));
}

/**
 * A CSV row with its name shaped and its birth day hidden, fields re-quoted; a row whose fields
 * cannot be told apart is shown only by its shape.
 */
export function redactCsvLine(text: string, layout: CsvLayout): string {
  const values = splitDelimited(text, layout.delimiter);
  if (values === null || values.length !== DECES_FIELDS.length) return shape(text);
  values[layout.index.nomprenom] = shape(values[layout.index.nomprenom]);
  values[layout.index.datenaiss] = maskBirthDate(values[layout.index.datenaiss].trim());
  return values.map((v) => `"${v.replaceAll('"', '""')}"`).join(layout.delimiter);
}
