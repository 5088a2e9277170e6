// jq 1.6's grammar (parser.y) as precedence climbing: binary operators with bison's precedences
// and associativity, postfix `?`, and the forms that start an expression (`def`, `reduce`,
// `foreach`, `if`, `try`, `label`, `-`, `Term as $x | …`).
import { IDENTITY, type AssignOp, type BinaryOp, type FuncDef, type Loc, type Node, type Param } from './ast';
import { TermParser } from './parse-terms';
import { Abort, formatDiagnostic } from './parser-base';

type Assoc = 'left' | 'right' | 'none';

/** Bison's %left/%right/%nonassoc lines, loosest first. */
const BINARY: Record<string, { prec: number; assoc: Assoc }> = {
  '|': { prec: 1, assoc: 'right' },
  ',': { prec: 2, assoc: 'left' },
  '//': { prec: 3, assoc: 'right' },
  ...Object.fromEntries(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='].map((op) => [op, { prec: 4, assoc: 'none' }])),
  or: { prec: 5, assoc: 'left' },
  and: { prec: 6, assoc: 'left' },
  ...Object.fromEntries(['==', '!=', '<', '>', '<=', '>='].map((op) => [op, { prec: 7, assoc: 'none' }])),
  '+': { prec: 8, assoc: 'left' },
  '-': { prec: 8, assoc: 'left' },
  '*': { prec: 9, assoc: 'left' },
  '/': { prec: 9, assoc: 'left' },
  '%': { prec: 9, assoc: 'left' },
};

/** The tokens an expression can start with. */
const EXP_START = new Set([
  ...['.', '..', 'FIELD', 'LITERAL', 'QQSTRING_START', 'FORMAT', '(', '[', '{', '$', 'IDENT', 'break', '-'],
  ...['def', 'reduce', 'foreach', 'if', 'try', 'label'],
]);

const ASSIGNMENTS = new Set(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']);

export class Parser extends TermParser {
  /** Exp, taking binary operators of precedence `minPrec` and up. */
  parseExp(minPrec = 0): Node {
    const start = this.peek().start;
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind === '?') {
        this.advance();
        left = { type: 'try', body: left };
        continue;
      }
      const op = BINARY[t.kind];
      if (!op || op.prec < minPrec) return left;
      this.advance();
      const right = this.parseExp(op.assoc === 'right' ? op.prec : op.prec + 1);
      left = this.combine(t.kind, left, right, { start, end: t.end });
      if (op.assoc === 'none' && BINARY[this.peek().kind]?.prec === op.prec) this.syntaxError();
    }
  }

  private combine(op: string, left: Node, right: Node, loc: Loc): Node {
    if (op === '|') return { type: 'pipe', left, right };
    if (op === ',') return { type: 'comma', left, right };
    if (op === '//') return { type: 'alternative', left, right };
    if (op === 'and' || op === 'or') return { type: op, left, right };
    if (ASSIGNMENTS.has(op)) return { type: 'assign', op: op as AssignOp, left, right };
    return this.binary(op as BinaryOp, left, right, loc);
  }

  /** The forms an Exp can start with; a Term may be followed by `as $x | body`. */
  private parseUnary(): Node {
    switch (this.peek().kind) {
      case '-':
        this.advance();
        return { type: 'negate', operand: this.parseExp(BINARY['*'].prec) };
      case 'def': {
        const def = this.parseDef();
        return { type: 'def', def, rest: this.parseExp() };
      }
      case 'reduce':
      case 'foreach':
        return this.parseFold();
      case 'if':
        return this.parseIf();
      case 'try':
        return this.parseTry();
      case 'label': {
        this.advance();
        this.expect('$', ['$']);
        const name = this.expect('IDENT', ['IDENT']).value as string;
        this.expect('|', ['|']);
        return { type: 'label', name, body: this.parseExp() };
      }
      default: {
        const term = this.parseTerm();
        if (!this.is('as')) return term;
        this.advance();
        const patterns = this.parsePatterns();
        this.expect('|', ['|']);
        return { type: 'bind', source: term, patterns, body: this.parseExp() };
      }
    }
  }

  private parseDef(): FuncDef {
    this.advance();
    const name = this.expect('IDENT', ['IDENT']).value as string;
    const params: Param[] = [];
    if (this.is('(')) {
      this.advance();
      for (;;) {
        if (this.is('$')) {
          this.advance();
          params.push({ name: this.expect('IDENT', ['IDENT']).value as string, byValue: true });
        } else if (this.is('IDENT')) params.push({ name: this.advance().value as string, byValue: false });
        else this.syntaxError(['IDENT', '$']);
        if (this.is(')')) break;
        this.expect(';', [';', ')']);
      }
      this.advance();
      this.expect(':', [':']);
    } else this.expect(':', ['(', ':']);
    const body = this.parseExp();
    this.expect(';');
    return { name, params, body };
  }

  /** `reduce SOURCE as $x (INIT; UPDATE)` and `foreach SOURCE as $x (INIT; UPDATE[; EXTRACT])`. */
  private parseFold(): Node {
    const kind = this.advance().kind as 'reduce' | 'foreach';
    const source = this.parseTerm();
    if (!this.is('as')) this.syntaxError(['FIELD', 'as', '.', '[']);
    this.advance();
    const patterns = this.parsePatterns();
    this.expect('(', ['(']);
    const init = this.parseExp();
    this.expect(';');
    const update = this.parseExp();
    if (kind === 'reduce') {
      this.expect(')');
      return { type: 'reduce', source, patterns, init, update };
    }
    let extract: Node | undefined;
    if (this.is(';')) {
      this.advance();
      extract = this.parseExp();
    }
    this.expect(')');
    return { type: 'foreach', source, patterns, init, update, extract };
  }

  /** `if … then … (elif … then …)* else … end`; 1.6 requires the else. */
  private parseIf(): Node {
    const start = this.advance();
    const cond = this.parseExp();
    this.expect('then');
    return this.recovering(
      { kind: 'if', start: start.start },
      () => ({ type: 'if', cond, then: this.parseExp(), else: this.parseElse() }) as Node,
      () => {
        this.fail("Possibly unterminated 'if' statement", start);
        return cond;
      },
    );
  }

  private parseElse(): Node {
    if (this.is('elif')) {
      this.advance();
      const cond = this.parseExp();
      this.expect('then');
      return { type: 'if', cond, then: this.parseExp(), else: this.parseElse() };
    }
    this.expect('else');
    const node = this.parseExp();
    this.expect('end');
    return node;
  }

  /** `try BODY [catch HANDLER]`: both bind tighter than any operator. */
  private parseTry(): Node {
    const start = this.advance();
    const body = this.parseUnary();
    if (!this.is('catch')) return { type: 'try', body };
    this.advance();
    return this.recovering(
      { kind: 'tryCatch', start: start.start },
      () => ({ type: 'try', body, handler: this.parseUnary() }) as Node,
      () => {
        this.fail("Possibly unterminated 'try' statement", start);
        return body;
      },
    );
  }

  /** Modules jq would have to load (`import`, `include`): kubeplay has none. */
  readonly modules: string[] = [];

  /** `module {…};` then `import "path" as name;` / `include "path";` directives. */
  private parseDirectives(): void {
    const constant = (n: Node): boolean =>
      n.type === 'literal' || (n.type === 'object' && n.entries.every((e) => constant(e.key) && constant(e.value)));
    if (this.is('module')) {
      const t = this.advance();
      const meta = this.parseExp();
      this.expect(';');
      if (!constant(meta)) this.fail('Module metadata must be constant', t);
    }
    while (this.is('import', 'include')) {
      const t = this.advance();
      const pathStart = this.peek();
      if (!this.is('FORMAT', 'QQSTRING_START')) this.syntaxError(['FORMAT', 'QQSTRING_START']);
      const path = this.parseString();
      if (path.type !== 'literal') this.fail('Import path must be constant', pathStart);
      if (t.kind === 'import') {
        this.expect('as', ['as']);
        if (this.is('$')) this.advance();
        this.expect('IDENT', ['IDENT']);
      }
      const meta = this.is(';') ? undefined : this.parseExp();
      this.expect(';');
      if (meta && !constant(meta)) this.fail('Module metadata must be constant', t);
      else if (meta && meta.type !== 'object') this.fail('Module metadata must be an object', t);
      this.modules.push(path.type === 'literal' ? String(path.value) : '');
    }
  }

  /** TopLevel: an Exp, or only definitions (then the program is `.`). */
  parseProgram(): Node | undefined {
    try {
      this.parseDirectives();
      const defs: FuncDef[] = [];
      while (this.is('def')) defs.push(this.parseDef());
      // Definitions may end the program; a token that cannot start an expression ends it early.
      if (!this.is('$end') && !EXP_START.has(this.peek().kind)) this.syntaxError(['$end']);
      let node = this.is('$end') ? IDENTITY : this.parseExp();
      if (!this.is('$end')) this.syntaxError(['$end']);
      for (const def of defs.reverse()) node = { type: 'def', def, rest: node };
      return this.diagnostics.length ? undefined : node;
    } catch (error) {
      if (error instanceof Abort) return undefined;
      throw error;
    }
  }
}

/** The program's syntax tree, or jq's compile error text (each error, then the count). */
export function parseProgram(source: string): { node: Node } | { errors: string[] } {
  const parser = new Parser(source);
  const node = parser.parseProgram();
  if (node && parser.modules.length) return { errors: [`jq: error: module not found: ${parser.modules[0]}\n`] };
  if (node && parser.diagnostics.length === 0) return { node };
  return { errors: parser.diagnostics.map((d) => formatDiagnostic(source, d)) };
}
