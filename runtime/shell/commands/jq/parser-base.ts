// The machinery under jq's parser: the token stream, and syntax errors reported the way jq 1.6's
// bison parser reports them. Bison names the unexpected token, lists what it expected when that is
// four tokens or fewer, and recovers at the innermost rule with an `error` alternative (a bracket
// pair, `if … then`, `try … catch`, an object key), some of which add a message of their own.
// After an error it stays quiet until three tokens have been read.
import { type Loc } from './ast';
import { Lexer, tokenName, type Token } from './lexer';
import { encodeUtf8 } from '../../../util/utf8';
import { decodeJqUtf8 } from './values';

/** The constructs bison can resume after: what to skip to and what to say on the way. */
export type RecoveryKind = 'paren' | 'bracket' | 'brace' | 'objectPattern' | 'if' | 'tryCatch' | 'break' | 'dot';

export interface Recovery {
  kind: RecoveryKind;
  start: number;
}

/** Unwinds the parser to the construct that recovers from a syntax error. */
export class Recover {
  constructor(readonly at: Recovery) {}
}

/** Parsing cannot go on (bison's YYABORT): the errors so far are all there is. */
export class Abort {}

/** A compile error, placed as jq places it: the message, then the program line and a caret column. */
export interface Diagnostic {
  message: string;
  loc: Loc;
}

/** jq's locfile_locate: `jq: error: MESSAGE at <top-level>, line N:` and the line, padded to the spot. */
export function formatDiagnostic(program: string, d: Diagnostic): string {
  const bytes = encodeUtf8(program);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < d.loc.start && i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  let lineEnd = lineStart;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a) lineEnd++;
  const text = decodeJqUtf8(bytes.subarray(lineStart, lineEnd));
  return `jq: error: ${d.message} at <top-level>, line ${line}:\n${text}${' '.repeat(d.loc.start - lineStart)}`;
}

export abstract class ParserBase {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly recoveries: Recovery[] = [];
  /** Bison's yyerrstatus: tokens still to read before another syntax error is reported. */
  protected quiet = 0;
  private readonly lexer: Lexer;
  private lookahead: Token | undefined;

  constructor(readonly source: string) {
    this.lexer = new Lexer(source);
  }

  protected peek(): Token {
    if (!this.lookahead) {
      this.lookahead = this.lexer.next();
      if (this.lookahead.error) this.fail(this.lookahead.error, this.lookahead);
    }
    return this.lookahead;
  }

  protected is(...kinds: string[]): boolean {
    return kinds.includes(this.peek().kind);
  }

  /** Reads the lookahead (a shift, which counts toward ending the quiet spell). */
  protected advance(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    if (this.quiet > 0) this.quiet--;
    return token;
  }

  /** Drops the lookahead without counting it (bison discarding a token while recovering). */
  protected discard(): void {
    if (this.peek().kind === '$end') throw new Abort();
    this.lookahead = undefined;
  }

  /** Reads a token of `kind`, else a syntax error listing `expected` (if short). */
  protected expect(kind: string, expected?: string[]): Token {
    if (this.peek().kind !== kind) this.syntaxError(expected);
    return this.advance();
  }

  /** A message of jq's own (bison's FAIL), at `loc`. */
  protected fail(message: string, loc: Loc): void {
    this.diagnostics.push({ message, loc });
  }

  /** The unexpected lookahead: reports it (unless quiet) and unwinds to the recovering construct. */
  protected syntaxError(expected?: string[]): never {
    const token = this.peek();
    if (this.quiet === 0) {
      const expecting = expected?.length ? `, expecting ${expected.map(tokenName).join(' or ')}` : '';
      this.fail(`syntax error, unexpected ${tokenName(token.kind)}${expecting} (Unix shell quoting issues?)`, token);
    } else if (this.quiet === 3) this.discard();
    this.quiet = 3;
    const recovery = this.recoveries[this.recoveries.length - 1];
    if (!recovery) throw new Abort();
    throw new Recover(recovery);
  }

  /**
   * Parses with `recovery` in effect; if a syntax error unwinds to it, `resume` takes over (it
   * skips to where the construct can go on, and may report jq's follow-up message).
   */
  protected recovering<T>(recovery: Recovery, parse: () => T, resume: () => T): T {
    const depth = this.recoveries.push(recovery);
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof Recover) || error.at !== recovery) throw error;
      this.recoveries.length = depth - 1;
      return resume();
    } finally {
      if (this.recoveries.length >= depth) this.recoveries.length = depth - 1;
    }
  }

  /** Skips tokens until one of `kinds` (bison discarding after an `error` token). */
  protected skipTo(...kinds: string[]): Token {
    while (!kinds.includes(this.peek().kind)) this.discard();
    return this.peek();
  }
}
