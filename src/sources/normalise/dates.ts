/** A calendar date whose day or month may be unknown (INSEE writes `00` for them). */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

const FORMATS: { pattern: RegExp; order: 'dmy' | 'ymd' }[] = [
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$/, order: 'ymd' },
  { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: 'ymd' },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
];

/**
 * Parses the date spellings hospital exports use (French day-first orders, ISO, compact
 * `AAAAMMJJ`). Day-first is the only slash order accepted: French sources never write
 * month-first, and guessing would silently swap days and months. Returns null when the text is
 * no date or names an impossible day (31/02).
 */
export function parseDate(text: string): string | null {
  const partial = parsePartialDate(text);
  if (!partial || partial.month === null || partial.day === null) return null;
  return isoDate(partial.year, partial.month, partial.day);
}

/** Like parseDate, but `00` day or month means "unknown" and is kept as null (INSEE). */
export function parsePartialDate(text: string): PartialDate | null {
  const trimmed = text.trim();
  for (const { pattern, order } of FORMATS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] = order === 'dmy' ? [c, b, a] : [a, b, c];
    return checkPartial(year, month, day);
  }
  return null;
}

function checkPartial(year: number, month: number, day: number): PartialDate | null {
  if (year < 1800 || year > 2200) return null;
  if (month > 12 || day > 31) return null;
  // A day without its month says nothing usable, so both are unknown.
  if (month === 0) return { year, month: null, day: null };
  if (day === 0) return { year, month, day: null };
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years between two complete dates, as a person's age on `at`. */
export function ageInYears(birth: PartialDate, at: PartialDate): number | null {
  if (birth.month === null || birth.day === null || at.month === null || at.day === null) return null;
  let age = at.year - birth.year;
  if (at.month < birth.month || (at.month === birth.month && at.day < birth.day)) age -= 1;
  return age;
}
