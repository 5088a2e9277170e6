// The builtin functions, with mawk's edge cases: substr's rounding, sub/gsub's empty matches and
// `&` / `\&`, split's separators, srand returning the previous seed.
import type { Expr } from './ast';
import { NEG_NAN } from './c-format';
import { splitRegex, splitText } from './fields';
import type { Evaluator as Interpreter } from './evaluator';
import { toInt } from './numbers';
import { awkSprintf } from './printf';
import { RAND_MAX } from './random';
import type { AwkRegex } from './regex';
import { runCommandLine } from './shell-runner';
import { inputCell, toNum, type Cell } from './values';

/** The replacement text for one match: `&` is the match, `\&` a literal `&`, `\\` a `\`. */
function replacement(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) out += repl[++i];
    else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

/** mawk's gsub3: every match replaced; an empty match right after a match is skipped. */
function gsubText(re: AwkRegex, repl: string, input: string): { text: string; count: number } {
  let out = '';
  let count = 0;
  let skip0 = -1;
  for (let j = 0; j <= input.length; j++) {
    const m = re.exec(input, j);
    if (!m) {
      out += input.slice(j);
      break;
    }
    const [where, end] = m;
    if (where > j) {
      skip0 = -1;
      out += input.slice(j, where);
    }
    const len = end - where;
    if (len > 0 || j !== skip0) {
      count++;
      out += replacement(repl, input.slice(where, end));
    }
    if (len > 0) j = end - 1;
    else {
      j = where;
      if (j < input.length) out += input[j];
    }
    skip0 = len > 0 ? j + 1 : -1;
  }
  return { text: out, count };
}

/** split()'s third argument: a regex literal, or a string taken as FS would be. */
async function splitBy(it: Interpreter, sep: Expr | undefined, text: string): Promise<string[]> {
  if (!sep) return splitText(text, it.str(it.rt.get('FS')));
  if (sep.k === 'regex') return splitRegex(text, it.regex(sep.src));
  return splitText(text, it.str(await it.ev(sep)));
}

const MATH: Record<string, (x: number) => number> = {
  int: (x) => Math.trunc(x),
  sqrt: (x) => (x < 0 ? NEG_NAN : Math.sqrt(x)),
  exp: (x) => Math.exp(x),
  log: (x) => (x < 0 ? NEG_NAN : Math.log(x)),
  sin: (x) => Math.sin(x),
  cos: (x) => Math.cos(x),
};

export async function callBuiltin(it: Interpreter, name: string, args: Expr[]): Promise<Cell> {
  const rt = it.rt;
  const num = async (i: number): Promise<number> => toNum(await it.ev(args[i]));
  const str = async (i: number): Promise<string> => it.str(await it.ev(args[i]));
  if (name in MATH) return MATH[name](await num(0));
  switch (name) {
    case 'length':
      return args.length === 0 ? rt.record().length : (await str(0)).length;
    case 'length_array':
      return it.arrayOf((args[0] as Extract<Expr, { k: 'var' }>).ref).size;
    case 'substr': {
      const s = await str(0);
      const start = await num(1);
      let n = args.length > 2 ? toInt(await num(2)) : s.length;
      if (s === '') return '';
      let i = toInt(start) - 1;
      if (i > s.length) n = 0;
      if (i < 0) {
        // In C's 32-bit int arithmetic, as mawk computes it.
        n = (n - (i + 1)) | 0;
        i = 0;
      }
      if (n > s.length - i) n = s.length - i;
      return n <= 0 ? '' : s.slice(i, i + n);
    }
    case 'index': {
      const s = await str(0);
      const t = await str(1);
      return s.indexOf(t) + 1;
    }
    case 'split': {
      const text = await str(0);
      const arr = it.arrayOf((args[1] as Extract<Expr, { k: 'var' }>).ref);
      const parts = await splitBy(it, args[2], text);
      arr.load(parts.map(inputCell));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      const re = await it.regexOf(args[0]);
      const repl = await str(1);
      const target = args[2] ?? { k: 'field' as const, index: { k: 'num' as const, v: 0 } };
      if (target.k !== 'var' && target.k !== 'index' && target.k !== 'field') return 0;
      const place = await it.place(target);
      const input = it.str(place.get());
      if (name === 'sub') {
        const m = re.exec(input);
        if (!m) return 0;
        place.set(input.slice(0, m[0]) + replacement(repl, input.slice(m[0], m[1])) + input.slice(m[1]));
        return 1;
      }
      const { text, count } = gsubText(re, repl, input);
      if (count > 0) place.set(text);
      return count;
    }
    case 'match': {
      const s = await str(0);
      const m = (await it.regexOf(args[1])).exec(s);
      rt.set('RSTART', m ? m[0] + 1 : 0);
      rt.set('RLENGTH', m ? m[1] - m[0] : -1);
      return m ? m[0] + 1 : 0;
    }
    case 'sprintf': {
      const values = await it.evList(args);
      return awkSprintf(it.str(values[0]), values.slice(1), it.str);
    }
    case 'tolower':
      return (await str(0)).replace(/[A-Z]+/g, (m) => m.toLowerCase());
    case 'toupper':
      return (await str(0)).replace(/[a-z]+/g, (m) => m.toUpperCase());
    case 'atan2':
      return Math.atan2(await num(0), await num(1));
    case 'rand':
      return it.random.next() / RAND_MAX;
    case 'srand': {
      const previous = it.seed;
      const seed: Cell = args.length > 0 ? await it.ev(args[0]) : Math.floor(it.ctx.shell.clock.now() / 1000);
      it.seed = seed;
      it.random.seed(toInt(toNum(seed)));
      return previous;
    }
    case 'close': {
      const target = await str(0);
      if (it.out.has(target)) return it.out.close(target);
      return it.input.close(target) ? 0 : -1;
    }
    case 'fflush':
      if (args.length > 0) await str(0);
      await it.out.flushAll();
      return 0;
    case 'system': {
      const command = await str(0);
      await it.out.flushAll();
      return runCommandLine(it.ctx, command, '', (t) => it.out.stdout(t).then(() => it.out.flushStdout()));
    }
  }
  throw new Error(`awk: no builtin ${name}`);
}
