// The lexical layer of the parser: blanks, comments, operators and words with their quoting and
// expansions. Words are read on demand, since what counts as a word depends on the grammar.
import { readAnsiC } from './ansi-c';
import type { ParamOp, ParamPart, Script, Word, WordPart } from './ast';
import { unexpectedEnd, unmatched } from './errors';

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

/** Operators of ${name OP arg}, longest first. */
const PARAM_OPS: ParamOp[] = ['##', '#', '%%', '%', '//', '/#', '/%', '/', '^^', '^', ',,', ',', '-', '=', '+', '?'];

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
export abstract class Scanner {
  pos = 0;
  /** More lines may follow (the interactive prompt): a trailing backslash asks for them. */
  protected continuedLines = false;
  /** Reading a ${…} word inside double quotes (see readDoubleQuoted). */
  protected plainTextIsLiteral = false;

  constructor(public src: string) {}

  /** Parses the commands of a $(…) up to and including its `)`. */
  protected abstract parseSubstitution(): Script;
  /** Parses the text of a backquoted command substitution. */
  protected abstract parseNested(text: string): Script;
  /** The parser that nested scanners hand their $(…) to. */
  protected abstract nestedParser(): NestedParser;

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

  /** The operator at the current position, if any. */
  peekOperator(): string | undefined {
    return OPERATORS.find((op) => this.src.startsWith(op, this.pos));
  }

  /** Whether a word (not an operator, not the end) starts here. */
  atWord(): boolean {
    return !this.atEnd && !METACHARS.has(this.src[this.pos]);
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
    const parts: WordPart[] = [];
    let depth = 0;
    const literal = (text: string): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'literal') last.text += text;
      else parts.push({ kind: 'literal', text });
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
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
        const part = this.readExpansion(false);
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
        const part = this.readExpansion(true);
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

  /** Reads $name, ${…}, $(…), $((…)) or `…` here; undefined for a `$` that starts none. */
  private readExpansion(inDouble: boolean): WordPart | undefined {
    const src = this.src;
    if (src[this.pos] === '`') return this.readBackquoted(inDouble);
    const next = src[this.pos + 1] ?? '';
    if (next === '{') {
      this.pos += 2;
      return this.readBraced(inDouble);
    }
    if (src.startsWith('((', this.pos + 1)) {
      const close = findArithEnd(src, this.pos + 3);
      if (close >= 0) {
        const inner = new ArithScanner(src.slice(this.pos + 3, close), this.nestedParser());
        this.pos = close + 2;
        return { kind: 'arith', expr: inner.readAll() };
      }
    }
    if (next === '(') {
      this.pos += 2;
      return { kind: 'command', body: this.parseSubstitution() };
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(this.pos + 1, this.pos + 200))?.[0];
    if (!name) return undefined;
    this.pos += 1 + name.length;
    return { kind: 'param', name };
  }

  /** Reads `…` (the opening backquote is at pos). */
  private readBackquoted(inDouble: boolean): WordPart {
    let text = '';
    let i = this.pos + 1;
    for (; i < this.src.length && this.src[i] !== '`'; i++) {
      const ch = this.src[i];
      const next = this.src[i + 1];
      if (ch === '\\' && (next === '\\' || next === '`' || next === '$' || (inDouble && next === '"'))) {
        text += next;
        i++;
      } else text += ch;
    }
    if (i >= this.src.length) throw unmatched('`');
    this.pos = i + 1;
    return { kind: 'command', body: this.parseNested(text) };
  }

  /** Reads the rest of ${…} (pos is just after the brace). */
  private readBraced(inDouble: boolean): WordPart {
    const src = this.src;
    const part: ParamPart = { kind: 'param', name: '' };
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}' && /[A-Za-z0-9_?$#@*!-]/.test(src[this.pos + 1] ?? '')) {
      part.length = true;
      this.pos++;
    } else if (src[this.pos] === '!' && /[A-Za-z_]/.test(src[this.pos + 1] ?? '')) {
      part.indirect = true;
      this.pos++;
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(src.slice(this.pos, this.pos + 200))?.[0];
    if (!name) return this.badSubstitution();
    part.name = name;
    this.pos += name.length;
    const subscript = /^\[([^\]]*)\]/.exec(src.slice(this.pos, this.pos + 100));
    if (subscript && /^[A-Za-z_]/.test(name)) {
      part.index = subscript[1];
      this.pos += subscript[0].length;
    }
    if (src[this.pos] === '}') {
      this.pos++;
      return part;
    }
    if (part.length) return this.badSubstitution();
    if (src[this.pos] === ':') {
      this.pos++;
      if ('-=+?'.includes(src[this.pos] ?? 'x')) part.colon = true;
      else {
        part.op = ':';
        part.arg = this.readParamWord(inDouble, ':');
        if (src[this.pos] === ':') {
          this.pos++;
          part.arg2 = this.readParamWord(inDouble, '');
        }
        return this.closeBrace(part);
      }
    }
    const op = PARAM_OPS.find((o) => src.startsWith(o, this.pos));
    if (!op) return this.badSubstitution();
    part.op = op;
    this.pos += op.length;
    if (op[0] === '/') {
      part.arg = this.readParamWord(inDouble, '/');
      if (src[this.pos] === '/') {
        this.pos++;
        part.arg2 = this.readParamWord(inDouble, '');
      }
    } else part.arg = this.readParamWord(inDouble, '');
    return this.closeBrace(part);
  }

  private readParamWord(inDouble: boolean, stop: string): Word {
    if (!inDouble) return this.readWord('param', stop);
    // In "${x:-…}", the word is read as if double-quoted: single quotes are plain characters.
    const start = this.pos;
    const saved = this.src;
    const end = findParamEnd(saved, this.pos, stop);
    if (end < 0) throw unmatched('}');
    const inner = new ArithScanner(saved.slice(start, end), this.nestedParser(), true);
    this.pos = end;
    return inner.readAll();
  }

  private closeBrace(part: ParamPart): ParamPart {
    if (this.atEnd) throw unmatched('}');
    if (this.src[this.pos] !== '}') return this.badSubstitution();
    this.pos++;
    return part;
  }

  /** Skips to the closing brace; the part fails when expanded, as bash's does. */
  private badSubstitution(): ParamPart {
    const start = this.src.lastIndexOf('${', this.pos);
    const end = this.src.indexOf('}', this.pos);
    if (end < 0) throw unmatched('}');
    this.pos = end + 1;
    return { kind: 'param', name: '', bad: this.src.slice(start, end + 1) };
  }
}

/** The index of the `))` closing a $(( opened just before `from`, or -1. */
function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** The end of a ${…} word read as double-quoted: the `}` (or a `stop` char) at depth 0. */
function findParamEnd(src: string, from: number, stop: string): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && depth-- === 0) return i;
    else if (depth === 0 && stop.includes(ch)) return i;
  }
  return -1;
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

  protected parseSubstitution(): Script {
    // Find the `)` closing this $( by parsing the rest of the text as a nested script.
    const nested = this.outer.parseText(this.src.slice(this.pos), true);
    this.pos += nested.consumed;
    return nested.script;
  }

  protected parseNested(text: string): Script {
    return this.outer.parseText(text).script;
  }

  protected nestedParser(): NestedParser {
    return this.outer;
  }
}
