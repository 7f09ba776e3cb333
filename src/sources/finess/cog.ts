import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface CogCommune {
  code: string;
  anciensCodes?: string[];
}

let codes: Set<string> | null = null;

/**
 * True when `code` is a commune of the official geographic code, current or merged away since
 * (`anciensCodes`), arrondissements municipaux included: directories keep the code a place had
 * when it was registered, so an old code is still a real place. The list is read once and only
 * the codes are kept (the package's own entry point resolves its data against the working directory).
 */
export function isCogCommune(code: string): boolean {
  if (codes === null) {
    const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    const communes = JSON.parse(readFileSync(path, 'utf8')) as CogCommune[];
    codes = new Set();
    for (const commune of communes) {
      codes.add(commune.code);
      for (const old of commune.anciensCodes ?? []) codes.add(old);
    }
  }
  return codes.has(code);
}
