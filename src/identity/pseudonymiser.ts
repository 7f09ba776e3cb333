import { createHmac } from 'node:crypto';
import { KeyedSha256 } from './hmac-sha256.ts';

/**
 * Pseudonym namespaces. The same namespace is used wherever the same real-world identifier
 * appears (a professional's RPPS number in the care database and in the RPPS directory), so
 * that pseudonyms join across sources; different namespaces never collide.
 */
export type PseudonymDomain = 'patient' | 'professional' | 'death-link';

/** Keyed pseudonyms: HMAC-SHA-256(secret, domain || ':' || id), hex, truncated to 128 bits. */
export class Pseudonymiser {
  private readonly hmac: KeyedSha256;

  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('the pseudonymisation key must hold at least 32 bytes');
    this.hmac = new KeyedSha256(key);
  }

  pseudonym(domain: PseudonymDomain, id: string): string {
    return this.hmac.hex(`${domain}:${id}`, 32);
  }

  /**
   * `pseudonym(domain, id)` for ids that a reader assembles byte by byte: the reader writes the
   * id's UTF-8 bytes into `buffer` from `start` and calls `pseudonym(end)`. Saves building a string
   * per row where a reader never needs the id itself.
   */
  byteWriter(domain: PseudonymDomain): { buffer: Buffer; start: number; pseudonym(end: number): string } {
    const buffer = Buffer.alloc(1024);
    const start = buffer.write(`${domain}:`, 0, 'utf8');
    return { buffer, start, pseudonym: (end) => this.hmac.hexOfBytes(buffer, end, 32) };
  }

  /** The key, for the worker threads of this process that read a file's segments (sources/segments.ts). */
  keyForWorkers(): Uint8Array {
    return new Uint8Array(this.key);
  }

  /** A value stored beside the warehouse to prove later loads use the same key, without revealing it. */
  fingerprint(): string {
    return createHmac('sha256', this.key).update('entrepot-key-fingerprint').digest('hex').slice(0, 16);
  }
}

/**
 * Key for linking a person across the care database and the INSEE death registry: normalised
 * surname, first given name, sex and birth date (`YYYYMMDD`, unknown parts `00`). Accents,
 * case, hyphens and spaces are folded because the registry writes names in upper-case ASCII.
 */
export function deathLinkId(surname: string, firstNames: string, sex: 'M' | 'F' | null, birthDate: string): string {
  const first = foldName(firstNames).split(' ')[0] ?? '';
  return [foldName(surname), first, sex ?? '', birthDate].join('|');
}

export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
