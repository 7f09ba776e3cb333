import { daysInMonth, parseDate } from '../normalise/dates.ts';

/**
 * Readers of the values of the care database. Typed columns come out of COPY in one spelling,
 * but hospitals' copies often hold numbers, times and dates in text columns, typed by hand.
 */

/** A whole number (integer or bigint column, or digits in a text column); null when it is not one. */
export function parseInteger(text: string): number | null {
  // Digits only, as an integer column comes out of COPY: read without a regular expression.
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || i === 15) return parseSignedInteger(text);
    value = value * 10 + digit;
  }
  return text.length > 0 ? value : null;
}

function parseSignedInteger(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal written with a point or a French comma (`72,5`); null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  return Number(trimmed);
}

// How a time column comes out of COPY: checked in one test, as most rows are spelled so.
const COPY_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** `HH:MM:SS` from `08:30`, `8:30:00`, `08:30:00.123456` or `8h30`; null when it is no time of day. */
export function parseTime(text: string): string | null {
  if (COPY_TIME.test(text)) return text;
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A complete date (normalise/dates.ts formats), with a shortcut for the ISO spelling a date
 * column has in COPY output, which is most rows of a consultation table.
 */
export function parseFullDate(text: string): string | null {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const [year, month, day] = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)];
    if (year >= 0 && month >= 0 && day >= 0) {
      const plausible = year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1;
      return plausible && (day <= 28 || day <= daysInMonth(year, month)) ? text : null;
    }
  }
  return parseDate(text);
}

/** The number written by the digits in [start, end), or -1 when one of them is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Empty and blank text is a missing value, as NULL is. */
export function present(text: string | null): text is string {
  if (text === null || text.length === 0) return false;
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || text.trim() !== '';
}
