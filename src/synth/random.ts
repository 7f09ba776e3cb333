/**
 * Seeded randomness for the generator. Every entity draws from its own stream, derived from the
 * run's seed, a stream name and the entity's index, so that any writer can rebuild patient 12 345
 * without replaying the 12 344 before it: files stay byte-identical for a seed, and memory stays
 * flat whatever the number of patients.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string, index = 0) {
    const s = mix(mix(seed >>> 0) ^ hashString(stream)) ^ mix(index >>> 0) ^ mix(Math.floor(index / 2 ** 32));
    this.a = mix((s + 0x9e3779b9) | 0);
    this.b = mix((this.a + 0x9e3779b9) | 0);
    this.c = mix((this.b + 0x9e3779b9) | 0);
    this.d = mix((this.c + 0x9e3779b9) | 0);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** sfc32: small, fast and good enough for simulation; 32-bit integer arithmetic only, so identical everywhere. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Normal deviate (Box–Muller); one value per call keeps the stream simple to reason about. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson count (Knuth), for the small means used here (consultations and stays per year). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units: stream names are short ASCII words. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Draws items in proportion to their weights (cumulative table and binary search: O(log n) a draw). */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(readonly items: readonly T[], weight: (item: T) => number) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      sum += Math.max(0, weight(item));
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedPicker needs at least one positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * A bijection of [0, size) that looks random, for identifiers that must be unique without
 * remembering those already given (stay numbers): an affine map modulo a prime above `size`.
 */
export class Scrambler {
  private readonly prime: number;
  private readonly factor: number;
  private readonly offset: number;

  constructor(size: number, rng: Rng) {
    this.prime = nextPrime(Math.max(size, 1000));
    this.factor = rng.int(2, this.prime - 1);
    this.offset = rng.int(0, this.prime - 1);
  }

  /** Distinct inputs below the prime give distinct outputs in [0, prime). */
  map(n: number): number {
    // The product may exceed 2^53: split the factor to stay exact in double arithmetic.
    const high = Math.floor(this.factor / 65536);
    const low = this.factor % 65536;
    const product = (((high * n) % this.prime) * 65536 + low * n) % this.prime;
    return (product + this.offset) % this.prime;
  }
}

function nextPrime(n: number): number {
  for (let candidate = n | 1; ; candidate += 2) {
    let prime = true;
    for (let d = 3; d * d <= candidate; d += 2) {
      if (candidate % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) return candidate;
  }
}

/** `count` distinct items drawn without replacement (partial Fisher–Yates on a copy). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
