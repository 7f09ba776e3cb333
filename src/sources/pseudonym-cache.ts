import type { PseudonymDomain, Pseudonymiser } from '../identity/pseudonymiser.ts';

/**
 * Remembers the recent pseudonyms of one domain. An HMAC costs about 2 µs, more than the rest of
 * a consultation row, and consultations name the same patients and professionals again and
 * again. Two generations bound memory whatever the table size: when the young one is full it
 * becomes the old one and the previous old one is dropped, and a hit in the old one moves the
 * entry back to the young one. (Evicting Map entries one by one from the front costs a scan of
 * the deleted slots V8 keeps until it rehashes: quadratic on a million patients.)
 */
export class PseudonymCache {
  private young = new Map<string | number, string>();
  private old = new Map<string | number, string>();

  constructor(
    private readonly pseudonymiser: Pseudonymiser,
    private readonly domain: PseudonymDomain,
    private readonly generation = 1 << 17,
  ) {}

  /** Numeric ids are looked up as numbers: hashing a fresh string costs more than the lookup. */
  get(id: string | number): string {
    const recent = this.young.get(id);
    if (recent !== undefined) return recent;
    const pseudonym = this.old.get(id) ?? this.pseudonymiser.pseudonym(this.domain, String(id));
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(id, pseudonym);
    return pseudonym;
  }
}
