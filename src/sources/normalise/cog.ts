import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A commune of the official geographic code, as `@etalab/decoupage-administratif` ships it. */
export interface CogCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  codesPostaux?: string[];
  chefLieu?: string;
  anciensCodes?: string[];
}

let communes: CogCommune[] | null = null;
let codes: Set<string> | null = null;

/**
 * Every commune of the COG, read once per process for all readers (the list is ~10 MB of JSON).
 * Read by path because the package's own entry point resolves its data against the working directory.
 */
export function cogCommunes(): CogCommune[] {
  if (communes === null) {
    const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    communes = JSON.parse(readFileSync(path, 'utf8')) as CogCommune[];
  }
  return communes;
}

/**
 * True when `code` is a commune of the official geographic code, current or merged away since
 * (`anciensCodes`), arrondissements municipaux included: directories keep the code a place had
 * when it was registered, so an old code is still a real place.
 */
export function isCogCommune(code: string): boolean {
  if (codes === null) {
    codes = new Set();
    for (const commune of cogCommunes()) {
      codes.add(commune.code);
      for (const old of commune.anciensCodes ?? []) codes.add(old);
    }
  }
  return codes.has(code);
}
