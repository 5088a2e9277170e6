// jq 1.6's `_match_impl` (what match, test, capture, scan, split/2, sub and gsub are built on),
// with Oniguruma's Perl syntax translated to JavaScript RegExp. Offsets and lengths count code
// points; a global search steps one character past the *previous start* after an empty match and
// stops once it reaches the end of the string, as jq's loop does.
import { cfunction } from './builtins-values';
import { StepLimit, withValue, type Native } from './eval-types';
import { add } from './operators';
import { getIndex } from './paths';
import { codePointLength, JqError, typeError, type JqObject, type Value } from './values';

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  xdigit: '0-9a-fA-F',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
};

/** Oniguruma (Perl_NG syntax, jq's options) to a JavaScript pattern. */
function translate(pattern: string, extended: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined) throw new JqError('Regex failure: end pattern at escape');
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '$';
      else if (!inClass && next === 'Z') out += '(?=\\n?$)';
      else out += c + next;
    } else if (inClass) {
      const posix = /^\[:(\w+):\]/.exec(pattern.slice(i));
      if (posix && POSIX_CLASSES[posix[1]]) {
        out += POSIX_CLASSES[posix[1]];
        i += posix[0].length - 1;
      } else {
        if (c === ']') inClass = false;
        out += c;
      }
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
    } else if (c === '$') out += '(?=\\n?$)';
    else if (extended && /\s/.test(c)) continue;
    else if (extended && c === '#') while (i + 1 < pattern.length && pattern[i + 1] !== '\n') i++;
    else out += c;
  }
  return out;
}

/** Oniguruma's wording for the errors JavaScript reports differently. */
function regexFailure(error: unknown): JqError {
  const message = error instanceof Error ? error.message : String(error);
  const known: [RegExp, string][] = [
    [/Unterminated group|Unmatched '\('/, 'end pattern with unmatched parenthesis'],
    [/Unmatched '\)'/, 'unmatched close parenthesis'],
    [/Unterminated character class/, 'premature end of char-class'],
    [/Nothing to repeat/, 'target of repeat operator is not specified'],
    [/numbers out of order/, 'upper is smaller than lower in repeat range'],
    [/\\ at end of pattern/, 'end pattern at escape'],
    [/Invalid group/, 'undefined group option'],
  ];
  const hit = known.find(([re]) => re.test(message));
  return new JqError(`Regex failure: ${hit ? hit[1] : 'invalid pattern'}`);
}

function compile(pattern: string, flags: string, extended: boolean): RegExp {
  const source = translate(pattern, extended);
  try {
    return new RegExp(source, `${flags}dgu`);
  } catch {
    try {
      return new RegExp(source, `${flags}dg`);
    } catch (error) {
      throw regexFailure(error);
    }
  }
}

const obj = (entries: [string, Value][]): JqObject => new Map(entries);

function matchImpl(input: Value, regex: Value, modifiers: Value, testMode: Value): Value {
  if (typeof input !== 'string') throw typeError(input, 'cannot be matched, as it is not a string');
  if (typeof regex !== 'string') throw typeError(regex, 'is not a string');
  let global = false;
  let extended = false;
  let skipEmpty = false;
  let flags = '';
  if (typeof modifiers === 'string') {
    for (const m of modifiers) {
      if (m === 'g') global = true;
      else if (m === 'i') flags += flags.includes('i') ? '' : 'i';
      else if (m === 'x') extended = true;
      else if (m === 'm' || m === 'p') flags += flags.includes('s') ? '' : 's';
      else if (m === 'n') skipEmpty = true;
      else if (m !== 's' && m !== 'l') throw new JqError(`${modifiers} is not a valid modifier string`);
    }
  } else if (modifiers !== null) throw typeError(modifiers, 'is not a string');
  const re = compile(regex, flags, extended);
  const names = new Map<number, string>();
  const groupNames = /\(\?<([a-zA-Z_][a-zA-Z0-9_]*)>/g;
  // Group numbers of named groups: count every capturing `(` before each name.
  for (let m = groupNames.exec(regex); m; m = groupNames.exec(regex)) {
    const before = regex.slice(0, m.index).match(/(?<!\\)\((?!\?)|\(\?<[a-zA-Z_]/g)?.length ?? 0;
    names.set(before + 1, m[1]);
  }
  const at = (unit: number): number => codePointLength(input.slice(0, unit));
  const matches: Value[] = [];
  let start = 0;
  do {
    re.lastIndex = start;
    const m = re.exec(input);
    if (!m) break;
    if (skipEmpty && m[0] === '') {
      start = m.index + 1;
      continue;
    }
    if (testMode === true) return true;
    if (m[0] === '') {
      matches.push(
        obj([
          ['offset', at(m.index)],
          ['length', 0],
          ['string', ''],
          ['captures', []],
        ]),
      );
      start += input.codePointAt(start) !== undefined && (input.codePointAt(start) as number) > 0xffff ? 2 : 1;
      continue;
    }
    const captures: Value[] = [];
    for (let i = 1; i < m.length; i++) {
      const span = m.indices?.[i];
      const name = names.get(i) ?? null;
      if (!span)
        captures.push(
          obj([
            ['offset', -1],
            ['string', null],
            ['length', 0],
            ['name', name],
          ]),
        );
      else if (span[0] === span[1])
        captures.push(
          obj([
            ['offset', at(span[0])],
            ['string', ''],
            ['length', 0],
            ['name', name],
          ]),
        );
      else {
        const text = input.slice(span[0], span[1]);
        captures.push(
          obj([
            ['offset', at(span[0])],
            ['length', codePointLength(text)],
            ['string', text],
            ['name', name],
          ]),
        );
      }
    }
    matches.push(
      obj([
        ['offset', at(m.index)],
        ['length', codePointLength(m[0])],
        ['string', m[0]],
        ['captures', captures],
      ]),
    );
    start = m.index + m[0].length;
  } while (global && start !== input.length);
  return testMode === true ? false : matches;
}

/** `splits($re; flags)`: the pieces between global matches (jq pairs up the match offsets). */
const splits: Native = (it, input, [re, flags], env, emit) =>
  it.values(re, input.v, env, (pattern) =>
    it.values(flags, input.v, env, (f) => {
      const s = input.v;
      const matches = matchImpl(s, pattern, add('g', f), false) as JqObject[];
      const cuts = [
        0,
        ...matches.flatMap((m) => [m.get('offset'), (m.get('offset') as number) + (m.get('length') as number)]),
      ];
      cuts.push(codePointLength(s as string));
      const chars = Array.from(s as string);
      for (let i = 0; i < cuts.length; i += 2)
        emit(withValue(input, chars.slice(cuts[i] as number, cuts[i + 1] as number).join('')));
    }),
  );

/**
 * `sub($re; str; $flags)` as jq 1.6 defines it: replace the first match with each output of
 * `str` (given the named captures), and with "g" do the same to what follows the match.
 */
const sub: Native = (it, input, [re, str, flags], env, emit) =>
  it.values(re, input.v, env, (pattern) =>
    it.values(flags, input.v, env, (f) => {
      const global = typeof f === 'string' ? f.includes('g') : f !== null && getIndex(f, 'g') !== null;
      const once = typeof f === 'string' ? f.replaceAll('g', '') : f;
      const levels: { prefix: string; captures: JqObject }[] = [];
      let rest = input.v;
      for (;;) {
        it.tick();
        const [m] = matchImpl(rest, pattern, once, false) as JqObject[];
        if (!m) break;
        const chars = Array.from(rest as string);
        const offset = m.get('offset') as number;
        const tail = chars.slice(offset + (m.get('length') as number)).join('');
        const captures: JqObject = new Map();
        for (const c of m.get('captures') as JqObject[])
          if (c.get('name') !== null) captures.set(c.get('name') as string, c.get('string') as Value);
        levels.push({ prefix: chars.slice(0, offset).join(''), captures });
        if (!global || tail === '' || tail === rest) {
          // An empty match at the start makes no progress: jq recurses until memory runs out.
          if (global && tail !== '' && tail === rest) throw new StepLimit();
          rest = tail;
          break;
        }
        rest = tail;
      }
      let outs: Value[] = [rest];
      for (let i = levels.length - 1; i >= 0; i--) {
        const next: Value[] = [];
        for (const r of outs)
          it.values(str, levels[i].captures, env, (s) => void next.push(add(add(levels[i].prefix, s), r)));
        outs = next;
      }
      for (const v of outs) emit(withValue(input, v));
    }),
  );

export const REGEX_BUILTINS: Record<string, Native> = {
  '_match_impl/3': cfunction(matchImpl),
  'splits/2': splits,
  'sub/3': sub,
};
