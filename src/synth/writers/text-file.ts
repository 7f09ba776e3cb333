import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type FileEncoding = 'utf-8' | 'latin1' | 'cp1252';

/** The characters CP1252 adds to ISO-8859-1 in 0x80–0x9F (those the generator can write). */
const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97,
  'œ': 0x9c, 'Œ': 0x8c, 'Ÿ': 0x9f,
};

/**
 * Encodes text in a single-byte encoding, refusing what it cannot hold: Node's own `latin1`
 * silently keeps the low byte of any character, which would plant unlisted dirt in the files.
 */
export function encodeSingleByte(text: string, encoding: 'latin1' | 'cp1252'): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      out[i] = code;
      continue;
    }
    const extra = encoding === 'cp1252' ? CP1252_EXTRA[text[i]] : undefined;
    if (extra === undefined) throw new Error(`character "${text[i]}" cannot be written in ${encoding}: ${text}`);
    out[i] = extra;
  }
  return out;
}

function encode(text: string, encoding: FileEncoding): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encodeSingleByte(text, encoding);
}

const CHUNK = 1 << 20;

/**
 * A text file written line by line (LF endings, final newline) through a 1 MiB buffer, so that
 * memory stays flat whatever the size of the file. Returns line numbers as readers count them
 * (1-based), which is what the ground truth points at.
 */
export class TextFileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private lines = 0;

  constructor(readonly path: string, readonly encoding: FileEncoding) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  /** Writes one line in the file's encoding; returns its line number. */
  line(text: string): number {
    if (this.encoding === 'utf-8' && Buffer.byteLength(text) + 1 <= CHUNK - this.used) {
      this.used += this.buffer.write(text, this.used, 'utf8');
      this.buffer[this.used++] = 10;
      return ++this.lines;
    }
    return this.bytes(encode(text, this.encoding));
  }

  /** Writes one line given as bytes, for the lines deliberately written in another encoding. */
  bytes(bytes: Buffer): number {
    if (bytes.length + 1 > CHUNK - this.used) this.flush();
    if (bytes.length + 1 > CHUNK) {
      writeSync(this.fd, bytes);
      writeSync(this.fd, Buffer.from([10]));
    } else {
      bytes.copy(this.buffer, this.used);
      this.used += bytes.length;
      this.buffer[this.used++] = 10;
    }
    return ++this.lines;
  }

  get lineCount(): number {
    return this.lines;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    let offset = 0;
    while (offset < this.used) offset += writeSync(this.fd, this.buffer, offset, this.used - offset);
    this.used = 0;
  }
}
