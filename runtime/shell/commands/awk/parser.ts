// Statements, pattern-action items and function definitions; then the checks mawk makes once
// the whole program is read (functions never defined, argument counts and kinds).
import type { Expr, FunctionDef, Item, Program, Redirect, Stmt } from './ast';
import { tokenize, FatalScanError, type Token } from './lexer';
import { ExprParser } from './parser-expr';
import { SyntaxStop } from './parser-base';

type Scope = 'begin' | 'end' | 'main' | 'function';

class Parser extends ExprParser {
  private scope: Scope = 'main';
  private readonly functions = new Map<string, FunctionDef>();

  program(): Program {
    const items: Item[] = [];
    while (this.tok.kind !== 'EOF') {
      const t = this.tok;
      if (t.kind === 'KEYWORD' && (t.text === 'BEGIN' || t.text === 'END')) {
        this.advance();
        this.scope = t.text === 'BEGIN' ? 'begin' : 'end';
        if (!this.is('{')) this.syntaxError();
        items.push({ k: this.scope === 'begin' ? 'begin' : 'end', body: this.block() });
        this.scope = 'main';
      } else if (t.kind === 'KEYWORD' && t.text === 'function') this.functionDef();
      else if (this.is('{')) items.push({ k: 'main', body: this.block() });
      else {
        const pattern = this.expr();
        let range: [Expr, Expr] | undefined;
        if (this.accept(',')) range = [pattern, this.expr()];
        let body: Stmt[] | undefined;
        if (this.is('{')) body = this.block();
        else if (this.tok.kind === 'NEWLINE' || (this.is(';') && !this.tok.fake)) this.advance();
        else this.syntaxError();
        items.push(range ? { k: 'main', range, body } : { k: 'main', pattern, body });
      }
    }
    return { items, functions: this.functions, arrays: this.arrayGlobals() };
  }

  private arrayGlobals(): Set<string> {
    return new Set([...this.globals].filter(([, kind]) => kind === 'array').map(([name]) => name));
  }

  private functionDef(): void {
    this.advance();
    const nameTok = this.tok;
    if (nameTok.kind !== 'FUNC_NAME' && nameTok.kind !== 'NAME') this.syntaxError();
    this.advance();
    if (this.functions.has(nameTok.text)) this.compileError(`redefinition of ${nameTok.text}`);
    this.expect('(');
    const params: string[] = [];
    if (!this.is(')')) {
      do {
        const p = this.tok;
        if (p.kind !== 'NAME') this.syntaxError();
        this.advance();
        if (params.includes(p.text)) this.compileError(`${p.text} is duplicated in argument list`);
        else params.push(p.text);
      } while (this.accept(','));
    }
    this.expect(')');
    this.skipNewlines();
    this.locals = new Map(params.map((p, i) => [p, i]));
    this.localKinds = params.map(() => undefined);
    this.scope = 'function';
    const def: FunctionDef = { name: nameTok.text, params, paramKinds: [], body: [] };
    this.functions.set(nameTok.text, def);
    if (!this.is('{')) this.syntaxError();
    def.body = this.block();
    def.paramKinds = [...this.localKinds];
    this.locals = undefined;
    this.scope = 'main';
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    while (!this.is('}')) {
      if (this.tok.kind === 'EOF') this.syntaxError();
      body.push(this.statement());
    }
    this.advance();
    return body;
  }

  /** A `;` or newline ending a simple statement. */
  private separator(): void {
    if (this.tok.kind === 'NEWLINE' || this.is(';')) this.advance();
    else this.syntaxError();
  }

  private statement(): Stmt {
    const t = this.tok;
    if (t.kind === 'NEWLINE' || this.is(';')) {
      this.advance();
      return { k: 'block', body: [] };
    }
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (t.kind === 'KEYWORD') {
      switch (t.text) {
        case 'if': {
          this.advance();
          this.expect('(');
          this.parens++;
          const test = this.expr();
          this.parens--;
          this.expect(')');
          this.skipNewlines();
          const then = this.statement();
          if (!this.is('else')) return { k: 'if', test, then };
          this.advance();
          this.skipNewlines();
          return { k: 'if', test, then, else: this.statement() };
        }
        case 'while': {
          this.advance();
          const test = this.condition();
          if (this.is(';') && !this.tok.fake) {
            this.advance();
            return { k: 'while', test, body: { k: 'block', body: [] } };
          }
          this.skipNewlines();
          return { k: 'while', test, body: this.statement() };
        }
        case 'do': {
          this.advance();
          this.skipNewlines();
          const body = this.statement();
          if (!this.is('while')) this.syntaxError();
          this.advance();
          const test = this.condition();
          this.separator();
          return { k: 'do', body, test };
        }
        case 'for':
          return this.forStatement();
        case 'break':
        case 'continue':
          this.advance();
          this.separator();
          return { k: t.text };
        case 'next':
        case 'nextfile':
          this.advance();
          if (this.scope !== 'main') this.compileError(`improper use of ${t.text}`);
          this.separator();
          return { k: t.text };
        case 'exit': {
          this.advance();
          const code = this.atSeparator() ? undefined : this.expr();
          this.separator();
          return { k: 'exit', code };
        }
        case 'return': {
          this.advance();
          const value = this.atSeparator() ? undefined : this.expr();
          if (this.scope !== 'function') this.compileError('return outside function body');
          this.separator();
          return { k: 'return', value };
        }
        case 'delete': {
          this.advance();
          const name = this.tok;
          if (name.kind !== 'NAME') this.syntaxError();
          this.advance();
          const ref = this.arrayRef(name.text);
          const subs = this.is('[') ? this.subscripts() : undefined;
          this.separator();
          return { k: 'delete', ref, subs };
        }
        case 'print':
        case 'printf':
          return this.print(t.text === 'printf');
      }
    }
    const e = this.expr();
    this.separator();
    return { k: 'expr', e };
  }

  private atSeparator(): boolean {
    return this.tok.kind === 'NEWLINE' || this.is(';') || this.tok.kind === 'EOF';
  }

  private condition(): Expr {
    this.expect('(');
    this.parens++;
    const test = this.expr();
    this.parens--;
    this.expect(')');
    return test;
  }

  private forStatement(): Stmt {
    this.advance();
    const a = this.peekAt(1);
    const b = this.peekAt(2);
    const c = this.peekAt(3);
    const d = this.peekAt(4);
    if (this.is('(') && a.kind === 'NAME' && b.text === 'in' && c.kind === 'NAME' && d.text === ')') {
      this.advance();
      this.advance();
      this.advance();
      this.advance();
      this.advance();
      this.skipNewlines();
      const v = { k: 'var' as const, ref: this.scalarRef(a.text) };
      return { k: 'forin', var: v, ref: this.arrayRef(c.text), body: this.statement() };
    }
    this.expect('(');
    this.parens++;
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    const test = this.is(';') ? undefined : this.expr();
    this.expect(';');
    const step = this.is(')') ? undefined : this.expr();
    this.parens--;
    this.expect(')');
    if (this.is(';') && !this.tok.fake) {
      this.advance();
      return { k: 'for', init, test, step, body: { k: 'block', body: [] } };
    }
    this.skipNewlines();
    return { k: 'for', init, test, step, body: this.statement() };
  }

  private print(printf: boolean): Stmt {
    const line = this.advance().line;
    let args: Expr[] = [];
    const ends = (): boolean => this.atSeparator() || this.is('>') || this.is('>>') || this.is('|') || this.is('}');
    this.inPrint = true;
    try {
      if (!ends()) {
        if (this.is('(')) {
          const save = this.pos;
          const saveErrors = this.errors.length;
          const saveCalls = this.calls.length;
          let list: Expr[] | undefined;
          try {
            list = this.parenList();
          } catch (error) {
            if (!(error instanceof SyntaxStop)) throw error;
          }
          if (list && list.length > 1 && ends()) args = list;
          else {
            this.pos = save;
            this.errors.length = saveErrors;
            this.calls.length = saveCalls;
            this.parens = 0;
          }
        }
        if (args.length === 0) {
          args.push(this.expr());
          while (this.accept(',')) args.push(this.expr());
        }
      }
    } finally {
      this.inPrint = false;
    }
    let redirect: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const mode = this.advance().text as Redirect['mode'];
      redirect = { mode, target: this.expr() };
    }
    if (printf && args.length === 0) this.compileError('no arguments in call to printf', line);
    this.separator();
    return { k: 'print', printf, args, redirect };
  }

  /** mawk's end-of-parse checks on calls: defined, not too many arguments, array or not. */
  checkCalls(lastLine: number): void {
    for (const call of this.calls) {
      const def = this.functions.get(call.name);
      if (!def) {
        this.compileError(`function ${call.name} never defined`, lastLine);
        continue;
      }
      if (call.args.length > def.params.length)
        this.compileError(`too many arguments in call to ${call.name}`, call.line);
      call.args.forEach((arg, i) => {
        const want = def.paramKinds[i];
        const bare = arg.k === 'var' ? arg.ref : undefined;
        const kind = bare ? this.kindOf(bare) : 'scalar';
        if (i >= def.params.length || want === undefined || kind === want) return;
        if (kind === undefined && bare?.scope === 'global') this.globals.set(bare.name, want);
        else if (kind !== undefined)
          this.compileError(`type error in arg(${i + 1}) in call to ${call.name}`, call.line);
      });
    }
  }

  /** Globals used as arrays, once calls have been resolved. */
  arrayNames(): Set<string> {
    return this.arrayGlobals();
  }
}

/** The outcome of compiling: a program, or mawk's error messages. */
export type CompileResult = { ok: true; program: Program } | { ok: false; errors: string[] };

/** Compiles awk source (a byte string); `where` prefixes messages for -f programs. */
export function compile(source: string, where = ''): CompileResult {
  let tokens: Token[];
  try {
    tokens = tokenize(source, new Set());
  } catch (error) {
    if (error instanceof FatalScanError) return { ok: false, errors: [where + error.message] };
    throw error;
  }
  const parser = new Parser(tokens, where);
  let program: Program;
  try {
    program = parser.program();
  } catch (error) {
    if (error instanceof SyntaxStop) return { ok: false, errors: parser.errors };
    if (error instanceof FatalScanError) return { ok: false, errors: [...parser.errors, where + error.message] };
    throw error;
  }
  if (parser.errors.length > 0) return { ok: false, errors: parser.errors };
  parser.checkCalls(tokens[tokens.length - 1].line);
  if (parser.errors.length > 0) return { ok: false, errors: parser.errors };
  program.arrays = parser.arrayNames();
  return { ok: true, program };
}
