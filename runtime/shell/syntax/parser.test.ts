import { describe, expect, it } from 'vitest';
import type { Command, List } from './ast';
import { ParseError } from './errors';
import { Parser } from './parser';

/** Every top-level command of `text`. */
function parse(text: string, interactive = false): List {
  const parser = new Parser(text, { interactive });
  const all: List = [];
  for (let list = parser.nextCommand(); list; list = parser.nextCommand()) all.push(...list);
  return all;
}

const first = (text: string): Command => parse(text)[0].andOr.first.commands[0];

function error(text: string, interactive = false): ParseError {
  try {
    parse(text, interactive);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('the parser', () => {
  it('keeps quoting in word parts', () => {
    const cmd = first(`echo a"b $x"'c'\\d $'e\\tf'`);
    expect(cmd.type === 'simple' && cmd.words[1].parts).toEqual([
      { kind: 'literal', text: 'a' },
      {
        kind: 'double',
        parts: [
          { kind: 'quoted', text: 'b ' },
          { kind: 'param', name: 'x' },
        ],
      },
      { kind: 'quoted', text: 'c' },
      { kind: 'quoted', text: 'd' },
    ]);
    expect(cmd.type === 'simple' && cmd.words[2].parts).toEqual([{ kind: 'quoted', text: 'e\tf' }]);
  });

  it('reads ${…} operators and their words', () => {
    const cmd = first('echo ${x:-a b} ${y//p/r} ${#z}');
    if (cmd.type !== 'simple') throw new Error('not simple');
    expect(cmd.words[1].parts[0]).toMatchObject({
      kind: 'param',
      name: 'x',
      op: '-',
      colon: true,
      arg: { text: 'a b' },
    });
    expect(cmd.words[2].parts[0]).toMatchObject({
      kind: 'param',
      name: 'y',
      op: '//',
      arg: { text: 'p' },
      arg2: { text: 'r' },
    });
    expect(cmd.words[3].parts[0]).toMatchObject({ kind: 'param', name: 'z', length: true });
  });

  it('nests command substitutions and arithmetic', () => {
    const cmd = first('echo $(echo $((1 + $(echo 2))))');
    if (cmd.type !== 'simple') throw new Error('not simple');
    const sub = cmd.words[1].parts[0];
    expect(sub.kind).toBe('command');
    const inner = sub.kind === 'command' ? sub.body[0].andOr.first.commands[0] : undefined;
    expect(inner?.type === 'simple' && inner.words[1].parts[0].kind).toBe('arith');
  });

  it('builds pipelines, and-or lists and background jobs', () => {
    const list = parse('! a | b |& c && d || e & f');
    expect(list).toHaveLength(2);
    expect(list[0].background).toBe(true);
    expect(list[0].andOr.first.negate).toBe(true);
    expect(list[0].andOr.first.commands).toHaveLength(3);
    expect(list[0].andOr.first.commands[1].redirects).toEqual([expect.objectContaining({ fd: 2, op: '>&' })]);
    expect(list[0].andOr.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('attaches here-document bodies read after the line', () => {
    const cmd = first("cat <<EOF | x; cat <<-'Q'\nhi $y\nEOF\n\tliteral $z\n\tQ\n");
    expect(cmd.redirects[0]).toMatchObject({ op: '<<', heredoc: { quoted: false, body: { text: 'hi $y\n' } } });
    const second = parse("cat <<EOF | x; cat <<-'Q'\nhi $y\nEOF\n\tliteral $z\n\tQ\n")[1].andOr.first.commands[0];
    expect(second.redirects[0]).toMatchObject({ op: '<<-', heredoc: { quoted: true, body: { text: 'literal $z\n' } } });
  });

  it('parses compound commands and function definitions', () => {
    expect(first('if a; then b; elif c; then d; else e; fi')).toMatchObject({
      type: 'if',
      clauses: [{}, {}],
      elseBody: [{}],
    });
    expect(first('for x in 1 2; do :; done')).toMatchObject({
      type: 'for',
      name: 'x',
      items: [{ text: '1' }, { text: '2' }],
    });
    expect(first('for ((i=0; i<3; i++)); do :; done')).toMatchObject({ type: 'arith-for', cond: { text: ' i<3' } });
    expect(first('case $x in a|b) :;; *) :;& esac')).toMatchObject({
      type: 'case',
      items: [{ terminator: ';;' }, { terminator: ';&' }],
    });
    expect(first('f() { :; } > out')).toMatchObject({
      type: 'function',
      name: 'f',
      body: { type: 'group', redirects: [{ op: '>' }] },
    });
    expect(first('[[ -n $x && $y == a* ]]')).toMatchObject({
      type: 'cond',
      expr: { kind: 'and', left: { kind: 'unary', op: '-n' } },
    });
    expect(first('(( x += 2 ))')).toMatchObject({ type: 'arith', expr: { text: ' x += 2 ' } });
  });

  it('expands aliases as text on the first word, and after an alias ending in a blank', () => {
    const aliases: Record<string, string> = { k: 'kubectl ', ll: 'ls -l', g: 'get' };
    const parser = new Parser('k g pods; ll', { alias: (n) => aliases[n] });
    const list = parser.nextCommand() as List;
    const words = (c: Command): string[] => (c.type === 'simple' ? c.words.map((w) => w.text) : []);
    expect(words(list[0].andOr.first.commands[0])).toEqual(['kubectl', 'get', 'pods']);
    expect(words(list[1].andOr.first.commands[0])).toEqual(['ls', '-l']);
  });

  it("reports bash's syntax errors, marking input that ended too early", () => {
    expect(error('echo a | | b')).toMatchObject({
      message: "syntax error near unexpected token `|'",
      incomplete: false,
    });
    expect(error('echo >')).toMatchObject({ message: "syntax error near unexpected token `newline'" });
    expect(error('if true; then echo')).toMatchObject({
      message: 'syntax error: unexpected end of file',
      incomplete: true,
    });
    expect(error('echo "abc')).toMatchObject({
      message: 'unexpected EOF while looking for matching `"\'',
      incomplete: true,
    });
    expect(error('echo a |')).toMatchObject({ incomplete: true });
    expect(error('cat <<EOF\nbody', true)).toMatchObject({ incomplete: true });
    expect(error('echo a \\', true)).toMatchObject({ incomplete: true });
  });

  it('survives deep nesting and garbage without overflowing the stack', () => {
    expect(error('('.repeat(10_000)).message).toMatch(/nesting|end of file/);
    expect(() => parse('\x00\x01\x02 ]]] }}} {{{ $$$ ```')).toThrow(ParseError);
  });
});
