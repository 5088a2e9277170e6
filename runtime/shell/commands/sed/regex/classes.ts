// The POSIX character classes as glibc's C.UTF-8 locale defines them: ASCII as in the C locale,
// other characters by their Unicode properties (digit and xdigit stay ASCII-only).

const ALPHA = /[\p{Alphabetic}\p{Nd}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const PUNCT = /[\p{P}\p{S}]/u;
const WIDE_SPACE = /[\p{Zs}\u2028\u2029]/u;
/** No-break spaces, which glibc does not count as space or blank. */
const NO_BREAK = new Set([0xa0, 0x2007, 0x202f]);
const CNTRL = /\p{Cc}/u;
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Cn}\u2028\u2029]/u;

const isSpace = (cp: number): boolean =>
  cp === 32 || (cp >= 9 && cp <= 13) || (cp > 127 && !NO_BREAK.has(cp) && WIDE_SPACE.test(String.fromCodePoint(cp)));

const isAlpha = (cp: number): boolean =>
  cp < 128 ? (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) : ALPHA.test(String.fromCodePoint(cp));

const isDigit = (cp: number): boolean => cp >= 48 && cp <= 57;

const isPrint = (cp: number): boolean =>
  cp < 128 ? cp >= 32 && cp < 127 : !UNPRINTABLE.test(String.fromCodePoint(cp));

/** Each class name's membership test over code points. */
export const CLASSES: Record<string, (cp: number) => boolean> = {
  alpha: isAlpha,
  digit: isDigit,
  alnum: (cp) => isAlpha(cp) || isDigit(cp),
  upper: (cp) => (cp < 128 ? cp >= 65 && cp <= 90 : UPPER.test(String.fromCodePoint(cp))),
  lower: (cp) => (cp < 128 ? cp >= 97 && cp <= 122 : LOWER.test(String.fromCodePoint(cp))),
  space: isSpace,
  blank: (cp) => cp === 32 || cp === 9 || (cp > 127 && cp !== 0x2028 && cp !== 0x2029 && isSpace(cp)),
  punct: (cp) =>
    cp < 128
      ? cp > 32 && cp < 127 && !isAlpha(cp) && !isDigit(cp)
      : isPrint(cp) && !isSpace(cp) && !isAlpha(cp) && PUNCT.test(String.fromCodePoint(cp)),
  print: isPrint,
  graph: (cp) => isPrint(cp) && !isSpace(cp) && cp !== 32,
  cntrl: (cp) => (cp < 128 ? cp < 32 || cp === 127 : CNTRL.test(String.fromCodePoint(cp))),
  xdigit: (cp) => isDigit(cp) || (cp >= 65 && cp <= 70) || (cp >= 97 && cp <= 102),
};

/** A word character for \w, \b, \< and \>: alphanumeric or underscore. */
export const isWordChar = (cp: number): boolean => cp === 95 || isAlpha(cp) || isDigit(cp);

/** `cp` in lower case, when that is one code point (glibc's towlower). */
export function toLower(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  const lower = String.fromCodePoint(cp).toLowerCase();
  const first = lower.codePointAt(0) as number;
  return lower.length === String.fromCodePoint(first).length ? first : cp;
}

/** `cp` in upper case, when that is one code point (glibc's towupper). */
export function toUpper(cp: number): number {
  if (cp < 128) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
  const upper = String.fromCodePoint(cp).toUpperCase();
  const first = upper.codePointAt(0) as number;
  return upper.length === String.fromCodePoint(first).length ? first : cp;
}
