import { isCogCommune } from './cog.ts';

/** Two characters of département (digits, or `2A`/`2B` for Corsica) then seven digits. */
const FINESS_NUMBER = /^(?:\d{2}|2[AB])\d{7}$/;

/**
 * A FINESS number as the national directory writes it, or null when the text cannot be one.
 * Eight digits are a FINESS whose leading zero a spreadsheet dropped (`10000024` for `010000024`).
 */
export function normaliseFiness(text: string): string | null {
  const compact = text.trim().toUpperCase();
  if (/^[1-9]\d{7}$/.test(compact)) return '0' + compact;
  return FINESS_NUMBER.test(compact) ? compact : null;
}

/** FINESS writes overseas départements with a letter; the COG gives them three digits. */
const OVERSEAS: Record<string, string> = {
  '9A': '971',
  '9B': '972',
  '9C': '973',
  '9D': '974',
  '9E': '975',
  '9F': '976',
  '9J': '986',
};

/**
 * Saint-Barthélemy and Saint-Martin left Guadeloupe in 2007; FINESS still files them under `9A`
 * with their old commune numbers, which the COG does not keep among the former codes.
 */
const LEFT_GUADELOUPE: Record<string, string> = { '97123': '97701', '97127': '97801' };

/** COG département of a FINESS département code (`01`…`95`, `2A`, `2B`, `9A`…), or null. */
export function cogDepartement(text: string): string | null {
  const code = text.trim().toUpperCase();
  if (OVERSEAS[code]) return OVERSEAS[code];
  if (code === '2A' || code === '2B') return code;
  // One digit is a département whose leading zero a spreadsheet dropped.
  const digits = /^\d{1,2}$/.test(code) ? code.padStart(2, '0') : null;
  if (digits === null || digits === '00' || digits === '20' || Number(digits) > 95) return null;
  return digits;
}

/**
 * The COG commune code of a FINESS commune number within its département, or null when no such
 * commune exists. Overseas, the FINESS number already holds the département's third digit
 * (`9A` + `101` is `97101`), so it must agree with the département.
 */
export function cogCommune(departement: string, commune: string): string | null {
  const number = commune.trim();
  if (!/^\d{1,3}$/.test(number)) return null;
  const padded = number.padStart(3, '0');
  let code: string;
  if (departement.length === 3) {
    if (padded[0] !== departement[2]) return null;
    code = departement.slice(0, 2) + padded;
  } else {
    code = departement + padded;
  }
  code = LEFT_GUADELOUPE[code] ?? code;
  return isCogCommune(code) ? code : null;
}

/** The COG département a commune code belongs to (three characters overseas). */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** A commune code as other directories write it (5 characters), checked against the COG; null when unknown. */
export function normaliseCommuneCode(text: string): string | null {
  const compact = text.trim().toUpperCase();
  // Four digits are a code whose leading zero a spreadsheet dropped (`1053` for `01053`).
  const code = /^\d{4}$/.test(compact) ? '0' + compact : compact;
  return /^(?:\d{5}|2[AB]\d{3})$/.test(code) && isCogCommune(code) ? code : null;
}
