import { isUtf8 } from 'node:buffer';
import { compactDate, parseInseeDateBytes, UNKNOWN_YEAR } from './insee-date.ts';
import { POSITIONS, RECORD_LENGTH } from './layout.ts';
import { deathValues, isAfter, splitName } from './record.ts';
import type { PartialDate } from '../normalise/dates.ts';
import { decodeCp1252 } from '../text/lines.ts';
import type { RawValue } from '../types.ts';
import { deathLinkId, type Pseudonymiser } from '../../identity/pseudonymiser.ts';

const SPACE = 32;
const STAR = 42;
const SLASH = 47;
const PIPE = 124;

/**
 * The fixed-width reader's fast path. Nearly every line of the registry is plain: one whole
 * record without control bytes, readable dates, a name, a sex, nothing to warn about. Such a line
 * is read here from its bytes, an ASCII name folded and hashed without building a string; any
 * other line gets `null` and goes to the general path (`fixedWidthFields` and `deathRow`), which
 * decides what becomes of it. The rows are the general path's own (plain-record.test.ts compares
 * the two on every line of generated files and on lines edited across each condition).
 */
export class PlainRecords {
  private readonly link: ReturnType<Pseudonymiser['byteWriter']>;

  constructor(private readonly pseudonymiser: Pseudonymiser) {
    this.link = pseudonymiser.byteWriter('death-link');
  }

  row(line: Buffer): RawValue[] | null {
    let length = line.length;
    if (length > 0 && line[length - 1] === 13) length -= 1;
    if (length < RECORD_LENGTH) return null;
    let ascii = true;
    for (let i = 0; i < length; i++) {
      const b = line[i];
      if (b < 0x20 || b === 0x7f || (i >= RECORD_LENGTH && b !== SPACE)) return null;
      if (b > 0x7f) ascii = false;
    }
    // Accented letters (a commune, a name): the general path places fields by bytes when a UTF-8
    // line is 200 bytes long and decodes a line that is not UTF-8 one byte a character, so on a
    // line of exactly 200 bytes both put every field where the bytes are.
    let text: FieldText = asciiField;
    if (!ascii) {
      if (length !== RECORD_LENGTH || (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf)) return null;
      text = isUtf8(line.subarray(0, length)) ? utf8Field : cp1252Field;
    }

    const death = parseInseeDateBytes(line, POSITIONS.datedeces[0]);
    if (death === null || death === UNKNOWN_YEAR) return null;
    const deathPlace = text(line, POSITIONS.lieudeces);
    if (deathPlace === null) return null;
    const sexByte = line[POSITIONS.sexe[0]];
    const sex = sexByte === 0x31 ? 'M' : sexByte === 0x32 ? 'F' : null;
    if (sex === null) return null;

    const parsedBirth = parseInseeDateBytes(line, POSITIONS.datenaiss[0]);
    if (parsedBirth === null) return null;
    let birth: PartialDate | null = null;
    let linkBirthDate: string;
    if (parsedBirth === UNKNOWN_YEAR) {
      linkBirthDate = line.toString('latin1', POSITIONS.datenaiss[0], POSITIONS.datenaiss[1]);
    } else {
      if (isAfter(parsedBirth, death)) return null;
      birth = parsedBirth;
      linkBirthDate = compactDate(parsedBirth);
    }

    const linkId = ascii || isAsciiIn(line, POSITIONS.nomprenom)
      ? this.linkId(line, sex, linkBirthDate)
      : this.linkIdOfText(text(line, POSITIONS.nomprenom) ?? '', sex, linkBirthDate);
    if (linkId === null) return null;
    return deathValues({
      linkId,
      sex,
      birth,
      birthPlace: text(line, POSITIONS.lieunaiss),
      birthCountry: text(line, POSITIONS.paysnaiss),
      death,
      deathPlace,
      recordNumber: text(line, POSITIONS.actedeces),
    });
  }

  /** A name with accents goes through the general path's own functions. */
  private linkIdOfText(name: string, sex: 'M' | 'F', birthDate: string): string | null {
    const [surname, firstNames] = splitName(name);
    return surname === '' ? null : this.pseudonymiser.pseudonym('death-link', deathLinkId(surname, firstNames, sex, birthDate));
  }

  /**
   * `pseudonym('death-link', deathLinkId(surname, firstNames, sex, birthDate))` from the name's
   * bytes, with `splitName`'s and `foldName`'s rules (for ASCII, folding keeps runs of letters,
   * upper-cased, one space apart); null when the surname is empty, which the general path warns of.
   */
  private linkId(line: Buffer, sex: 'M' | 'F', birthDate: string): string | null {
    const [start, end] = POSITIONS.nomprenom;
    const star = indexIn(line, STAR, start, end);
    const slash = indexIn(line, SLASH, star === -1 ? start : star + 1, end);
    const surnameEnd = star !== -1 ? star : slash !== -1 ? slash : end;
    if (isBlank(line, start, surnameEnd)) return null;
    const out = this.link.buffer;
    let at = foldInto(line, start, surnameEnd, out, this.link.start, false);
    out[at++] = PIPE;
    if (star !== -1) at = foldInto(line, star + 1, slash === -1 ? end : slash, out, at, true);
    out[at++] = PIPE;
    out[at++] = sex.charCodeAt(0);
    out[at++] = PIPE;
    at += out.write(birthDate, at, 'latin1');
    return this.link.pseudonym(at);
  }
}

/** Runs of letters of `line[start, end)`, upper-cased and one space apart; only the first run when `firstWord`. */
function foldInto(line: Buffer, start: number, end: number, out: Buffer, at: number, firstWord: boolean): number {
  let wrote = false;
  let gap = false;
  for (let i = start; i < end; i++) {
    let c = line[i];
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= 65 && c <= 90) {
      if (gap && wrote) {
        if (firstWord) return at;
        out[at++] = SPACE;
      }
      out[at++] = c;
      wrote = true;
      gap = false;
    } else {
      gap = true;
    }
  }
  return at;
}

/** A field as the general path trims it, or null when nothing is left. */
type FieldText = (line: Buffer, range: readonly [number, number]) => string | null;

/** Printable ASCII: only spaces to trim, and one character a byte. */
const asciiField: FieldText = (line, [start, end]) => {
  while (start < end && line[start] === SPACE) start++;
  while (end > start && line[end - 1] === SPACE) end--;
  return start === end ? null : line.toString('latin1', start, end);
};

const utf8Field: FieldText = (line, [start, end]) => line.toString('utf8', start, end).trim() || null;

const cp1252Field: FieldText = (line, [start, end]) => decodeCp1252(line.subarray(start, end)).trim() || null;

function isAsciiIn(line: Buffer, [start, end]: readonly [number, number]): boolean {
  for (let i = start; i < end; i++) if (line[i] > 0x7f) return false;
  return true;
}

function indexIn(line: Buffer, byte: number, start: number, end: number): number {
  const i = line.indexOf(byte, start);
  return i === -1 || i >= end ? -1 : i;
}

function isBlank(line: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (line[i] !== SPACE) return false;
  return true;
}
