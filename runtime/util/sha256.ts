import { encodeUtf8 } from './utf8';

/** SHA-256 of a UTF-8 string (FIPS 180-4), for discovery's storageVersionHash. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The message schedule, reused: sha256 never runs re-entrantly. */
const W = new Int32Array(64);

/**
 * Scratch space, grown as needed and reused: a typed array beyond a few dozen bytes costs a
 * microsecond or two to allocate, more than hashing a token's worth of text.
 */
let scratch = new Uint8Array(4096);

function scratchOf(size: number): Uint8Array {
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** `text`'s UTF-8 bytes in scratch space with room for `extra` more; ASCII is copied straight in. */
function utf8Scratch(text: string, extra: number): { bytes: Uint8Array; length: number } {
  let bytes = scratchOf(text.length + extra);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      const message = encodeUtf8(text);
      bytes = scratchOf(message.length + extra);
      bytes.set(message);
      return { bytes, length: message.length };
    }
    bytes[i] = code;
  }
  return { bytes, length: text.length };
}

/** The 32-byte digest of `text`. */
export function sha256(text: string): Uint8Array {
  // The message, 0x80, zeros to 56 mod 64, and the bit length in the last four bytes.
  const { bytes, length } = utf8Scratch(text, 72);
  const end = Math.ceil((length + 9) / 64) * 64;
  bytes[length] = 0x80;
  bytes.fill(0, length + 1, end);
  const bitLength = length * 8;
  for (let i = 0; i < 4; i++) bytes[end - 1 - i] = (bitLength >>> (i * 8)) & 0xff;
  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  // Rotations are written out (x >>> n | x << 32 - n): this runs for every token the cluster issues.
  for (let offset = 0; offset < end; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15];
      const y = W[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  const out = new Uint8Array(32);
  const words = [h0, h1, h2, h3, h4, h5, h6, h7];
  for (let i = 0; i < 8; i++) for (let j = 0; j < 4; j++) out[i * 4 + j] = (words[i] >>> (24 - j * 8)) & 0xff;
  return out;
}

/** Standard base64 with padding. */
export function base64(bytes: Uint8Array): string {
  return encodeBase64(bytes, STANDARD_ALPHABET, true);
}

const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The URL-safe alphabet (RFC 4648 §5). */
export const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64 of `bytes` (the first `length` of them) in `alphabet`, with `=` padding or none. */
export function encodeBase64(bytes: Uint8Array, alphabet: string, pad: boolean, length = bytes.length): string {
  // Character codes first, made into a string once: every token the cluster signs is two of these.
  const digits = digitCodes(alphabet);
  if (codeScratch.length < Math.ceil(length / 3) * 4) codeScratch = new Uint16Array(Math.ceil(length / 3) * 8);
  const codes = codeScratch;
  let at = 0;
  const whole = length - (length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    codes[at++] = digits[n >> 18];
    codes[at++] = digits[(n >> 12) & 63];
    codes[at++] = digits[(n >> 6) & 63];
    codes[at++] = digits[n & 63];
  }
  const rest = length - whole;
  if (rest > 0) {
    // One byte left makes two digits, two make three; padding fills to four.
    const n = (bytes[whole] << 16) | (rest === 2 ? bytes[whole + 1] << 8 : 0);
    codes[at++] = digits[n >> 18];
    codes[at++] = digits[(n >> 12) & 63];
    if (rest === 2) codes[at++] = digits[(n >> 6) & 63];
    if (pad) while (at % 4 !== 0) codes[at++] = 0x3d;
  }
  return fromCharCodes(codes, at);
}

/** Base64 of a string's UTF-8 bytes, without keeping them. */
export function encodeTextBase64(text: string, alphabet: string, pad: boolean): string {
  const { bytes, length } = utf8Scratch(text, 0);
  return encodeBase64(bytes, alphabet, pad, length);
}

/** Digit codes, reused like the byte scratch space. */
let codeScratch = new Uint16Array(4096);

/** The character codes of an alphabet's digits, worked out once per alphabet. */
const alphabets = new Map<string, number[]>();

function digitCodes(alphabet: string): number[] {
  let codes = alphabets.get(alphabet);
  if (!codes) alphabets.set(alphabet, (codes = Array.from(alphabet, (ch) => ch.charCodeAt(0))));
  return codes;
}

/** A string of the first `length` UTF-16 code units, made in chunks (an argument list has a limit). */
export function fromCharCodes(codes: Uint16Array, length = codes.length): string {
  let out = '';
  // apply takes the typed array as it is; a spread would iterate it.
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}
