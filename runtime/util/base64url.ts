import { encodeBase64, encodeTextBase64, URL_ALPHABET } from './sha256';
import { decodeUtf8 } from './utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url (RFC 4648 §5) of bytes, or of a string's UTF-8. */
export function base64url(data: Uint8Array | string): string {
  return typeof data === 'string'
    ? encodeTextBase64(data, URL_ALPHABET, false)
    : encodeBase64(data, URL_ALPHABET, false);
}

/** The bytes of unpadded base64url text; throws on a character outside the alphabet. */
export function fromBase64url(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error('illegal base64 data');
    value = ((value << 6) | index) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** The UTF-8 text of base64url data. */
export function fromBase64urlText(text: string): string {
  return decodeUtf8(fromBase64url(text));
}

/** The UTF-8 text of standard, padded base64 (a Secret's data). */
export function fromBase64Text(text: string): string {
  return fromBase64urlText(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
}
