import { pad } from './calendar.ts';
import type { Rng } from './random.ts';

/** Luhn check digit of a digit string (FINESS, SIREN/SIRET and RPPS numbers all end with one). */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** RPPS: 11 digits, starting with 1, Luhn key last. */
export function rppsNumber(rng: Rng): string {
  const body = '100' + pad(rng.int(0, 9_999_999), 7);
  return body + luhnDigit(body);
}

/** ADELI: 9 digits: département (2), profession (2), order (4), key. */
export function adeliNumber(rng: Rng, departement: string, profession: string): string {
  const dept = /^\d{2}$/.test(departement) ? departement : departement.startsWith('97') ? '97' : '20';
  const body = dept + profession.slice(0, 2) + pad(rng.int(0, 9999), 4);
  return body + luhnDigit(body);
}

/** SIRET: SIREN (9, Luhn) + establishment number (5), the whole 14 digits also Luhn-valid. */
export function siretNumber(rng: Rng, publicBody: boolean): string {
  const sirenBody = (publicBody ? '26' : String(rng.int(30, 89))) + pad(rng.int(0, 999_999), 6);
  const siren = sirenBody + luhnDigit(sirenBody);
  const nicBody = siren + pad(rng.int(1, 999), 4);
  return nicBody + luhnDigit(nicBody);
}

/**
 * NIR (French social security number): sex, birth year and month, birth place (COG commune code,
 * `2A`/`2B` kept, or `99` + country), order, and a key computed with Corsica read as 19/18.
 */
export function nirNumber(sex: 'M' | 'F', birthYear: number, birthMonth: number, birthPlace: string, order: number): string {
  const body = (sex === 'M' ? '1' : '2') + pad(birthYear % 100) + pad(birthMonth) + birthPlace + pad(order, 3);
  const numeric = BigInt(body.replace('2A', '19').replace('2B', '18'));
  const key = 97n - (numeric % 97n);
  return body + pad(Number(key));
}

/** French phone number with the area prefix of a département (overseas ones have their own). */
export function phoneNumber(rng: Rng, departement: string | null, mobile: boolean): string {
  if (mobile) return `0${rng.pick(['6', '7'])}${pad(rng.int(0, 99_999_999), 8)}`;
  const overseas: Record<string, string> = { '971': '0590', '972': '0596', '973': '0594', '974': '0262', '976': '0269' };
  const prefix = (departement && overseas[departement]) ?? `0${areaDigit(departement)}`;
  return prefix + pad(rng.int(0, 10 ** (10 - prefix.length) - 1), 10 - prefix.length);
}

function areaDigit(departement: string | null): string {
  if (!departement) return '1';
  if (['75', '77', '78', '91', '92', '93', '94', '95'].includes(departement)) return '1';
  if (['14', '22', '27', '28', '29', '35', '36', '37', '41', '44', '45', '49', '50', '53', '56', '61', '72', '76', '85', '18'].includes(departement)) return '2';
  if (['02', '08', '10', '21', '25', '39', '51', '52', '54', '55', '57', '58', '59', '60', '62', '67', '68', '70', '71', '80', '88', '89', '90'].includes(departement)) return '3';
  if (['01', '03', '04', '05', '06', '07', '13', '15', '2A', '2B', '26', '30', '34', '38', '42', '43', '48', '63', '69', '73', '74', '83', '84', '11', '66'].includes(departement)) return '4';
  return '5';
}
