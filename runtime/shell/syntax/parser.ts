// bash's grammar, by recursive descent over the scanner: lists, and-or lists, pipelines, simple
// and compound commands, redirections and here-documents. Simple commands and redirections are
// in simple-command.ts, here-document bodies in heredoc.ts, compound commands in compound.ts.
import type { AndOr, Command, List, ListItem, Pipeline, Redirect, Script } from './ast';
import { parseCompound } from './compound';
import { ParseError, unexpectedToken, unmatched } from './errors';
import { readHeredoc, type PendingHeredoc } from './heredoc';
import { type NestedParser, Scanner } from './lexer';
import { parseRedirect, parseSimple } from './simple-command';

/** What the parser needs to know about the shell. */
export interface ParseOptions {
  /** The value of an alias, expanded on the first word of a simple command. */
  alias?: (name: string) => string | undefined;
  /**
   * True when more input may follow (the interactive prompt): a here-document without its
   * delimiter is then incomplete input rather than a warning.
   */
  interactive?: boolean;
  /** The line number of the text's first line (a command substitution's, within its script). */
  firstLine?: number;
}

/** Words that end a compound list when they start a command. */
const LIST_ENDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
/** Nesting deeper than this is refused rather than allowed to exhaust the JS stack. */
const MAX_DEPTH = 500;

/** Parses one input, a top-level command at a time (as bash -c does: aliases defined by one take effect in the next). */
export class Parser extends Scanner implements NestedParser {
  /** Warnings to print (here-documents ended by end of file). */
  readonly warnings: string[] = [];
  private heredocs: PendingHeredoc[] = [];
  private aliasGuard: Array<{ name: string; end: number }> = [];
  /** The last alias expanded ended in a blank, so the next word may be an alias too. */
  aliasNext = false;
  private depth = 0;
  /** Where lineAt last counted to, so that counting moves forward through the text once. */
  private counted = { pos: 0, line: 1 };

  constructor(
    src: string,
    readonly options: ParseOptions = {},
  ) {
    super(src);
    this.continuedLines = options.interactive === true;
  }

  /** The next top-level command (up to a newline), or null at the end of the input. */
  nextCommand(): List | null {
    for (;;) {
      this.skipBlanks();
      if (this.atEnd) return null;
      if (this.peekOperator() !== '\n') break;
      this.newline();
    }
    const list = this.parseList(true);
    this.skipBlanks();
    if (this.atEnd) {
      this.readPendingHeredocs();
      return list;
    }
    const op = this.peekOperator();
    if (op !== '\n') throw unexpectedToken(this.tokenHere());
    this.newline();
    return list;
  }

  /** Parses a whole text (used by nested scanners and `eval`/`source`). */
  parseText(text: string, untilParen = false): { script: Script; consumed: number } {
    const parser = new Parser(text, { ...this.options, firstLine: this.lineAt(this.pos) });
    if (untilParen) {
      const script = parser.parseSubstitution();
      return { script, consumed: parser.pos };
    }
    const script: Script = [];
    for (let list = parser.nextCommand(); list; list = parser.nextCommand()) script.push(...list);
    return { script, consumed: parser.pos };
  }

  parseSubstitution(): Script {
    let body: Script;
    try {
      body = this.parseCompoundList();
    } catch (error) {
      // The input ended inside $( … ): bash names the missing parenthesis.
      if (error instanceof ParseError && error.incomplete && this.atEnd && error.message.startsWith('syntax error'))
        throw unmatched(')');
      throw error;
    }
    this.skipBlanks();
    if (this.atEnd) throw unmatched(')');
    this.expectOperator(')');
    return body;
  }

  parseNested(text: string): Script {
    return this.parseText(text).script;
  }

  protected nestedParser(): NestedParser {
    return this;
  }

  /**
   * A list of and-or lists separated by `;`, `&` and (unless `topLevel`) newlines, ending
   * before a word of LIST_ENDS, a `)`, a `;;` or the end of input.
   */
  parseList(topLevel = false): List {
    const items: ListItem[] = [];
    for (;;) {
      if (!topLevel) this.skipNewlines();
      this.skipBlanks();
      if (this.atListEnd()) break;
      const item: ListItem = { andOr: this.parseAndOr(), background: false };
      items.push(item);
      this.skipBlanks();
      const op = this.peekOperator();
      if (op === ';' || op === '&') {
        this.pos++;
        item.background = op === '&';
      } else if (op === '\n' && !topLevel) this.newline();
      else break;
    }
    return items;
  }

  /** A list inside a compound command: at least one command is required. */
  parseCompoundList(): List {
    const list = this.parseList();
    this.skipBlanks();
    if (list.length === 0) throw unexpectedToken(this.tokenHere());
    return list;
  }

  private atListEnd(): boolean {
    if (this.atEnd) return true;
    const op = this.peekOperator();
    if (op === ')' || op === ';;' || op === ';&' || op === ';;&') return true;
    if (op !== undefined) return false;
    const word = this.peekPlainWord();
    return word !== undefined && LIST_ENDS.has(word);
  }

  private parseAndOr(): AndOr {
    const start = this.pos;
    const andOr: AndOr = { text: '', first: this.parsePipeline(), rest: [] };
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '&&' && op !== '||') {
        andOr.text = this.src.slice(start, this.pos).trim();
        return andOr;
      }
      this.pos += 2;
      this.skipNewlines();
      andOr.rest.push({ op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    const pipeline: Pipeline = { negate: false, commands: [] };
    while (this.peekPlainWord() === '!') {
      pipeline.negate = !pipeline.negate;
      this.pos++;
      this.skipBlanks();
    }
    for (;;) {
      const command = this.parseCommand();
      pipeline.commands.push(command);
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '|' && op !== '|&') return pipeline;
      this.pos += op.length;
      // `a |& b` is `a 2>&1 | b`.
      if (op === '|&')
        command.redirects.push({ fd: 2, op: '>&', target: { parts: [{ kind: 'literal', text: '1' }], text: '1' } });
      this.skipNewlines();
    }
  }

  /** A simple command, a compound command or a function definition. */
  parseCommand(): Command {
    if (++this.depth > MAX_DEPTH) throw new ParseError('maximum nesting depth exceeded');
    try {
      this.skipBlanks();
      this.expandAlias();
      const line = this.lineAt(this.pos);
      const compound = parseCompound(this);
      if (compound) {
        this.parseRedirects(compound.redirects);
        compound.line = line;
        return compound;
      }
      const simple = parseSimple(this);
      simple.line = line;
      return simple;
    } finally {
      this.depth--;
    }
  }

  /** Replaces an alias at the current position by its value (bash expands aliases as text). */
  expandAlias(): void {
    const lookup = this.options.alias;
    this.aliasNext = false;
    if (!lookup) return;
    for (;;) {
      this.aliasGuard = this.aliasGuard.filter((g) => g.end > this.pos);
      const name = this.peekPlainWord();
      if (name === undefined || this.aliasGuard.some((g) => g.name === name)) return;
      const value = lookup(name);
      if (value === undefined) return;
      this.src = this.src.slice(0, this.pos) + value + this.src.slice(this.pos + name.length);
      this.aliasGuard.push({ name, end: this.pos + value.length });
      this.aliasNext = /[ \t]$/.test(value);
      this.skipBlanks();
    }
  }

  /** Reads the redirections after a compound command. */
  parseRedirects(redirects: Redirect[]): void {
    for (;;) {
      this.skipBlanks();
      if (!parseRedirect(this, redirects)) return;
    }
  }

  /** Queues a here-document whose body starts after the next newline. */
  awaitHeredoc(doc: PendingHeredoc): void {
    this.heredocs.push(doc);
  }

  /** Consumes a newline, then the bodies of the here-documents started on its line. */
  newline(): void {
    this.pos++;
    this.readPendingHeredocs();
  }

  /** Reads the bodies of the here-documents waiting: after a newline, or at the end of input. */
  private readPendingHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) readHeredoc(this, doc);
  }

  skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peekOperator() !== '\n') return;
      this.newline();
    }
  }

  /** The line number of position `pos` in the text. */
  lineAt(pos: number): number {
    let { pos: from, line } = this.counted;
    if (pos < from) [from, line] = [0, 1];
    for (let i = from; i < pos && i < this.src.length; i++) if (this.src.charCodeAt(i) === 10) line++;
    this.counted = { pos, line };
    return line + (this.options.firstLine ?? 1) - 1;
  }

  /** The text of the line holding position `pos` (a script's syntax error quotes it). */
  lineTextAt(pos: number): string {
    const start = this.src.lastIndexOf('\n', pos - 1) + 1;
    const end = this.src.indexOf('\n', pos);
    return this.src.slice(start, end < 0 ? undefined : end);
  }

  /** Consumes operator `op` or fails on what is there instead. */
  expectOperator(op: string): void {
    this.skipBlanks();
    if (this.peekOperator() !== op) throw unexpectedToken(this.tokenHere());
    this.pos += op.length;
  }

  /** Consumes the reserved word `word` or fails. */
  expectWord(word: string): void {
    this.skipBlanks();
    if (this.peekPlainWord() !== word) throw unexpectedToken(this.tokenHere());
    this.pos += word.length;
  }

  /** The token at the current position, as a syntax error names it ('' at the end). */
  tokenHere(): string {
    if (this.atEnd) return '';
    const op = this.peekOperator();
    if (op) return op;
    const save = this.pos;
    try {
      return this.readWord().text;
    } catch {
      return this.src.slice(save, save + 1);
    } finally {
      this.pos = save;
    }
  }

  /** The token here, where the end of input reads as the newline that bash -c appends. */
  tokenOrNewline(): string {
    return this.tokenHere() || '\n';
  }
}
