import { cogCommunes } from '../normalise/cog.ts';

interface Candidate {
  code: string;
  /** Folded names: the commune's own and those of the former communes merged into it. */
  names: Set<string>;
}

export type Residence =
  | { kind: 'found'; code: string }
  | { kind: 'unknown' }
  | { kind: 'abroad' }
  | { kind: 'malformed'; postalCode: string };

const FRANCE = new Set(['FRANCE', 'FR', 'FRA']);

let byPostalCode: Map<string, Candidate[]> | null = null;

/**
 * The COG code of a patient's commune from the postal code and city the hospital recorded.
 * A postal code serves several communes more often than not (6,310 codes, 4,205 shared): the
 * city name picks among them, compared after folding. Former communes merged into a new one
 * keep their postal code and are still written by their old name, so their names count too.
 * Paris, Lyon and Marseille resolve to the commune, not the arrondissement. An empty country is France.
 */
export function communeOfResidence(postalCode: string, city: string | null, country: string | null): Residence {
  // A foreign postal code may look French (Brussels is 1000, as 01000 is Bourg-en-Bresse's).
  if (country !== null && country !== 'France' && !FRANCE.has(foldCity(country))) return { kind: 'abroad' };
  const code = postalCode.replace(/\s+/g, '');
  // Spreadsheets drop the leading zero of Ain…Ardennes codes (01400 → 1400).
  const normalised = /^\d{4}$/.test(code) ? `0${code}` : code;
  if (!/^\d{5}$/.test(normalised)) return { kind: 'malformed', postalCode };
  const candidates = index().get(normalised);
  if (!candidates) return { kind: 'unknown' };
  if (candidates.length === 1) return { kind: 'found', code: candidates[0].code };
  if (city === null) return { kind: 'unknown' };
  const folded = foldCity(city);
  const match = candidates.filter((c) => c.names.has(folded));
  return match.length === 1 ? { kind: 'found', code: match[0].code } : { kind: 'unknown' };
}

/** Accents, case, hyphens and apostrophes folded; `St`/`Ste` as `Saint`/`Sainte`; a `Cedex` suffix dropped. */
export function foldCity(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bCEDEX( \d+)?\b/g, ' ')
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\s+/g, ' ')
    .trim();
}

function index(): Map<string, Candidate[]> {
  if (byPostalCode) return byPostalCode;
  const communes = cogCommunes();
  const current = new Map<string, Candidate>();
  for (const commune of communes) {
    if (commune.type === 'commune-actuelle') current.set(commune.code, { code: commune.code, names: new Set([foldCity(commune.nom)]) });
  }
  for (const commune of communes) {
    if ((commune.type === 'commune-deleguee' || commune.type === 'commune-associee') && commune.chefLieu) {
      current.get(commune.chefLieu)?.names.add(foldCity(commune.nom));
    }
  }
  byPostalCode = new Map();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const postal of commune.codesPostaux ?? []) {
      const list = byPostalCode.get(postal) ?? [];
      list.push(current.get(commune.code)!);
      byPostalCode.set(postal, list);
    }
  }
  return byPostalCode;
}
