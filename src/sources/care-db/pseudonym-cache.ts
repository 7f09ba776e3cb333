import type { PseudonymDomain, Pseudonymiser } from '../../identity/pseudonymiser.ts';

/**
 * Remembers the latest pseudonyms of one domain. An HMAC costs about 2 µs, more than the rest of
 * a consultation row, and consultations name the same patients and professionals again and
 * again. The oldest entry makes room for a new one, so memory stays bounded whatever the table size.
 */
export class PseudonymCache {
  private readonly entries = new Map<string | number, string>();

  constructor(
    private readonly pseudonymiser: Pseudonymiser,
    private readonly domain: PseudonymDomain,
    private readonly capacity = 1 << 17,
  ) {}

  /** Numeric ids are looked up as numbers: hashing a fresh string costs more than the lookup. */
  get(id: string | number): string {
    let pseudonym = this.entries.get(id);
    if (pseudonym === undefined) {
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
      pseudonym = this.pseudonymiser.pseudonym(this.domain, String(id));
      this.entries.set(id, pseudonym);
    }
    return pseudonym;
  }
}
