// Expressions, following mawk's grammar (parse.y): comparison, match, `in`, && and || take
// whole expressions and allow an assignment on their right; concatenation and arithmetic take
// only "p_expr"s; `$` binds tighter than anything but parentheses.
import type { Expr, LValue } from './ast';
import { ParserBase } from './parser-base';
import { compileRegex, RegexError } from './regex';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const REL_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Builtins and their argument counts [min, max]. */
const ARITY: Record<string, [number, number]> = {
  length: [0, 1],
  substr: [2, 3],
  index: [2, 2],
  split: [2, 3],
  sub: [2, 3],
  gsub: [2, 3],
  match: [2, 2],
  sprintf: [1, 255],
  tolower: [1, 1],
  toupper: [1, 1],
  int: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  atan2: [2, 2],
  rand: [0, 0],
  srand: [0, 1],
  system: [1, 1],
  close: [1, 1],
  fflush: [0, 1],
};

const isLValue = (e: Expr): e is LValue => e.k === 'var' || e.k === 'index' || e.k === 'field';

export class ExprParser extends ParserBase {
  /** Function calls to check once every function is defined. */
  protected readonly calls: Array<Extract<Expr, { k: 'call' }>> = [];

  expr(): Expr {
    const test = this.operand(() => this.orExpr());
    if (!this.is('?')) return test;
    this.advance();
    const yes = this.expr();
    this.expect(':');
    const no = this.expr();
    return { k: 'cond', test, yes, no };
  }

  /** An assignment if an lvalue and an assignment operator come next, else `next()`. */
  private operand(next: () => Expr): Expr {
    const t = this.tok;
    if (t.kind === 'NAME' || this.is('$') || this.is('(')) {
      const save = this.pos;
      const saveParens = this.parens;
      const saveErrors = this.errors.length;
      const saveCalls = this.calls.length;
      let target: Expr | undefined;
      try {
        target = this.is('(') ? this.primary() : this.lvalueOnly();
      } catch {
        target = undefined;
      }
      const op = this.tok;
      if (target && isLValue(target) && op.kind === 'PUNCT' && ASSIGN_OPS.has(op.text)) {
        this.advance();
        if (target.k === 'var') target.ref = this.scalarRef(target.ref.name);
        return { k: 'assign', op: op.text, target, value: this.expr() };
      }
      this.pos = save;
      this.parens = saveParens;
      this.errors.length = saveErrors;
      this.calls.length = saveCalls;
    }
    return next();
  }

  /** NAME, NAME[subs] or a field, without consuming anything after it. */
  private lvalueOnly(): Expr | undefined {
    if (this.is('$')) {
      this.advance();
      return { k: 'field', index: this.dollarOperand() };
    }
    const name = this.advance().text;
    if (this.is('[')) return { k: 'index', ref: this.arrayRef(name), subs: this.subscripts() };
    return { k: 'var', ref: { scope: 'global', name } };
  }

  /** mawk compiles regex constants with the program: a bad one is a compile error. */
  protected checkRegex(source: string): void {
    try {
      compileRegex(source);
    } catch (error) {
      if (!(error instanceof RegexError)) throw error;
      this.compileError(`regular expression compile failed (${error.message})\n${source}`);
    }
  }

  private orExpr(): Expr {
    let a = this.andExpr();
    while (this.is('||')) {
      this.advance();
      a = { k: 'or', a, b: this.operand(() => this.andExpr()) };
    }
    return a;
  }

  private andExpr(): Expr {
    let a = this.inExpr();
    while (this.is('&&')) {
      this.advance();
      a = { k: 'and', a, b: this.operand(() => this.inExpr()) };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in')) {
      this.advance();
      const t = this.tok;
      if (t.kind !== 'NAME') this.syntaxError();
      this.advance();
      a = { k: 'in', subs: [a], ref: this.arrayRef(t.text) };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.relExpr();
    while (this.is('~') || this.is('!~')) {
      const negate = this.advance().text === '!~';
      const re = this.operand(() => this.relExpr());
      if (re.k === 'str') this.checkRegex(re.v);
      a = { k: 'match', negate, a, re };
    }
    return a;
  }

  private relExpr(): Expr {
    let a = this.catExpr();
    for (;;) {
      const t = this.tok;
      if (t.kind !== 'PUNCT' || !REL_OPS.has(t.text)) return a;
      if (t.text === '>' && this.inPrint && this.parens === 0) return a;
      this.advance();
      a = { k: 'cmp', op: t.text, a, b: this.operand(() => this.catExpr()) };
    }
  }

  private startsPrimary(): boolean {
    const t = this.tok;
    if (['NUM', 'STR', 'ERE', 'NAME', 'FUNC_NAME', 'BUILTIN', 'LENGTH'].includes(t.kind)) return true;
    if (t.kind === 'KEYWORD') return t.text === 'getline';
    return t.kind === 'PUNCT' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.text);
  }

  private catExpr(): Expr {
    let a = this.additive();
    while (this.startsPrimary() && !this.is('-') && !this.is('+')) a = { k: 'cat', a, b: this.additive() };
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.advance().text;
      a = { k: 'binary', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.advance().text;
      a = { k: 'binary', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.advance().text;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.pipeGetline();
  }

  private pipeGetline(): Expr {
    let a = this.power();
    while (this.is('|') && this.peekAt(1).kind === 'KEYWORD' && this.peekAt(1).text === 'getline') {
      this.advance();
      this.advance();
      a = { k: 'getline', command: a, target: this.getlineTarget() };
    }
    return a;
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.is('^')) return base;
    this.advance();
    return { k: 'binary', op: '^', a: base, b: this.powerOperand() };
  }

  private powerOperand(): Expr {
    if (this.is('-') || this.is('+') || this.is('!')) {
      const op = this.advance().text;
      return { k: 'unary', op, e: this.powerOperand() };
    }
    return this.power();
  }

  private postfix(): Expr {
    const e = this.primary();
    if (isLValue(e) && (this.is('++') || this.is('--'))) {
      const delta = this.advance().text === '++' ? 1 : -1;
      return { k: 'incdec', prefix: false, delta, target: e };
    }
    return e;
  }

  /** What follows `$`: a primary, or a signed / incremented one. */
  protected dollarOperand(): Expr {
    if (this.is('++') || this.is('--')) {
      const delta = this.advance().text === '++' ? 1 : -1;
      return { k: 'incdec', prefix: true, delta, target: this.lvalue() };
    }
    if (this.is('-') || this.is('+') || this.is('!')) {
      const op = this.advance().text;
      return { k: 'unary', op, e: this.dollarOperand() };
    }
    return this.primary();
  }

  protected subscripts(): Expr[] {
    this.expect('[');
    const subs = [this.expr()];
    while (this.accept(',')) subs.push(this.expr());
    this.expect(']');
    return subs;
  }

  /** An assignable place: NAME, NAME[subs] or $expr. */
  protected lvalue(): LValue {
    if (this.is('$')) {
      this.advance();
      return { k: 'field', index: this.dollarOperand() };
    }
    const t = this.tok;
    if (t.kind !== 'NAME') this.syntaxError();
    this.advance();
    if (this.is('[')) return { k: 'index', ref: this.arrayRef(t.text), subs: this.subscripts() };
    return { k: 'var', ref: this.scalarRef(t.text) };
  }

  private getlineTarget(): LValue | undefined {
    return this.tok.kind === 'NAME' || this.is('$') ? this.lvalue() : undefined;
  }

  /** `( expr, expr... )`: the list (for `in` or print's parenthesized arguments). */
  protected parenList(): Expr[] {
    this.expect('(');
    this.parens++;
    const list = [this.expr()];
    while (this.accept(',')) list.push(this.expr());
    this.parens--;
    this.expect(')');
    return list;
  }

  protected primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'NUM':
        this.advance();
        return { k: 'num', v: t.value as number };
      case 'STR':
        this.advance();
        return { k: 'str', v: t.text };
      case 'ERE':
        this.advance();
        this.checkRegex(t.text);
        return { k: 'regex', src: t.text };
      case 'NAME':
        this.advance();
        if (this.is('[')) return { k: 'index', ref: this.arrayRef(t.text), subs: this.subscripts() };
        return { k: 'var', ref: this.scalarRef(t.text) };
      case 'FUNC_NAME': {
        this.advance();
        if (!this.is('(')) this.syntaxError();
        this.advance();
        this.parens++;
        const args: Expr[] = [];
        if (!this.is(')')) {
          do {
            const a = this.tok;
            const after = this.peekAt(1);
            if (a.kind === 'NAME' && after.kind === 'PUNCT' && (after.text === ',' || after.text === ')')) {
              this.advance();
              args.push({ k: 'var', ref: this.bareRef(a.text) });
            } else args.push(this.expr());
          } while (this.accept(','));
        }
        this.parens--;
        this.expect(')');
        const call = { k: 'call' as const, name: t.text, args, line: this.tok.line };
        this.calls.push(call);
        return call;
      }
      case 'BUILTIN':
        return this.builtin();
      case 'LENGTH':
        this.advance();
        return { k: 'builtin', name: 'length', args: [] };
      case 'KEYWORD':
        if (t.text === 'getline') {
          this.advance();
          const target = this.getlineTarget();
          if (this.is('<')) {
            this.advance();
            return { k: 'getline', target, file: this.power() };
          }
          return { k: 'getline', target };
        }
        break;
      case 'PUNCT':
        if (t.text === '$') {
          this.advance();
          return { k: 'field', index: this.dollarOperand() };
        }
        if (t.text === '++' || t.text === '--') {
          this.advance();
          return { k: 'incdec', prefix: true, delta: t.text === '++' ? 1 : -1, target: this.lvalue() };
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return this.unary();
        if (t.text === '(') {
          const list = this.parenList();
          if (list.length > 1) {
            if (!this.is('in')) this.syntaxError();
            this.advance();
            const name = this.tok;
            if (name.kind !== 'NAME') this.syntaxError();
            this.advance();
            return { k: 'in', subs: list, ref: this.arrayRef(name.text) };
          }
          return list[0].k === 'field' ? list[0] : { k: 'group', e: list[0] };
        }
        break;
    }
    this.syntaxError();
  }

  private builtin(): Expr {
    const name = this.advance().text;
    const line = this.tok.line;
    this.expect('(');
    this.parens++;
    const args: Expr[] = [];
    if (!this.is(')')) {
      if (name === 'length' && this.tok.kind === 'NAME' && this.peekAt(1).text === ')') {
        const n = this.advance().text;
        const ref = this.bareRef(n);
        if (this.kindOf(ref) === 'array') {
          this.parens--;
          this.expect(')');
          return { k: 'builtin', name: 'length_array', args: [{ k: 'var', ref }] };
        }
        args.push({ k: 'var', ref: this.scalarRef(n) });
      } else
        do {
          if (name === 'split' && args.length === 1) {
            const a = this.tok;
            if (a.kind !== 'NAME') this.syntaxError();
            this.advance();
            args.push({ k: 'var', ref: this.arrayRef(a.text) });
          } else args.push(this.expr());
        } while (this.accept(','));
    }
    this.parens--;
    this.expect(')');
    const [min, max] = ARITY[name];
    if (args.length < min || args.length > max) this.compileError(`wrong number of arguments in call to ${name}`, line);
    if ((name === 'sub' || name === 'gsub') && args.length === 3 && !isLValue(args[2])) this.syntaxError();
    return { k: 'builtin', name, args };
  }
}
