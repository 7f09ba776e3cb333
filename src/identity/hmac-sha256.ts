import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA-256 for short messages with the key's inner and outer states computed once.
 * Node's `createHmac` makes a native object per call: at tens of millions of pseudonyms a load
 * that cost more in allocation and garbage collection than in hashing. Output is identical to
 * `createHmac` (a test compares them on random messages); messages longer than the scratch
 * buffer go to `createHmac`.
 */
export class KeyedSha256 {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly state = new Int32Array(8);
  private readonly outerBlock = new Int32Array(16);
  private readonly bytes = Buffer.alloc(MAX_MESSAGE + 72);
  private readonly words = new Int32Array((MAX_MESSAGE + 72) / 4);

  constructor(private readonly key: Buffer) {
    if (key.length > 64) throw new Error('HMAC keys longer than one block are not supported here');
    const ipad = Buffer.alloc(64, 0x36);
    const opad = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i++) {
      ipad[i] ^= key[i];
      opad[i] ^= key[i];
    }
    this.inner = midstate(ipad);
    this.outer = midstate(opad);
  }

  /** Lower-case hex digest of `message` (UTF-8), its first `hexLength` characters. */
  hex(message: string, hexLength = 64): string {
    if (message.length * 3 > MAX_MESSAGE) return createHmac('sha256', this.key).update(message).digest('hex').slice(0, hexLength);
    return this.digest(this.bytes.write(message, 0, 'utf8'), hexLength);
  }

  /** The same for a message already encoded: the first `length` bytes of `message`. */
  hexOfBytes(message: Uint8Array, length: number, hexLength = 64): string {
    if (length > MAX_MESSAGE) return createHmac('sha256', this.key).update(message.subarray(0, length)).digest('hex').slice(0, hexLength);
    this.bytes.set(message.subarray(0, length), 0);
    return this.digest(length, hexLength);
  }

  /** The digest of the first `n` bytes of the scratch buffer. */
  private digest(n: number, hexLength: number): string {
    const bytes = this.bytes;
    const blocks = ((n + 8) >>> 6) + 1;
    bytes.fill(0, n, blocks * 64);
    bytes[n] = 0x80;
    bytes.writeUInt32BE((n + 64) * 8, blocks * 64 - 4);
    const words = this.words;
    for (let i = 0; i < blocks * 16; i++) {
      const o = i * 4;
      words[i] = (bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3];
    }
    const h = this.state;
    h.set(this.inner);
    for (let b = 0; b < blocks; b++) compress(h, words, b * 16);
    const block = this.outerBlock;
    for (let i = 0; i < 8; i++) block[i] = h[i];
    block[8] = 0x80000000;
    block.fill(0, 9, 15);
    block[15] = (64 + 32) * 8;
    h.set(this.outer);
    compress(h, block, 0);
    let out = '';
    for (let i = 0; i < 8 && out.length < hexLength; i++) {
      const v = h[i];
      out += HEX[(v >>> 24) & 255] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
    }
    return out.slice(0, hexLength);
  }
}

const MAX_MESSAGE = 1024;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);

function midstate(pad: Buffer): Int32Array {
  const h = IV.slice();
  const block = new Int32Array(16);
  for (let i = 0; i < 16; i++) block[i] = pad.readInt32BE(i * 4);
  compress(h, block, 0);
  return h;
}

/** The SHA-256 compression function (FIPS 180-4, 6.2.2) on one 16-word block. */
function compress(h: Int32Array, m: Int32Array, offset: number): void {
  for (let i = 0; i < 16; i++) W[i] = m[offset + i];
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15];
    const w2 = W[i - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
}
