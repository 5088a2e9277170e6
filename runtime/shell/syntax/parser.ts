// bash's grammar, by recursive descent over the scanner: lists, and-or lists, pipelines, simple
// and compound commands, redirections and here-documents.
import type { AndOr, Assignment, Command, List, ListItem, Pipeline, Redirect, RedirectOp, Script, Word } from './ast';
import { parseCompound } from './compound';
import { ParseError, unexpectedEnd, unexpectedToken, unmatched } from './errors';
import { ArithScanner, type NestedParser, Scanner } from './lexer';

/** What the parser needs to know about the shell. */
export interface ParseOptions {
  /** The value of an alias, expanded on the first word of a simple command. */
  alias?: (name: string) => string | undefined;
  /**
   * True when more input may follow (the interactive prompt): a here-document without its
   * delimiter is then incomplete input rather than a warning.
   */
  interactive?: boolean;
}

/** Words that end a compound list when they start a command. */
const LIST_ENDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
/** Nesting deeper than this is refused rather than allowed to exhaust the JS stack. */
const MAX_DEPTH = 500;

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  line: number;
}

/** Parses one input, a top-level command at a time (as bash -c does: aliases defined by one take effect in the next). */
export class Parser extends Scanner implements NestedParser {
  /** Warnings to print (here-documents ended by end of file). */
  readonly warnings: string[] = [];
  private heredocs: PendingHeredoc[] = [];
  private aliasGuard: Array<{ name: string; end: number }> = [];
  private aliasNext = false;
  private depth = 0;

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
      this.finishHeredocs();
      return list;
    }
    const op = this.peekOperator();
    if (op !== '\n') throw unexpectedToken(this.tokenHere());
    this.newline();
    return list;
  }

  /** Parses a whole text (used by nested scanners and `eval`/`source`). */
  parseText(text: string, untilParen = false): { script: Script; consumed: number } {
    const parser = new Parser(text, this.options);
    if (untilParen) {
      const script = parser.parseSubstitution();
      return { script, consumed: parser.pos };
    }
    const script: Script = [];
    for (let list = parser.nextCommand(); list; list = parser.nextCommand()) script.push(...list);
    return { script, consumed: parser.pos };
  }

  protected parseSubstitution(): Script {
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

  protected parseNested(text: string): Script {
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
      const compound = parseCompound(this);
      if (compound) {
        this.parseRedirects(compound.redirects);
        return compound;
      }
      return this.parseSimple();
    } finally {
      this.depth--;
    }
  }

  /** Replaces an alias at the current position by its value (bash expands aliases as text). */
  private expandAlias(): void {
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

  private parseSimple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.parseRedirect(redirects)) continue;
      if (!this.atWord()) break;
      if (words.length === 0) {
        const assign = this.parseAssignment();
        if (assign) {
          assigns.push(assign);
          continue;
        }
      } else if (this.aliasNext) this.expandAlias();
      words.push(this.readWord());
      this.skipBlanks();
      if (words.length === 1 && assigns.length === 0 && this.peekOperator() === '(') {
        // `name (` can only start a function definition, and this one is malformed.
        this.pos++;
        this.skipBlanks();
        throw unexpectedToken(this.tokenOrNewline());
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) throw unexpectedToken(this.tokenHere());
    return { type: 'simple', assigns, words, redirects };
  }

  private parseAssignment(): Assignment | undefined {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return undefined;
    this.pos += match[0].length;
    if (this.src[this.pos] === '(') throw unexpectedToken('(');
    const value = this.atWord() ? this.readWord() : { parts: [], text: '' };
    return { name: match[1], value, append: match[2] === '+' };
  }

  /** Reads the redirections after a compound command. */
  parseRedirects(redirects: Redirect[]): void {
    for (;;) {
      this.skipBlanks();
      if (!this.parseRedirect(redirects)) return;
    }
  }

  /** Reads one redirection here, if there is one. */
  private parseRedirect(redirects: Redirect[]): boolean {
    const fdMatch = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    const opAt = this.pos + (fdMatch ? fdMatch[0].length : 0);
    const saved = this.pos;
    this.pos = opAt;
    const op = this.peekOperator();
    if (!op || !REDIRECT_OPS.has(op) || (fdMatch && op.startsWith('&'))) {
      this.pos = saved;
      return false;
    }
    this.pos += op.length;
    this.skipBlanks();
    if (!this.atWord()) throw unexpectedToken(this.tokenOrNewline());
    const target = this.readWord();
    const redirect: Redirect = { op: op as RedirectOp, target };
    if (fdMatch) redirect.fd = Number(fdMatch[0]);
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.kind !== 'literal');
      redirect.heredoc = { body: { parts: [], text: '' }, quoted };
      this.heredocs.push({
        redirect,
        delimiter: target.parts
          .map((p) =>
            p.kind === 'literal' || p.kind === 'quoted'
              ? p.text
              : p.kind === 'double'
                ? p.parts.map((q) => ('text' in q ? q.text : '')).join('')
                : '',
          )
          .join(''),
        stripTabs: op === '<<-',
        line: this.lineAt(saved),
      });
    }
    redirects.push(redirect);
    return true;
  }

  /** Consumes a newline, then the bodies of the here-documents started on its line. */
  newline(): void {
    this.pos++;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  private readHeredoc(doc: PendingHeredoc): void {
    let body = '';
    for (;;) {
      if (this.atEnd) {
        if (this.options.interactive) throw unexpectedEnd();
        this.warnings.push(
          `warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`,
        );
        break;
      }
      let end = this.src.indexOf('\n', this.pos);
      if (end < 0) end = this.src.length;
      let line = this.src.slice(this.pos, end);
      this.pos = Math.min(end + 1, this.src.length);
      if (doc.stripTabs) line = line.replace(/^\t+/, '');
      if (line === doc.delimiter) break;
      body += `${line}\n`;
    }
    const heredoc = doc.redirect.heredoc as NonNullable<Redirect['heredoc']>;
    heredoc.body = heredoc.quoted
      ? { parts: [{ kind: 'quoted', text: body }], text: body }
      : new ArithScanner(body, this).readAll();
  }

  /** At the end of the input, here-documents still waiting for their body. */
  private finishHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peekOperator() !== '\n') return;
      this.newline();
    }
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

  private lineAt(index: number): number {
    let line = 1;
    for (let i = 0; i < index; i++) if (this.src[i] === '\n') line++;
    return line;
  }
}
