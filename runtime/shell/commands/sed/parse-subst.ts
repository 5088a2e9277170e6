// Parsing the commands built from delimited parts: `s/regex/replacement/flags`, `y/src/dst/`,
// and the regexes of addresses (GNU's compile_regex with its checks).
import { charLength } from './bytes';
import { normalizeText, RecursiveEscapeError } from './escapes';
import { matchSlash, MSG, readEndOfCmd } from './parse-parts';
import type { OutputRef, ReadRef, Subst } from './program';
import { RegexError, SedRegex } from './regex';
import { parseReplacement } from './replacement';
import { EOF, isDigit, type ScriptReader } from './script';

/** --posix is "basic"; POSIXLY_CORRECT "correct"; GNU's default "extended". */
export type Posixicity = 'extended' | 'correct' | 'basic';

/** What compiling depends on; options later on the command line change it for later scripts. */
export interface CompileOptions {
  extended: boolean;
  posix: Posixicity;
  sandbox: boolean;
  /** The input line delimiter: newline, or NUL with -z. */
  lineEnd: number;
  /** Opens (creating or truncating) a file for w, W and s///w (or /dev/stdout, /dev/stderr). */
  openOutput(name: string): OutputRef;
  /** Opens a file for R. */
  openRead(name: string): ReadRef;
}

/** A regex compiled for an address: GNU compiles it without groups (RE_NO_SUB) until s// needs them. */
export type AddrRegex = SedRegex & { noSub?: boolean };

/** Text with sed's escapes resolved (a/i/c text, y strings), failing as bad_prog does. */
export function normalizeOrFail(r: ScriptReader, text: string): string {
  try {
    return normalizeText(text, 'buffer');
  } catch (error) {
    if (error instanceof RecursiveEscapeError) throw r.error(MSG.recursiveEscape);
    throw error;
  }
}

/**
 * Compiles a regex of the script (GNU's compile_regex); null for `//`, the last regex used.
 * `neededSub` is 1 + the highest \N of an s command's replacement, 0 for an address.
 */
export function compileRegex(
  r: ScriptReader,
  o: CompileOptions,
  pattern: string,
  flags: { icase: boolean; newline: boolean },
  neededSub: number,
): SedRegex | null {
  if (pattern === '') {
    if (flags.icase || flags.newline) throw r.error(MSG.badModifier);
    return null;
  }
  let re: AddrRegex;
  try {
    re = new SedRegex(normalizeText(pattern, 'regex', o.posix !== 'extended'), {
      extended: o.extended,
      ...flags,
      noGnuOps: o.posix === 'basic',
      parenOrd: o.posix !== 'extended',
      lineEnd: o.lineEnd,
    });
  } catch (error) {
    if (error instanceof RegexError) throw r.error(error.message);
    if (error instanceof RecursiveEscapeError) throw r.error(MSG.recursiveEscape);
    throw error;
  }
  if (neededSub > 0 && re.groups < neededSub - 1 && o.posix === 'extended')
    throw r.error(`invalid reference \\${neededSub - 1} on \`s' command's RHS`);
  if (neededSub === 0) re.noSub = true;
  return re;
}

/** The text up to delimiter `slash` (see matchSlash), or the error `unterminated`. */
export function delimited(r: ScriptReader, slash: number, regex: boolean, unterminated: string): string {
  // A multibyte character (or NUL) cannot delimit.
  if (slash === 0 || (slash >= 0xc2 && slash <= 0xf4)) throw r.error(MSG.badDelim);
  const text = matchSlash(r, slash, regex);
  if (text === null) throw r.error(unterminated);
  return text;
}

/** The rest of an `s` command after the letter (GNU's mark_subst_opts among others). */
export function parseSubst(r: ScriptReader, o: CompileOptions, openOutput: () => OutputRef): Subst {
  const basic = o.posix === 'basic';
  const slash = r.inchar();
  const pattern = delimited(r, slash, true, MSG.untermS);
  const replacementText = delimited(r, slash, false, MSG.untermS);
  let parsed;
  try {
    parsed = parseReplacement(replacementText, basic);
  } catch (error) {
    if (error instanceof RecursiveEscapeError) throw r.error(MSG.recursiveEscape);
    throw error;
  }
  const subst: Subst = {
    regex: null,
    replacement: parsed.pieces,
    maxId: parsed.maxId,
    global: false,
    print: 0,
    numb: 0,
    eval: false,
    outf: null,
  };
  const flags = { icase: false, newline: false };
  for (let done = false; !done;) {
    const ch = r.inNonblank();
    const letter = ch === EOF ? '' : String.fromCharCode(ch);
    if (basic && letter !== '' && 'iImMe'.includes(letter)) throw r.error(MSG.unknownSOpt);
    if (letter === 'i' || letter === 'I') flags.icase = true;
    else if (letter === 'm' || letter === 'M') flags.newline = true;
    else if (letter === 'e') subst.eval = true;
    else if (letter === 'p') {
      if (subst.print) throw r.error(MSG.excessP);
      subst.print |= 1 << (subst.eval ? 1 : 0);
    } else if (letter === 'g') {
      if (subst.global) throw r.error(MSG.excessG);
      subst.global = true;
    } else if (letter === 'w') {
      subst.outf = openOutput();
      done = true;
    } else if (isDigit(ch)) {
      if (subst.numb) throw r.error(MSG.excessN);
      subst.numb = r.inInteger(ch);
      if (!subst.numb) throw r.error(MSG.zeroN);
    } else if (letter === '}' || letter === '#') {
      r.savchar(ch);
      done = true;
    } else if (ch === EOF || letter === '\n' || letter === ';') done = true;
    else if (letter === '\r' && r.inchar() === 10) done = true;
    else throw r.error(MSG.unknownSOpt);
  }
  subst.regex = compileRegex(r, o, pattern, flags, subst.maxId + 1);
  if (subst.eval && o.sandbox) throw r.error(MSG.disallowed);
  return subst;
}

/** The characters of `bytes` (a byte that is not UTF-8 counts as one). */
export function splitChars(bytes: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length;) {
    const len = charLength(bytes, i);
    chars.push(bytes.slice(i, i + len));
    i += len;
  }
  return chars;
}

/** The rest of a `y` command: each source character's replacement (the first mapping wins). */
export function parseTransliteration(r: ScriptReader): Map<string, string> {
  const slash = r.inchar();
  const src = splitChars(normalizeOrFail(r, delimited(r, slash, false, MSG.untermY)));
  const dest = splitChars(normalizeOrFail(r, delimited(r, slash, false, MSG.untermY)));
  if (src.length !== dest.length) throw r.error(MSG.yLen);
  const map = new Map<string, string>();
  src.forEach((ch, i) => {
    if (!map.has(ch)) map.set(ch, dest[i]);
  });
  readEndOfCmd(r);
  return map;
}
