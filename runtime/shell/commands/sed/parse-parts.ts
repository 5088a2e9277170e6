// Small readers the script parser uses: delimited strings (s, y, addresses), labels, file names,
// and the end of a command. Each follows its GNU counterpart in sed/compile.c.
import { EOF, isBlank, type ScriptReader } from './script';

export const MSG = {
  badBang: "multiple `!'s",
  badComma: "unexpected `,'",
  badStep: 'invalid usage of +N or ~N as first address',
  excessOpenBrace: "unmatched `{'",
  excessCloseBrace: "unexpected `}'",
  excessJunk: 'extra characters after command',
  expectedSlash: "expected \\ after `a', `c' or `i'",
  noCloseBraceAddr: "`}' doesn't want any addresses",
  noColonAddr: ": doesn't want any addresses",
  noSharpAddr: "comments don't accept any addresses",
  noCommand: 'missing command',
  oneAddr: 'command only uses one address',
  untermAddrRe: 'unterminated address regex',
  untermS: "unterminated `s' command",
  untermY: "unterminated `y' command",
  unknownSOpt: "unknown option to `s'",
  excessP: "multiple `p' options to `s' command",
  excessG: "multiple `g' options to `s' command",
  excessN: "multiple number options to `s' command",
  zeroN: "number option to `s' command may not be zero",
  yLen: "strings for `y' command are different lengths",
  badDelim: 'delimiter character is not a single-byte character',
  ancientVersion: 'expected newer version of sed',
  invalidLine0: 'invalid usage of line address 0',
  incomplete: 'incomplete command',
  colonLacksLabel: '":" lacks a label',
  recursiveEscape: 'recursive escaping after \\c not allowed',
  disallowed: 'e/r/w commands disabled in sandbox mode',
  missingFilename: 'missing filename in r/R/w/W commands',
  noRegex: 'no previous regular expression',
  badModifier: 'cannot specify modifiers on empty regexp',
} as const;

export const unknownCommand = (ch: number): string => `unknown command: \`${String.fromCharCode(ch)}'`;

/**
 * Copies a bracket expression of a regex into `out` (so that the delimiter may appear inside
 * it); returns the byte that ended it: `]`, or EOF or a newline when it is unterminated.
 */
function snarfCharClass(r: ScriptReader, out: { text: string }): number {
  let state = 0;
  let delim = 0;
  let ch = r.inchar();
  if (ch === 0x5e) {
    out.text += '^';
    ch = r.inchar();
  }
  if (ch === 0x5d) {
    out.text += ']';
    ch = r.inchar();
  }
  for (; ; out.text += String.fromCharCode(ch), ch = r.inchar()) {
    if (ch === EOF || ch === 10) return ch;
    if (ch === 0x2e || ch === 0x3a || ch === 0x3d) {
      if (state === 1) {
        delim = ch;
        state = 2;
        continue;
      }
      if (state === 2 && ch === delim) {
        state = 3;
        continue;
      }
    } else if (ch === 0x5b) {
      if (state === 0) state = 1;
      continue;
    } else if (ch === 0x5d) {
      if (state === 0 || state === 1) return ch;
      if (state === 3) state = 0;
    }
    // Anything else after [ goes back to state 0, and after .] or :] back to state 2.
    state &= ~1;
  }
}

/**
 * The text up to the next unescaped `slash` (which is consumed), or null when the line or
 * script ends first. `\slash` becomes the plain delimiter (but `\&` stays escaped in a
 * replacement), `\` and a newline become the newline, other escapes are kept for later.
 */
export function matchSlash(r: ScriptReader, slash: number, regex: boolean): string | null {
  const out = { text: '' };
  let ch: number;
  while ((ch = r.inchar()) !== EOF && ch !== 10) {
    if (ch === slash) return out.text;
    if (ch === 0x5c) {
      ch = r.inchar();
      if (ch === EOF) break;
      if (ch !== 10 && (ch !== slash || (!regex && ch === 0x26))) out.text += '\\';
    } else if (ch === 0x5b && regex) {
      out.text += '[';
      ch = snarfCharClass(r, out);
      if (ch !== 0x5d) break;
    }
    out.text += String.fromCharCode(ch);
  }
  if (ch === 10) r.savchar(ch);
  return null;
}

/** A label for `:`, b, t and T: up to a blank, `;`, `}`, `#` or the end of the line. */
export function readLabel(r: ScriptReader): string {
  let label = '';
  let ch = r.inNonblank();
  while (ch !== EOF && ch !== 10 && !isBlank(ch) && ch !== 0x3b && ch !== 0x7d && ch !== 0x23) {
    label += String.fromCharCode(ch);
    ch = r.inchar();
  }
  r.savchar(ch);
  return label;
}

/** A file name for r, R, w, W and s///w: the rest of the line, after blanks. */
export function readFilename(r: ScriptReader): string {
  let name = '';
  for (let ch = r.inNonblank(); ch !== EOF && ch !== 10; ch = r.inchar()) name += String.fromCharCode(ch);
  return name;
}

/** After a command: only blanks, then `;`, a newline, `}`, `#` or the end may follow. */
export function readEndOfCmd(r: ScriptReader): void {
  const ch = r.inNonblank();
  if (ch === 0x7d || ch === 0x23) r.savchar(ch);
  else if (ch !== EOF && ch !== 10 && ch !== 0x3b) throw r.error(MSG.excessJunk);
}

/** GNU's strverscmp, enough for version numbers: digit runs compare as numbers. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): string[] => v.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const bothNumbers = /^\d/.test(x[i]) && /^\d/.test(y[i]);
    const d = bothNumbers ? Number(x[i]) - Number(y[i]) : x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
