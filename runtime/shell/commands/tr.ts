import type { ShellCommand } from '../command';
import { readAll } from '../process';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

const CLASSES: Record<string, () => string[]> = {
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  blank: () => [' ', '\t'],
  cntrl: () => [...range('\x00', '\x1f'), '\x7f'],
  digit: () => range('0', '9'),
  graph: () => range('!', '~'),
  lower: () => range('a', 'z'),
  print: () => range(' ', '~'),
  punct: () => range('!', '~').filter((c) => !/[0-9A-Za-z]/.test(c)),
  space: () => [' ', '\t', '\n', '\v', '\f', '\r'],
  upper: () => range('A', 'Z'),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = from.codePointAt(0) as number; c <= (to.codePointAt(0) as number); c++)
    out.push(String.fromCodePoint(c));
  return out;
}

const ESC: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One SET operand as its characters; a string starting with '!' is an error text. */
function expand(set: string): string[] | { error: string } {
  // Unescape into [char, literal] tokens first.
  const tokens: Array<{ c: string; lit: boolean }> = [];
  for (let i = 0; i < set.length; i++) {
    const ch = set[i];
    if (ch === '\\' && i + 1 < set.length) {
      const oct = /^[0-7]{1,3}/.exec(set.slice(i + 1))?.[0];
      if (oct) {
        tokens.push({ c: String.fromCharCode(parseInt(oct, 8) & 255), lit: true });
        i += oct.length;
      } else {
        const next = set[++i];
        tokens.push({ c: ESC[next] ?? next, lit: true });
      }
    } else tokens.push({ c: ch, lit: false });
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const rest = tokens
      .slice(i)
      .map((x) => (x.lit ? '\u0000' : x.c))
      .join('');
    const cls = /^\[:([a-z]+):\]/.exec(rest);
    if (!t.lit && cls) {
      const make = CLASSES[cls[1]];
      if (!make) return { error: `invalid character class ${localeQuote(cls[1])}` };
      out.push(...make());
      i += cls[0].length - 1;
      continue;
    }
    const eq = /^\[=(.)=\]/.exec(rest);
    if (!t.lit && eq) {
      out.push(tokens[i + 2].c);
      i += 4;
      continue;
    }
    if (tokens[i + 1]?.c === '-' && !tokens[i + 1].lit && i + 2 < tokens.length) {
      const to = tokens[i + 2].c;
      if (to < t.c) {
        return {
          error: `range-endpoints of '${t.c}-${to}' are in reverse collating sequence order`,
        };
      }
      out.push(...range(t.c, to));
      i += 2;
      continue;
    }
    out.push(t.c);
  }
  return out;
}

/** GNU `tr`: translates, deletes (-d) or squeezes (-s) characters of stdin. */
export const tr: ShellCommand = defineUtility({
  name: 'tr',
  summary: 'translate or delete characters',
  options: [
    { key: 'c', short: 'c', long: 'complement' },
    { key: 'c', short: 'C' },
    { key: 'd', short: 'd', long: 'delete' },
    { key: 's', short: 's', long: 'squeeze-repeats' },
    { key: 't', short: 't', long: 'truncate-set1' },
  ],
  async run(ctx, io) {
    const ops = io.args.operands;
    const del = has(io.args, 'd');
    const squeeze = has(io.args, 's');
    const need = del && squeeze ? 2 : del || (squeeze && ops.length < 2) ? 1 : 2;
    if (ops.length < need) {
      if (ops.length === 0) return io.usage('missing operand');
      const why =
        del && squeeze
          ? 'Two strings must be given when both deleting and squeezing repeats.'
          : 'Two strings must be given when translating.';
      return io.usage(`missing operand after ${localeQuote(ops[ops.length - 1])}\n${why}`);
    }
    if (ops.length > need) {
      const extra = `extra operand ${localeQuote(ops[need])}`;
      return io.usage(
        need === 1 && del && ops.length === 2
          ? `${extra}\nOnly one string may be given when deleting without squeezing repeats.`
          : extra,
      );
    }
    const sets = ops.map(expand);
    for (const s of sets)
      if ('error' in s) {
        io.error(s.error);
        return 1;
      }
    let set1 = sets[0] as string[];
    const set2 = (sets[1] as string[] | undefined) ?? [];
    const text = await readAll(ctx.stdin);
    const complement = has(io.args, 'c');
    const in1 = new Set(set1);
    const member1 = (ch: string): boolean => in1.has(ch) !== complement;
    let out = '';
    if (del) {
      for (const ch of text) if (!member1(ch)) out += ch;
      if (squeeze) {
        const sq = new Set(set2);
        out = squeezeText(out, (ch) => sq.has(ch));
      }
    } else if (ops.length === 2) {
      if (set2.length === 0 && set1.length > 0) {
        io.error('when not truncating set1, string2 must be non-empty');
        return 1;
      }
      if (has(io.args, 't')) set1 = set1.slice(0, set2.length);
      const map = new Map<string, string>();
      set1.forEach((ch, i) => map.set(ch, set2[Math.min(i, set2.length - 1)]));
      const lastOf2 = set2[set2.length - 1];
      for (const ch of text) out += complement ? (in1.has(ch) ? ch : lastOf2) : (map.get(ch) ?? ch);
      if (squeeze) {
        const sq = new Set(set2);
        out = squeezeText(out, (ch) => sq.has(ch));
      }
    } else out = squeezeText(text, member1);
    await io.out(out);
    return 0;
  },
});

function squeezeText(text: string, member: (ch: string) => boolean): string {
  let out = '';
  let prev = '';
  for (const ch of text) {
    if (ch === prev && member(ch)) continue;
    out += ch;
    prev = ch;
  }
  return out;
}
