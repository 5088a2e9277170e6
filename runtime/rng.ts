/**
 * Seeded randomness for the runtime: generated names, UIDs and IPs all come from one Rng, so a
 * seed reproduces a whole session. The host picks the seed (from crypto in the browser, fixed in
 * tests and scripts).
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** Kubernetes' alphabet for random name suffixes (apimachinery util/rand): no vowels, no 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A small, fast generator (sfc32) seeded from any string or number through a string hash. */
export function createSeededRng(seed: string | number): Rng {
  let [a, b, c, d] = hashSeed(String(seed));
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next, int: (n) => Math.floor(next() * n) };
}

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(rng: Rng, length: number, alphabet = NAME_SUFFIX_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

const HEX_DIGITS = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = 0x2d;

/** A version-4 UUID, as Kubernetes gives every object (the variant digit is drawn first). */
export function randomUuid(rng: Rng): string {
  const variant = HEX_DIGITS[8 + rng.int(4)];
  const codes: number[] = [];
  // 30 random digits in groups 8-4-(4)3-(variant)3-12; every object created draws one.
  for (let i = 0; i < 30; i++) {
    if (i === 8 || i === 18) codes.push(DASH);
    else if (i === 12) codes.push(DASH, 0x34);
    else if (i === 15) codes.push(DASH, variant);
    codes.push(HEX_DIGITS[rng.int(16)]);
  }
  return String.fromCharCode(...codes);
}

/** cyrb128: four 32-bit seeds from a string. */
function hashSeed(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
