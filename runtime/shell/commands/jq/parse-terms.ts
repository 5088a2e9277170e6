// jq's Terms (parser.y): `.`, `.foo`, `.[…]` and slices with their `?`, literals, strings with
// interpolation, `[…]`, `$var`, calls and `break`; constant folding of `+ - * /` as jq does it.
import { IDENTITY, literal, type BinaryOp, type Loc, type Node } from './ast';
import { foldConstants } from './fold';
import type { Value } from './values';
import { tokenName } from './lexer';
import { ObjectParser } from './parse-objects';

const NOT_AFTER_DOT = new Set([
  'INVALID_CHARACTER',
  'LITERAL',
  '(',
  '{',
  '$',
  '..',
  'def',
  'if',
  'reduce',
  'foreach',
  'try',
  'label',
  'break',
  '__loc__',
  'module',
  'import',
  'include',
]);

const FIELD_HINT = 'try .["field"] instead of .field for unusually named fields';

const STRING_PARTS = ['QQSTRING_TEXT', 'QQSTRING_INTERP_START', 'QQSTRING_END'];
export abstract class TermParser extends ObjectParser {
  abstract parseExp(minPrec?: number): Node;

  /** `a + b`, folded when both are constants, as jq folds them. */
  protected plus(left: Node, right: Node): Node {
    return this.binary('+', left, right, { start: 0, end: 0 });
  }

  /** `a OP b`; jq folds constants, and a constant division by zero is a compile error. */
  protected binary(op: BinaryOp, left: Node, right: Node, loc: Loc): Node {
    const folded = foldConstants(op, left, right);
    if (!folded) return { type: 'binary', op, left, right };
    if (folded.type === 'literal' && op === '/' && Math.abs(folded.value as number) === Infinity)
      this.fail('Division by zero?', loc);
    return folded;
  }

  /** Term: a primary, then any chain of `.foo`, `."foo"`, `[…]`, each optionally with `?`. */
  parseTerm(): Node {
    let node = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'FIELD') {
        this.advance();
        node = this.index(node, literal(t.value as string));
      } else if (t.kind === '.') {
        this.advance();
        if (!this.is('FORMAT', 'QQSTRING_START')) this.syntaxError(['FORMAT', 'QQSTRING_START']);
        node = this.index(node, this.parseString());
      } else if (t.kind === '[') node = this.bracketSuffix(node);
      else return node;
    }
  }

  private optional(): boolean {
    if (!this.is('?')) return false;
    this.advance();
    return true;
  }

  private index(target: Node, key: Node): Node {
    return { type: 'index', target, key, optional: this.optional() };
  }

  /** `[]`, `[e]`, `[e:]`, `[:e]`, `[e:e]` after a term (recovers at `]` on errors inside). */
  private bracketSuffix(target: Node): Node {
    const open = this.advance();
    return this.recovering(
      { kind: 'bracket', start: open.start },
      () => {
        if (this.is(']')) {
          this.advance();
          return { type: 'iterate', target, optional: this.optional() } as Node;
        }
        const open = this.is(':');
        const from = open ? literal(null) : this.parseExp();
        if (!this.is(':')) {
          this.expect(']');
          return this.index(target, from);
        }
        this.advance();
        // `.[e:]` and `.[:e]` are slices; `.[:]` is not.
        const to = this.is(']') && !open ? literal(null) : this.parseExp();
        this.expect(']');
        return { type: 'slice', target, from, to, optional: this.optional() } as Node;
      },
      () => {
        this.skipTo(']');
        this.advance();
        return target;
      },
    );
  }

  private parsePrimary(): Node {
    const t = this.peek();
    switch (t.kind) {
      case '.':
        this.advance();
        if (this.is('FORMAT', 'QQSTRING_START'))
          return this.recovering(
            { kind: 'dot', start: t.start },
            () => this.index(IDENTITY, this.parseString()),
            () => {
              this.fail(FIELD_HINT, t);
              return IDENTITY;
            },
          );
        if (this.is('IDENT')) {
          this.advance();
          return this.badField(t.start);
        }
        if (NOT_AFTER_DOT.has(this.peek().kind)) return this.badField(t.start);
        return IDENTITY;
      case '..':
        this.advance();
        return { type: 'call', name: 'recurse', args: [], loc: t };
      case 'FIELD':
        this.advance();
        return this.index(IDENTITY, literal(t.value as string));
      case 'LITERAL':
        this.advance();
        return literal(t.value ?? null);
      case 'QQSTRING_START':
        return this.parseString();
      case 'FORMAT':
        this.advance();
        if (this.is('QQSTRING_START')) return this.parseString(t.value as string);
        return { type: 'format', name: t.value as string };
      case '(':
        this.advance();
        return this.closed('paren', t.start, ')', () => this.parseExp());
      case '[':
        this.advance();
        if (this.is(']')) {
          this.advance();
          return literal([]);
        }
        return this.closed('bracket', t.start, ']', () => ({ type: 'array', body: this.parseExp() }));
      case '{':
        return this.parseObject();
      case '$':
        return this.parseVariable();
      case 'IDENT':
        return this.parseCall();
      case 'break':
        return this.parseBreak();
      default:
        return this.syntaxError();
    }
  }

  /** `( … )` or `[ … ]`: on an error inside, bison skips to the closer and goes on. */
  private closed(kind: 'paren' | 'bracket', start: number, closer: string, parse: () => Node): Node {
    return this.recovering(
      { kind, start },
      () => {
        const node = parse();
        this.expect(closer);
        return node;
      },
      () => {
        this.skipTo(closer);
        this.advance();
        return IDENTITY;
      },
    );
  }

  /** `.` followed by something no term can start with: jq's hint about odd field names. */
  private badField(dot: number): Node {
    const token = this.peek();
    if (this.quiet === 0)
      this.fail(`syntax error, unexpected ${tokenName(token.kind)} (Unix shell quoting issues?)`, token);
    else if (this.quiet === 3) this.discard();
    this.quiet = 3;
    this.fail(FIELD_HINT, { start: dot, end: dot });
    return IDENTITY;
  }

  private parseVariable(): Node {
    const dollar = this.advance();
    if (this.is('__loc__')) {
      this.advance();
      const line = this.source.slice(0, this.charIndex(dollar.start)).split('\n').length;
      return literal(
        new Map<string, Value>([
          ['file', '<top-level>'],
          ['line', line],
        ]),
      );
    }
    const name = this.expect('IDENT', ['IDENT', '__loc__']);
    return { type: 'var', name: name.value as string, loc: { start: dollar.start, end: name.end } };
  }

  /** The string index of a byte offset into the program. */
  private charIndex(byte: number): number {
    let b = 0;
    let i = 0;
    while (b < byte && i < this.source.length) {
      const c = this.source.charCodeAt(i++);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    }
    return i;
  }

  private parseCall(): Node {
    const t = this.advance();
    const name = t.value as string;
    if (!this.is('(')) {
      if (name === 'true' || name === 'false') return literal(name === 'true');
      if (name === 'null') return literal(null);
      return { type: 'call', name, args: [], loc: t };
    }
    this.advance();
    const args: Node[] = [];
    for (;;) {
      args.push(this.parseExp());
      if (this.is(')')) break;
      this.expect(';', [';', ')']);
    }
    this.advance();
    return { type: 'call', name, args, loc: t };
  }

  private parseBreak(): Node {
    const t = this.advance();
    return this.recovering(
      { kind: 'break', start: t.start },
      () => {
        this.expect('$', ['$']);
        const name = this.expect('IDENT', ['IDENT']);
        return { type: 'break', name: name.value as string, loc: { start: t.start, end: name.end } } as Node;
      },
      () => {
        this.fail('break requires a label to break to', t);
        return IDENTITY;
      },
    );
  }

  /** `"…"` or `@fmt "…"`: text pieces and interpolations joined by `+`, as jq builds them. */
  parseString(format = 'text'): Node {
    if (this.is('FORMAT')) format = this.advance().value as string;
    this.expect('QQSTRING_START', ['QQSTRING_START']);
    let node: Node = literal('');
    for (;;) {
      const t = this.peek();
      if (t.kind === 'QQSTRING_END') {
        this.advance();
        return node;
      }
      if (t.kind === 'QQSTRING_TEXT') {
        this.advance();
        node = this.plus(node, literal(t.value ?? null));
      } else if (t.kind === 'QQSTRING_INTERP_START') {
        this.advance();
        const expr = this.parseExp();
        this.expect('QQSTRING_INTERP_END');
        node = this.plus(node, { type: 'pipe', left: expr, right: { type: 'format', name: format } });
      } else this.syntaxError(STRING_PARTS);
    }
  }
}
