import { daysInMonth, parsePartialDate, type PartialDate } from '../normalise/dates.ts';

/** INSEE writes `0000` for a year nobody knew: a fact about the person, not a reading error. */
export const UNKNOWN_YEAR = 'unknown-year';

/**
 * Reads a registry date, `AAAAMMJJ` with `00` for an unknown day or month. Two dates a line on
 * tens of millions of lines make the general parser's regular expressions the reader's main
 * cost, so the compact form is read digit by digit under the same rules as `parsePartialDate`
 * (reader.test.ts holds the two together); other spellings, which only a CSV that went through
 * a spreadsheet has, go to `parsePartialDate`.
 */
export function parseInseeDate(text: string): PartialDate | typeof UNKNOWN_YEAR | null {
  if (text.length !== 8) return parsePartialDate(text);
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return parsePartialDate(text);
    value = value * 10 + digit;
  }
  return inseeDateOf(value);
}

/** The same for the 8 bytes at `start`, or null when they are not all digits (the caller then reads the text). */
export function parseInseeDateBytes(bytes: Uint8Array, start: number): PartialDate | typeof UNKNOWN_YEAR | null {
  let value = 0;
  for (let i = start; i < start + 8; i++) {
    const digit = bytes[i] - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return inseeDateOf(value);
}

/** `AAAAMMJJ` read as a number. */
function inseeDateOf(value: number): PartialDate | typeof UNKNOWN_YEAR | null {
  const year = Math.floor(value / 10000);
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  if (year === 0) return UNKNOWN_YEAR;
  if (year < 1800 || year > 2200 || month > 12 || day > 31) return null;
  // A day without its month says nothing usable, so both are unknown (as parsePartialDate).
  if (month === 0) return { year, month: null, day: null };
  if (day === 0) return { year, month, day: null };
  if (day > 28 && day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The date as `YYYYMMDD` with `00` for unknown parts: the form deathLinkId expects. */
export function compactDate(date: PartialDate): string {
  return String(date.year).padStart(4, '0') + pad2(date.month ?? 0) + pad2(date.day ?? 0);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
