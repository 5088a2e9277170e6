// Token stream, error reporting and symbol kinds shared by the expression and statement parsers.
import type { VarRef } from './ast';
import type { Token } from './lexer';

/** A syntax error: parsing stops (mawk's yacc recovery is not imitated past the first one). */
export class SyntaxStop extends Error {}

const SCALARS = ['NR', 'NF', 'FNR', 'FS', 'OFS', 'ORS', 'RS', 'FILENAME', 'SUBSEP', 'RSTART', 'RLENGTH'];
const MORE_SCALARS = ['CONVFMT', 'OFMT', 'ARGC'];

export class ParserBase {
  protected pos = 0;
  /** Compile error messages, each printed as `mawk: MESSAGE`. */
  readonly errors: string[] = [];
  protected readonly globals = new Map<string, 'scalar' | 'array'>();
  /** The current function's parameters by name (slot), when inside one. */
  protected locals: Map<string, number> | undefined;
  protected localKinds: Array<'scalar' | 'array' | undefined> = [];
  /** Nesting of parentheses (a `>` inside them is a comparison even in print). */
  protected parens = 0;
  /** Parsing print's arguments: a `>` at paren depth 0 is a redirection. */
  protected inPrint = false;

  constructor(
    protected readonly tokens: Token[],
    /** "prog.awk: " when the program came from -f, else "". */
    protected readonly where: string,
  ) {
    for (const n of [...SCALARS, ...MORE_SCALARS]) this.globals.set(n, 'scalar');
    this.globals.set('ENVIRON', 'array');
    this.globals.set('ARGV', 'array');
  }

  /** The current token, reporting and skipping the scanner's "extra" tokens on the way. */
  protected get tok(): Token {
    let t = this.tokens[this.pos];
    while (t.kind === 'UNEXPECTED' && t.text.startsWith('extra ')) {
      this.compileError(t.text, t.line);
      t = this.tokens[++this.pos];
    }
    return t;
  }

  protected peekAt(offset: number): Token {
    let i = this.pos;
    void this.tok;
    for (let n = 0; n < offset; n++) {
      i++;
      while (this.tokens[i].kind === 'UNEXPECTED' && this.tokens[i].text.startsWith('extra ')) i++;
    }
    return this.tokens[Math.min(i, this.tokens.length - 1)];
  }

  protected is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'PUNCT' || t.kind === 'KEYWORD') && t.text === text;
  }

  protected advance(): Token {
    const t = this.tok;
    if (t.kind !== 'EOF') this.pos++;
    return t;
  }

  protected accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.advance();
    return true;
  }

  protected expect(text: string): Token {
    if (!this.is(text)) this.syntaxError();
    return this.advance();
  }

  protected skipNewlines(): void {
    while (this.tok.kind === 'NEWLINE') this.advance();
  }

  protected compileError(message: string, line = this.tok.line): void {
    this.errors.push(`${this.where}line ${line}: ${message}`);
  }

  /** mawk's yyerror for the current token; stops parsing. */
  protected syntaxError(t: Token = this.tok): never {
    if (t.kind === 'UNEXPECTED') {
      const c = t.text.charCodeAt(0);
      const shown = c > 32 && c < 127 ? `'${t.text}'` : `0x${c.toString(16).padStart(2, '0')}`;
      this.errors.push(`${t.line}: unexpected character ${shown}`);
      throw new SyntaxStop();
    }
    if (t.kind === 'ERE') {
      this.compileError(`syntax error at or near /${t.text}/`, t.line);
      throw new SyntaxStop();
    }
    const shown = t.kind === 'EOF' ? 'end of file' : t.kind === 'NEWLINE' ? 'end of line' : t.fake ? '}' : t.text;
    const closing = t.kind === 'EOF' || t.kind === 'NEWLINE' || t.text === ';' || t.text === '}';
    if (t.parens > 0 && closing && t.kind !== 'STR') this.compileError(`missing ) near ${shown}`, t.line);
    else if (t.braces > 0 && (t.kind === 'EOF' || (t.kind === 'KEYWORD' && (t.text === 'BEGIN' || t.text === 'END'))))
      this.compileError(`missing } near ${shown}`, t.line);
    else this.compileError(`syntax error at or near ${shown}`, t.line);
    throw new SyntaxStop();
  }

  /** `name` used as a scalar: its reference, or an error if it is an array. */
  protected scalarRef(name: string): VarRef {
    const slot = this.locals?.get(name);
    if (slot !== undefined) {
      if (this.localKinds[slot] === 'array') this.compileError(`illegal reference to array ${name}`);
      this.localKinds[slot] = 'scalar';
      return { scope: 'local', slot, name };
    }
    if (this.globals.get(name) === 'array') this.compileError(`illegal reference to array ${name}`);
    else this.globals.set(name, 'scalar');
    return { scope: 'global', name };
  }

  /** `name` used as an array. */
  protected arrayRef(name: string): VarRef {
    const slot = this.locals?.get(name);
    if (slot !== undefined) {
      if (this.localKinds[slot] === 'scalar') this.compileError(`illegal reference to variable ${name}`);
      this.localKinds[slot] = 'array';
      return { scope: 'local', slot, name };
    }
    if (this.globals.get(name) === 'scalar') this.compileError(`illegal reference to variable ${name}`);
    else this.globals.set(name, 'array');
    return { scope: 'global', name };
  }

  /** `name` passed bare to a function: kind decided once every function is known. */
  protected bareRef(name: string): VarRef {
    const slot = this.locals?.get(name);
    if (slot !== undefined) return { scope: 'local', slot, name };
    return { scope: 'global', name };
  }

  protected kindOf(ref: VarRef): 'scalar' | 'array' | undefined {
    return ref.scope === 'local' ? this.localKinds[ref.slot] : this.globals.get(ref.name);
  }
}
