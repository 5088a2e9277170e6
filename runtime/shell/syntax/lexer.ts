// The lexical layer of the parser: blanks, comments, operators and words with their quoting and
// expansions. Words are read on demand, since what counts as a word depends on the grammar.
// The expansions inside words ($…, `…`) are read by expansion-lexer.ts.
import { readAnsiC } from './ansi-c';
import type { Script, Word, WordPart } from './ast';
import { ParseError, unexpectedEnd, unmatched } from './errors';
import { readExpansion, type ExpansionSource } from './expansion-lexer';

/** Bash's operators, longest first so that `>>` wins over `>`. */
const OPERATORS = [
  ';;&',
  '&>>',
  '<<<',
  '<<-',
  '&&',
  '||',
  ';;',
  ';&',
  '|&',
  '&>',
  '<<',
  '>>',
  '<>',
  '<&',
  '>&',
  '>|',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '\n',
];

/** Characters that end an unquoted word. */
const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** How a word being read ends, and what is special inside it. */
type WordMode =
  /** An ordinary word: ends at a blank or metacharacter. */
  | 'word'
  /** The right side of [[ x =~ re ]]: parentheses and `|` belong to the regex. */
  | 'regex'
  /** Inside ${…}: ends at `}` (or at `stop`), blanks included. */
  | 'param'
  /** The whole remaining text ($((…)) bodies, here-documents): nothing ends it. */
  | 'all';

/** Reads operators and words from `src`, from `pos` on. */
export abstract class Scanner implements ExpansionSource {
  pos = 0;
  /** More lines may follow (the interactive prompt): a trailing backslash asks for them. */
  protected continuedLines = false;
  /** Reading a ${…} word inside double quotes (see readDoubleQuoted). */
  protected plainTextIsLiteral = false;

  constructor(public src: string) {}

  /** Parses the commands of a $(…) up to and including its `)`. */
  abstract parseSubstitution(): Script;
  /** Parses the text of a backquoted command substitution. */
  abstract parseNested(text: string): Script;
  /** The parser that nested scanners hand their $(…) to. */
  protected abstract nestedParser(): NestedParser;

  /** Reads `text` whole as double-quoted, its $(…) parsed by this scanner's parser (see ExpansionSource). */
  nestedWord(text: string, paramWord = false): Word {
    return new ArithScanner(text, this.nestedParser(), paramWord).readAll();
  }

  get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips blanks, backslash-newlines and a comment (not the newline that ends it). */
  skipBlanks(): void {
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === ' ' || ch === '\t') this.pos++;
      else if (ch === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (ch === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** The operator at the current position, if any (`<(` and `>(` start words, not redirections). */
  peekOperator(): string | undefined {
    if (this.atProcessSubstitution()) return undefined;
    return OPERATORS.find((op) => this.src.startsWith(op, this.pos));
  }

  /** Whether a word (not an operator, not the end) starts here. */
  atWord(): boolean {
    return !this.atEnd && (!METACHARS.has(this.src[this.pos]) || this.atProcessSubstitution());
  }

  /** Whether `<(` or `>(` is here: a process substitution, part of a word. */
  private atProcessSubstitution(at = this.pos): boolean {
    return (this.src[at] === '<' || this.src[at] === '>') && this.src[at + 1] === '(';
  }

  /**
   * The unquoted, expansion-free text of the word here, without consuming it (for reserved
   * words, aliases and names); undefined when the word has quotes or expansions.
   */
  peekPlainWord(): string | undefined {
    let end = this.pos;
    while (end < this.src.length && !METACHARS.has(this.src[end])) {
      if ('\'"\\$`'.includes(this.src[end])) return undefined;
      end++;
    }
    return end > this.pos ? this.src.slice(this.pos, end) : undefined;
  }

  /** Reads one word (the caller has checked that one starts here). */
  readWord(mode: WordMode = 'word', stop = ''): Word {
    const start = this.pos;
    try {
      return this.scanWord(mode, stop);
    } catch (error) {
      // An unclosed quote is reported where its word began (a script's error names that line).
      if (error instanceof ParseError && error.incomplete && error.at === undefined) error.at = start;
      throw error;
    }
  }

  private scanWord(mode: WordMode, stop: string): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    let depth = 0;
    const literal = (text: string): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'literal') last.text += text;
      else parts.push({ kind: 'literal', text });
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (mode === 'word' && this.atProcessSubstitution()) {
        this.pos += 2;
        parts.push({ kind: 'procsub', output: ch === '>', body: this.parseSubstitution() });
        continue;
      }
      if (mode === 'word' && METACHARS.has(ch)) break;
      if (mode === 'regex') {
        if (ch === '(') depth++;
        else if (ch === ')' && depth > 0) depth--;
        else if (depth === 0 && METACHARS.has(ch)) break;
        else if (depth > 0 && (ch === ' ' || ch === '\t' || ch === '\n')) {
          literal(ch);
          this.pos++;
          continue;
        }
      }
      if (mode === 'param') {
        if (ch === '}' && depth === 0) break;
        if (stop.includes(ch)) break;
        if (ch === '{') depth++;
        if (ch === '}') depth--;
      }
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        this.pos += 2;
        if (next === undefined) {
          // A trailing backslash continues the line at a prompt; at the end of a script it is kept.
          if (this.continuedLines) throw unexpectedEnd();
          literal('\\');
        } else if (next !== '\n') parts.push({ kind: 'quoted', text: next });
      } else if (ch === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close < 0) throw unmatched("'");
        parts.push({ kind: 'quoted', text: this.src.slice(this.pos + 1, close) });
        this.pos = close + 1;
      } else if (ch === '"') {
        this.pos++;
        parts.push({ kind: 'double', parts: this.readDoubleQuoted('"') });
      } else if (ch === '$' && this.src[this.pos + 1] === "'") {
        const decoded = readAnsiC(this.src, this.pos + 2);
        if (!decoded) throw unmatched("'");
        parts.push({ kind: 'quoted', text: decoded.text });
        this.pos = decoded.end + 1;
      } else if (ch === '$' && this.src[this.pos + 1] === '"') {
        this.pos += 2;
        parts.push({ kind: 'double', parts: this.readDoubleQuoted('"') });
      } else if (ch === '$' || ch === '`') {
        const part = readExpansion(this, false);
        if (part) parts.push(part);
        else {
          literal(ch);
          this.pos++;
        }
      } else {
        literal(ch);
        this.pos++;
      }
    }
    return { parts, text: this.src.slice(start, this.pos) };
  }

  /**
   * Reads the inside of "…" up to the closing `end` (consumed), or a here-document body when
   * `end` is empty: only $, ` and some backslashes are special.
   */
  readDoubleQuoted(end: '"' | ''): WordPart[] {
    const parts: WordPart[] = [];
    // In "${x/…/…}" words, plain text stays a pattern and `&` a back-reference: not quoted.
    const kind = this.plainTextIsLiteral ? 'literal' : 'quoted';
    const text = (t: string): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === kind) last.text += t;
      else parts.push({ kind, text: t });
    };
    const escapable = end === '"' ? '$`"\\\n' : this.plainTextIsLiteral ? '$`"\\\n&' : '$`\\\n';
    for (;;) {
      if (this.pos >= this.src.length) {
        if (end === '"') throw unmatched('"');
        return parts;
      }
      const ch = this.src[this.pos];
      if (ch === end) {
        this.pos++;
        return parts;
      }
      if (ch === '\\' && escapable.includes(this.src[this.pos + 1] ?? '')) {
        if (this.src[this.pos + 1] !== '\n') parts.push({ kind: 'quoted', text: this.src[this.pos + 1] });
        this.pos += 2;
      } else if (ch === '$' || ch === '`') {
        const part = readExpansion(this, true);
        if (part) parts.push(part);
        else {
          text(ch);
          this.pos++;
        }
      } else {
        text(ch);
        this.pos++;
      }
    }
  }
}

/** What a scanner of nested text needs from the parser around it. */
export interface NestedParser {
  /** Parses `text` as commands; with `untilParen`, up to the `)` of a $( and says how far. */
  parseText(text: string, untilParen?: boolean): { script: Script; consumed: number };
}

/** Reads a whole text (a $((…)) body, a here-document) as double-quoted, nested in `outer`. */
export class ArithScanner extends Scanner {
  constructor(
    text: string,
    private readonly outer: NestedParser,
    paramWord = false,
  ) {
    super(text);
    this.plainTextIsLiteral = paramWord;
  }

  readAll(): Word {
    const parts = this.readDoubleQuoted('');
    return { parts, text: this.src };
  }

  parseSubstitution(): Script {
    // Find the `)` closing this $( by parsing the rest of the text as a nested script.
    const nested = this.outer.parseText(this.src.slice(this.pos), true);
    this.pos += nested.consumed;
    return nested.script;
  }

  parseNested(text: string): Script {
    return this.outer.parseText(text).script;
  }

  protected nestedParser(): NestedParser {
    return this.outer;
  }
}
