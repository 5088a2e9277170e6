// GNU sed works on bytes: it skips one byte after an empty match, `l` prints UTF-8 bytes in
// octal, `\xHH` makes a raw byte. So sed keeps its text as "byte strings": JS strings whose code
// units are bytes 0..255. Text crosses into and out of them here, as UTF-8.

/** `text` (UTF-16) as a byte string of its UTF-8 encoding. */
export function toBytes(text: string): string {
  if (!/[\x80-\uffff]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    out += cp < 0x80 ? ch : encodeCodePoint(cp);
  }
  return out;
}

/** The UTF-8 bytes of one code point, as a byte string. */
export function encodeCodePoint(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** The allowed range of the second byte after lead byte `lead` (UTF-8's overlong/surrogate rules). */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** How many continuation bytes lead byte `lead` announces, or -1 when it cannot start a character. */
function continuations(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/**
 * How many bytes of the sequence starting at `pos` are valid UTF-8 so far: the whole character's
 * length when it is complete, less (a "maximal subpart") when it breaks off or the text ends.
 */
function validPrefix(bytes: string, pos: number): { valid: number; complete: boolean } {
  const lead = bytes.charCodeAt(pos);
  const need = continuations(lead);
  if (need < 0) return { valid: 0, complete: false };
  let [lo, hi] = secondRange(lead);
  for (let i = 1; i <= need; i++) {
    if (pos + i >= bytes.length) return { valid: i, complete: false };
    const b = bytes.charCodeAt(pos + i);
    if (b < lo || b > hi) return { valid: i, complete: false };
    [lo, hi] = [0x80, 0xbf];
  }
  return { valid: need + 1, complete: true };
}

/** The code point of the character at `pos`, or -1 when the bytes there are not valid UTF-8. */
export function codePointAt(bytes: string, pos: number): number {
  const lead = bytes.charCodeAt(pos);
  if (lead < 0x80) return lead;
  const { valid, complete } = validPrefix(bytes, pos);
  if (!complete) return -1;
  let cp = lead & (valid === 2 ? 0x1f : valid === 3 ? 0x0f : 0x07);
  for (let i = 1; i < valid; i++) cp = (cp << 6) | (bytes.charCodeAt(pos + i) & 63);
  return cp;
}

/** How many bytes the character at `pos` takes: 1 for ASCII and for a byte that is not UTF-8. */
export function charLength(bytes: string, pos: number): number {
  const lead = bytes.charCodeAt(pos);
  if (lead < 0x80) return 1;
  const { valid, complete } = validPrefix(bytes, pos);
  return complete ? valid : 1;
}

/** The UTF-8 length of code point `cp` (or 1 for -1, a stray byte). */
export const cpLength = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Where the character ending just before `pos` starts (a stray byte is a character of its own). */
export function previousCharStart(bytes: string, pos: number): number {
  for (let back = 2; back <= 4 && pos - back >= 0; back++) {
    const start = pos - back;
    if (continuations(bytes.charCodeAt(start)) === back - 1 && charLength(bytes, start) === back) return start;
  }
  return pos - 1;
}

/**
 * Decodes byte strings to text as the WHATWG decoder does (each maximal invalid subpart becomes
 * U+FFFD), holding back a character split across writes until the next one.
 */
export class Utf8Decoder {
  private pending = '';

  /** The text of `bytes` (after what was held back); an incomplete tail is kept for later. */
  write(bytes: string): string {
    const all = this.pending + bytes;
    this.pending = '';
    if (!/[\x80-\uffff]/.test(all)) return all;
    let out = '';
    let i = 0;
    while (i < all.length) {
      const lead = all.charCodeAt(i);
      if (lead < 0x80) {
        out += all[i++];
        continue;
      }
      const { valid, complete } = validPrefix(all, i);
      if (complete) {
        out += String.fromCodePoint(codePointAt(all, i));
        i += valid;
      } else if (valid > 0 && i + valid >= all.length) {
        this.pending = all.slice(i);
        break;
      } else {
        out += '\ufffd';
        i += Math.max(valid, 1);
      }
    }
    return out;
  }

  /** What is still held back, as replacement characters (at end of output). */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    let out = '';
    let i = 0;
    while (i < rest.length) {
      out += '\ufffd';
      i += Math.max(validPrefix(rest, i).valid, 1);
    }
    return out;
  }
}

/** `bytes` decoded to text in one go. */
export function fromBytes(bytes: string): string {
  const decoder = new Utf8Decoder();
  return decoder.write(bytes) + decoder.end();
}
