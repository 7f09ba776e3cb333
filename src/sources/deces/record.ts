import { compactDate, parseInseeDate, UNKNOWN_YEAR } from './insee-date.ts';
import { decesTable, type DeathFields, type DecesField } from './layout.ts';
import { maskBirthDate, shape } from './redact.ts';
import { ageInYears, isoDate, type PartialDate } from '../normalise/dates.ts';
import type { QuarantineCode, QuarantineReasons } from '../quarantine.ts';
import type { BatchSink, RawValue } from '../types.ts';
import { deathLinkId, type Pseudonymiser } from '../../identity/pseudonymiser.ts';

const TABLE = decesTable.name;

/**
 * Sends the issues of the line being read to the sink, with its number and its text as a
 * quarantine record may keep it (`redact`, set once the file's variant is known).
 */
export class LineIssues {
  line = 0;
  text = '';
  redact: (text: string) => string = shape;

  constructor(private readonly sink: BatchSink) {}

  reject<C extends QuarantineCode>(code: C, params: QuarantineReasons[C], field: DecesField | null = null): null {
    this.sink.issue({ severity: 'quarantine', code, params, line: this.line, field, raw: this.redact(this.text), table: TABLE });
    return null;
  }

  warn<C extends QuarantineCode>(code: C, params: QuarantineReasons[C], field: DecesField): void {
    this.sink.issue({ severity: 'warning', code, params, line: this.line, field, raw: this.redact(this.text), table: TABLE });
  }
}

/**
 * Turns the fields of one record into a row of the `deces` table, or null when the record was
 * quarantined. The death date and place are what K7 counts, so a record without them is refused;
 * what only serves linkage or age (name, sex, birth date) is nulled with a warning.
 */
export function deathRow(fields: DeathFields, issues: LineIssues, pseudonymiser: Pseudonymiser): RawValue[] | null {
  const death = parseInseeDate(fields.datedeces);
  if (death === null || death === UNKNOWN_YEAR) {
    return issues.reject('date-unparseable', { column: 'datedeces', raw: fields.datedeces }, 'datedeces');
  }
  if (fields.lieudeces === '') return issues.reject('value-missing', { column: 'lieudeces' }, 'lieudeces');

  const sex = fields.sexe === '1' ? 'M' : fields.sexe === '2' ? 'F' : null;
  if (sex === null) issues.warn('sex-unknown', { column: 'sexe', raw: fields.sexe }, 'sexe');

  let birth: PartialDate | null = null;
  let linkBirthDate = fields.datenaiss;
  const parsedBirth = parseInseeDate(fields.datenaiss);
  if (parsedBirth === null) {
    issues.warn('date-unparseable', { column: 'datenaiss', raw: maskBirthDate(fields.datenaiss) }, 'datenaiss');
  } else if (parsedBirth !== UNKNOWN_YEAR) {
    linkBirthDate = compactDate(parsedBirth);
    // Born after death: one of the two dates is wrong, and the death date is the one K7 needs.
    if (isAfter(parsedBirth, death)) issues.warn('date-out-of-range', { column: 'datenaiss', raw: maskBirthDate(fields.datenaiss) }, 'datenaiss');
    else birth = parsedBirth;
  }

  let linkId: string | null = null;
  const [surname, firstNames] = splitName(fields.nomprenom);
  if (surname === '') issues.warn('value-missing', { column: 'nomprenom' }, 'nomprenom');
  else linkId = pseudonymiser.pseudonym('death-link', deathLinkId(surname, firstNames, sex, linkBirthDate));

  return deathValues({
    linkId,
    sex,
    birth,
    birthPlace: fields.lieunaiss,
    birthCountry: fields.paysnaiss,
    death,
    deathPlace: fields.lieudeces,
    recordNumber: fields.actedeces,
  });
}

/** A row of the `deces` table, in its column order; empty texts become null. */
export function deathValues(r: {
  linkId: string | null;
  sex: 'M' | 'F' | null;
  birth: PartialDate | null;
  birthPlace: string | null;
  birthCountry: string | null;
  death: PartialDate;
  deathPlace: string;
  recordNumber: string | null;
}): RawValue[] {
  const { birth, death } = r;
  return [
    r.linkId,
    r.sex,
    birth?.year ?? null,
    birth?.month ?? null,
    r.birthPlace || null,
    r.birthCountry || null,
    death.month !== null && death.day !== null ? isoDate(death.year, death.month, death.day) : null,
    death.year,
    death.month,
    r.deathPlace,
    r.recordNumber || null,
    birth === null ? null : ageInYears(birth, death),
  ];
}

/** True when `a` is certainly later than `b`, comparing only the parts both dates know. */
export function isAfter(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return a.year > b.year;
  if (a.month === null || b.month === null) return false;
  if (a.month !== b.month) return a.month > b.month;
  return a.day !== null && b.day !== null && a.day > b.day;
}

/**
 * `NOM*PRENOMS/`: the surname before `*`, the given names between `*` and `/`. Either mark may be
 * missing on old records (a name cut at 80 characters loses its `/`).
 */
export function splitName(text: string): [surname: string, firstNames: string] {
  const star = text.indexOf('*');
  const slash = text.indexOf('/', star + 1);
  if (star === -1) return [(slash === -1 ? text : text.slice(0, slash)).trim(), ''];
  return [text.slice(0, star).trim(), text.slice(star + 1, slash === -1 ? text.length : slash).trim()];
}
