import { compact, daysInMonth, french, iso, pad, ymd, type Day } from './calendar.ts';
import type { Outcome } from './ground-truth.ts';
import type { Rng } from './random.ts';

/**
 * The kinds of dirt real exports carry, as small functions from a clean value to what the file
 * holds and what a reader must make of it. Each kind fires with a probability proportional to
 * the run's dirt rate (`--dirt`, default 0.02); the factors below are that kind's share, listed
 * in docs/synth.md. At rate 0 every value is written clean.
 */
export const RATES = {
  patientDateFormat: 4,
  patientDateUnparseable: 0.5,
  patientSexSpelling: 3,
  patientSexUnknown: 0.5,
  patientSexMissing: 0.25,
  consultationFkMissing: 0.5,
  consultationCodeFormat: 1,
  consultationDuplicate: 0.5,
  stayDateUnparseable: 0.5,
  stayLengthUnparseable: 0.25,
  stayLengthNegative: 0.25,
  stayTruncated: 0.25,
  stayDuplicate: 0.5,
  stayUnknownCode: 0.25,
  stayFinessSuffix: 1,
  finessTruncated: 0.1,
  finessUtf8Name: 0.05,
  deathBirthDayUnknown: 1,
  deathBirthMonthUnknown: 0.33,
  deathDayUnknown: 0.2,
  deathDuplicate: 0.5,
  deathCorrected: 0.25,
  deathTruncated: 0.25,
  deathWrongEncoding: 0.05,
  rppsDateUnparseable: 0.5,
  rppsIdMissing: 0.25,
} as const;

export type DirtKind = keyof typeof RATES;

/** A value as written, with what the reader must make of it when it is dirty. */
export interface Written {
  text: string;
  truth: (Outcome & { expected: Record<string, unknown> }) | null;
}

export class Dirt {
  constructor(readonly rate: number) {}

  /** Whether one value or row gets this kind of dirt. */
  fires(rng: Rng, kind: DirtKind): boolean {
    // Always draw, so that a clean run and a dirty run consume the stream alike.
    const draw = rng.next();
    return this.rate > 0 && draw < this.rate * RATES[kind];
  }

  /** How many rows of `count` get a kind of dirt that must show at least once when there is any dirt. */
  atLeastOne(count: number, kind: DirtKind, minimum = 1): number {
    if (this.rate === 0 || count === 0) return 0;
    return Math.min(count, Math.max(minimum, Math.round(count * this.rate * RATES[kind])));
  }

  /** `Patient."Date"`, a text column: ISO when clean, the other spellings of hospital exports otherwise. */
  patientBirthDate(rng: Rng, birth: Day, mayBeUnreadable: boolean): Written {
    const d = ymd(birth);
    const formatDraw = this.fires(rng, 'patientDateFormat');
    const unreadableDraw = this.fires(rng, 'patientDateUnparseable');
    const variant = rng.int(0, 3);
    if (unreadableDraw && mayBeUnreadable) {
      const text = [
        `31/02/${d.year}`,
        'inconnue',
        `${d.year}-13-${pad(d.day)}`,
        `${pad(daysInMonth(d.year, d.month) === 31 ? 32 : 31)}/${pad(d.month)}/${d.year}`,
      ][variant];
      return { text, truth: { outcome: 'warning', code: 'date-unparseable', expected: { birth_year: null, birth_month: null } } };
    }
    if (formatDraw) {
      const text = [french(birth), `${pad(d.day)}-${pad(d.month)}-${d.year}`, compact(birth), french(birth)][variant];
      return { text, truth: { outcome: 'repair', code: 'date-format', expected: { birth_year: d.year, birth_month: d.month } } };
    }
    return { text: iso(birth), truth: null };
  }

  /** `Patient."Sexe"`: `M`/`F` when clean; the spellings of French exports, unknown codes or nothing otherwise. */
  patientSex(rng: Rng, sex: 'M' | 'F', mayBeUnknown: boolean): Written {
    const spelling = this.fires(rng, 'patientSexSpelling');
    const unknown = this.fires(rng, 'patientSexUnknown');
    const missing = this.fires(rng, 'patientSexMissing');
    const male = ['H', 'Homme', 'homme', 'masculin', 'Masculin', '1', 'm', 'M ', 'HOMME'];
    const female = ['Femme', 'femme', 'féminin', 'Féminin', '2', 'f', 'F ', 'FEMME', 'feminin'];
    const pickFrom = rng.int(0, 1_000_000);
    if (mayBeUnknown && unknown) {
      const text = ['X', '?', 'I', 'NR', 'Inconnu'][pickFrom % 5];
      return { text, truth: { outcome: 'warning', code: 'sex-unknown', expected: { sex: null } } };
    }
    if (mayBeUnknown && missing) return { text: '', truth: { outcome: 'repair', code: 'sex-missing', expected: { sex: null } } };
    if (spelling) {
      const list = sex === 'M' ? male : female;
      return { text: list[pickFrom % list.length], truth: { outcome: 'repair', code: 'sex-spelling', expected: { sex } } };
    }
    return { text: sex, truth: null };
  }

  /** `Consultation."Code_diag"`: the table's spelling when clean; lower case, no dot or a trailing space otherwise. */
  consultationCode(rng: Rng, code: string): Written {
    const fires = this.fires(rng, 'consultationCodeFormat');
    const variant = rng.int(0, 3);
    if (!fires) return { text: code, truth: null };
    const noDot = code.replace('.', '');
    const text = [code.toLowerCase(), noDot, noDot.toLowerCase(), `${code} `][variant];
    return { text, truth: { outcome: 'repair', code: 'code-format', expected: { diagnosis_code: noDot } } };
  }

  /** A stay's admission date: `DD/MM/YYYY` when clean, an impossible date otherwise (the row cannot be placed in time). */
  stayDate(rng: Rng, day: Day): Written {
    const fires = this.fires(rng, 'stayDateUnparseable');
    const variant = rng.int(0, 3);
    if (!fires) return { text: french(day), truth: null };
    const d = ymd(day);
    const text = [`31/02/${d.year}`, `${pad(d.day)}/13/${d.year}`, `00/00/0000`, `${pad(d.day)}/${pad(d.month)}/${String(d.year).slice(2)}xx`][variant];
    return { text, truth: { outcome: 'quarantine', code: 'date-unparseable', expected: {} } };
  }

  /** A stay's length in days: an integer when clean, text or a negative number otherwise. */
  stayLength(rng: Rng, days: number): Written {
    const text = this.fires(rng, 'stayLengthUnparseable');
    const negative = this.fires(rng, 'stayLengthNegative');
    const variant = rng.int(0, 2);
    if (text) return { text: ['NA', `${days}j`, '?'][variant], truth: { outcome: 'quarantine', code: 'number-unparseable', expected: {} } };
    if (negative) return { text: `-${days}`, truth: { outcome: 'quarantine', code: 'value-invalid', expected: {} } };
    return { text: String(days), truth: null };
  }

  /** An INSEE birth date: `AAAAMMJJ` when clean, with `00` for an unknown day or month otherwise. */
  deathBirthDate(rng: Rng, birth: Day): Written {
    const dayUnknown = this.fires(rng, 'deathBirthDayUnknown');
    const monthUnknown = this.fires(rng, 'deathBirthMonthUnknown');
    const d = ymd(birth);
    if (monthUnknown) {
      // INSEE writes an unknown month with its day either unknown too or kept.
      const text = rng.chance(0.7) ? `${d.year}0000` : `${d.year}00${pad(d.day)}`;
      return { text, truth: { outcome: 'repair', code: 'date-partial', expected: { birth_year: d.year, birth_month: null, age_at_death: null } } };
    }
    if (dayUnknown) {
      return { text: `${d.year}${pad(d.month)}00`, truth: { outcome: 'repair', code: 'date-partial', expected: { birth_year: d.year, birth_month: d.month, age_at_death: null } } };
    }
    return { text: compact(birth), truth: null };
  }

  /** An INSEE death date: complete when clean, its day `00` otherwise. */
  deathDate(rng: Rng, death: Day): Written {
    if (!this.fires(rng, 'deathDayUnknown')) return { text: compact(death), truth: null };
    const d = ymd(death);
    return {
      text: `${d.year}${pad(d.month)}00`,
      truth: { outcome: 'repair', code: 'date-partial', expected: { death_date: null, death_year: d.year, death_month: d.month, age_at_death: null } },
    };
  }

  /** An RPPS activity start date: `DD/MM/YYYY` when clean, an impossible or foreign spelling otherwise. */
  rppsDate(rng: Rng, day: Day): Written {
    const fires = this.fires(rng, 'rppsDateUnparseable');
    const variant = rng.int(0, 2);
    if (!fires) return { text: french(day), truth: null };
    const d = ymd(day);
    const text = [`31/06/${d.year}`, `${pad(d.day)}/${pad(d.month)}/${d.year}${d.year}`, `${d.month}-${d.year}`][variant];
    return { text, truth: { outcome: 'warning', code: 'date-unparseable', expected: { start_date: null } } };
  }
}

/** Keeps the first `keepFields` fields of a delimited line, as a broken export cuts a line. */
export function truncateFields(line: string, separator: string, keepFields: number): string {
  return line.split(separator).slice(0, keepFields).join(separator);
}
