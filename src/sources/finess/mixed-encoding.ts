import { isUtf8 } from 'node:buffer';
import { CP1252_HIGH } from '../text/lines.ts';

/** windows-1252 characters of 0x80–0x9F back to their byte. */
const HIGH_BYTES = new Map(CP1252_HIGH.map((char, i) => [char, 0x80 + i]));

/**
 * A UTF-8 lead byte then a continuation byte (0x80–0xBF), both read as windows-1252 (`Ã©`, `â€`):
 * the mark of UTF-8 text decoded as single-byte, and a cheap test before any re-encoding.
 */
const continuation = ['\\u00a0-\\u00bf', ...CP1252_HIGH.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)].join('');
const UTF8_PAIR = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u009f${continuation}]`);

/**
 * A field of a single-byte line that an export tool wrote in UTF-8 (`RÃ©SIDENCE`): its
 * windows-1252 bytes are valid UTF-8 with accents, which a French single-byte text never is
 * in practice, so it is decoded again as UTF-8. Any other text comes back unchanged.
 */
export function repairUtf8Field(text: string): string {
  if (!UTF8_PAIR.test(text)) return text;
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // C1 controls are their own byte too: what an ISO-8859-1 decoder makes of 0x80–0x9F.
    const byte = code <= 0xff ? code : HIGH_BYTES.get(text[i]);
    if (byte === undefined) return text;
    bytes[i] = byte;
  }
  return isUtf8(bytes) ? bytes.toString('utf8') : text;
}
