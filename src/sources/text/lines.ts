import { isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';

export interface TextLine {
  /** 1-based line number in the file. */
  number: number;
  /** The line decoded, without its line ending (LF or CRLF). */
  text: string;
  /** The encoding the line was decoded with: the declared one, or windows-1252 when it was not valid UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
  /** True when the line holds NUL or other control bytes that no text source has: binary garbage. */
  binary: boolean;
  /** Bytes read so far, for progress. */
  bytesRead: number;
}

export interface LineOptions {
  /**
   * `utf-8`: decode as UTF-8 and fall back to windows-1252 for a line that is not valid UTF-8
   * (files whose lines were re-encoded by different tools); `windows-1252`: the file is declared
   * single-byte (FINESS, e-Satis, INSEE before 2020) and every line is decoded as such, which is
   * also right for ISO-8859-1 since windows-1252 only adds characters in 0x80–0x9F.
   */
  encoding: 'utf-8' | 'windows-1252';
  /** Drop a UTF-8 byte order mark at the start of the file. */
  stripBom?: boolean;
}

/**
 * Characters of windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard); every other byte is its
 * ISO-8859-1 character. Node's own TextDecoder('windows-1252') has decoded these bytes as
 * ISO-8859-1 C1 controls since 20.18.3 (nodejs/node#60888), turning e-Satis's 0x96 into U+0096.
 */
export const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

/** Streams a text file line by line with constant memory, whatever its size. */
export async function* readLines(path: string, options: LineOptions): AsyncGenerator<TextLine> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  let bytesRead = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      first = false;
      if (options.stripBom !== false && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
    }
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      number += 1;
      yield decodeLine(buffer.subarray(start, end), number, options.encoding, bytesRead);
      start = end + 1;
    }
    carry = Buffer.from(buffer.subarray(start));
  }
  if (carry.length > 0) {
    number += 1;
    yield decodeLine(carry, number, options.encoding, bytesRead);
  }
}

/** A line's bytes (without LF; a CR before it is dropped here) as `readLines` gives it. */
export function decodeLine(bytes: Buffer, number: number, encoding: LineOptions['encoding'], bytesRead: number): TextLine {
  const body = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
  const binary = hasBinaryBytes(body);
  if (encoding === 'windows-1252' || isAscii(body)) {
    return { number, text: encoding === 'windows-1252' ? decodeCp1252(body) : body.toString('latin1'), encoding, binary, bytesRead };
  }
  if (isUtf8(body)) return { number, text: decodeUtf8(body), encoding: 'utf-8', binary, bytesRead };
  return { number, text: decodeCp1252(body), encoding: 'windows-1252', binary, bytesRead };
}

/*
 * Buffer decoding is several times faster than a TextDecoder call per line, and a failed fatal
 * decode costs an exception: these give the text the WHATWG decoders define, at millions of lines.
 */
function decodeUtf8(bytes: Buffer): string {
  // TextDecoder drops a BOM at the start of what it decodes; so does this.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}

/** windows-1252 differs from ISO-8859-1 (latin1) only in 0x80–0x9F. */
export function decodeCp1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
}

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** NUL and C0 controls other than tab never occur in the text sources we read. */
function hasBinaryBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9) return true;
  }
  return false;
}

/** Bytes `[start, end)` of a file; a range starts at a line's first byte (see `segmentFile`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Calls `onLine` with the raw bytes of every line of the range (LF removed, CR kept), numbered from
 * 1 within the range, and returns how many lines it held; `onProgress` gets the bytes done after
 * each chunk read (1 MiB), the range's size last. A callback per line instead of an async
 * generator: at tens of millions of lines the generator's promise per line was a reader's main
 * cost. The buffer passed is only valid during the call. A UTF-8 byte order mark at the start of
 * the file is dropped.
 */
export async function scanLineBytes(
  path: string,
  range: ByteRange,
  onLine: (bytes: Buffer, number: number) => void,
  onProgress: (bytesDone: number) => void = () => {},
): Promise<number> {
  const file = await open(path, 'r');
  const chunk = Buffer.allocUnsafe(CHUNK);
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  let position = range.start;
  try {
    while (position < range.end) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(CHUNK, range.end - position), position);
      if (bytesRead === 0) break;
      let buffer = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      if (position === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      position += bytesRead;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
        onLine(buffer.subarray(start, end), ++number);
        start = end + 1;
      }
      carry = Buffer.from(buffer.subarray(start));
      onProgress(position - range.start);
    }
  } finally {
    await file.close();
  }
  if (carry.length > 0) onLine(carry, ++number);
  return number;
}

const CHUNK = 1 << 20;

/**
 * Cuts a file into ranges of at most about `maxSize` bytes and of even sizes, each starting at the
 * first byte of a line, so that they can be read apart (and in parallel) and their lines put back
 * in order. The cuts depend only on the file and `maxSize`.
 */
export async function segmentFile(path: string, maxSize: number): Promise<ByteRange[]> {
  const total = fileSize(path);
  const size = Math.ceil(total / Math.max(1, Math.ceil(total / maxSize)));
  const starts = [0];
  const file = await open(path, 'r');
  const probe = Buffer.allocUnsafe(64 * 1024);
  try {
    let next = size;
    while (next < total) {
      let newline = -1;
      let at = next;
      while (newline === -1 && at < total) {
        const { bytesRead } = await file.read(probe, 0, probe.length, at);
        if (bytesRead === 0) break;
        const i = probe.subarray(0, bytesRead).indexOf(10);
        if (i === -1) at += bytesRead;
        else newline = at + i;
      }
      if (newline === -1 || newline + 1 >= total) break;
      starts.push(newline + 1);
      next = newline + 1 + size;
    }
  } finally {
    await file.close();
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : total }));
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
