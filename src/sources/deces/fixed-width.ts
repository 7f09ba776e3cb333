import { POSITIONS, RECORD_LENGTH, type DeathFields } from './layout.ts';
import type { LineIssues } from './record.ts';

type Range = readonly [start: number, end: number];

/** The fields of a fixed-width line, or null when the line is not a whole record (quarantined). */
export function fixedWidthFields(text: string, issues: LineIssues): DeathFields | null {
  if (text.length === RECORD_LENGTH || (text.length > RECORD_LENGTH && isBlankFrom(text, RECORD_LENGTH))) {
    return fieldsOf(([start, end]) => text.slice(start, end).trim());
  }
  // Some tools pad fields by bytes, not characters: a UTF-8 line with accented names is then
  // 200 bytes long but shorter in characters, and its positions count bytes.
  if (text.length < RECORD_LENGTH && Buffer.byteLength(text, 'utf8') === RECORD_LENGTH) {
    const bytes = Buffer.from(text, 'utf8');
    return fieldsOf(([start, end]) => bytes.toString('utf8', start, end).trim());
  }
  return issues.reject('line-length', { expected: RECORD_LENGTH, actual: text.length });
}

function fieldsOf(at: (range: Range) => string): DeathFields {
  return {
    nomprenom: at(POSITIONS.nomprenom),
    sexe: at(POSITIONS.sexe),
    datenaiss: at(POSITIONS.datenaiss),
    lieunaiss: at(POSITIONS.lieunaiss),
    paysnaiss: at(POSITIONS.paysnaiss),
    datedeces: at(POSITIONS.datedeces),
    lieudeces: at(POSITIONS.lieudeces),
    actedeces: at(POSITIONS.actedeces),
  };
}

function isBlankFrom(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
