/**
 * The parser of client-go's util/jsonpath (kubectl's JSONPath dialect): text outside `{…}` is
 * printed as is; inside, fields, `[…]` indexes, slices, unions and `['key']`, `[?(…)]` filters,
 * `..`, `*`, quoted strings, numbers, booleans and the `range`/`end` identifiers. Errors carry
 * client-go's texts.
 */

/** One slice bound of an array node ([start:end:step]). */
export interface SliceParam {
  known: boolean;
  value: number;
  /** The end bound implied by a plain index ([i] is [i:i+1]). */
  derived: boolean;
}

/** A node of the parse tree. */
export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: JsonPathList; right: JsonPathList; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JsonPathList[] };

/** A sequence of nodes (the root, each `{…}` action, filter sides, union members). */
export type JsonPathList = Extract<JsonPathNode, { type: 'list' }>;

/** Go's %#U of a rune: U+007B '{'. */
export function goRuneU(rune: number): string {
  const hex = `U+${rune.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = rune >= 0x20 && rune !== 0x7f && !(rune >= 0x80 && rune < 0xa0);
  return printable ? `${hex} '${String.fromCodePoint(rune)}'` : hex;
}

const EOF = -1;
const isSpace = (r: number): boolean => r === 0x20 || r === 0x09;
const isEndOfLine = (r: number): boolean => r === 0x0d || r === 0x0a;
const isDigit = (r: number): boolean => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number): boolean => r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
const isTerminator = (r: number): boolean =>
  isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r));

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** Parses a template into its root list; throws an Error with client-go's text. */
export function parseJsonPathTree(text: string): JsonPathList {
  return new Parser(text).parse();
}

/** Parses what goes inside `{…}` (client-go's parseAction): the list of the single action. */
function parseAction(text: string): JsonPathList {
  return parseJsonPathTree(`{${text}}`).nodes[0] as JsonPathList;
}

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  private readonly root: JsonPathList = { type: 'list', nodes: [] };

  constructor(private readonly input: string) {}

  parse(): JsonPathList {
    this.parseText(this.root);
    return this.root;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) ?? EOF;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: JsonPathList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const action: JsonPathList = { type: 'list', nodes: [] };
        cur.nodes.push(action);
        return this.parseInsideAction(action);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseInsideAction(cur: JsonPathList): void {
    const rest = this.rest();
    if (rest.startsWith('}')) {
      this.pos += 1;
      this.consumeText();
      return this.parseText(this.root);
    }
    if (rest.startsWith('[?(')) return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);
    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new Error('unclosed action');
    if (r === 0x20 || r === 0x40 || r === 0x24)
      this.consumeText(); // ' ', '@', '$'
    else if (r === 0x5b) return this.parseArray(cur);
    else if (r === 0x22 || r === 0x27) return this.parseQuote(cur, r);
    else if (r === 0x2e) return this.parseField(cur);
    else if (r === 0x2b || r === 0x2d || isDigit(r)) {
      this.backup();
      return this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    } else throw new Error(`unrecognized character in action: ${goRuneU(r)}`);
    return this.parseInsideAction(cur);
  }

  private parseIdentifier(cur: JsonPathList): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: JsonPathList): void {
    if (cur.nodes.at(-1)?.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: JsonPathList): void {
    const sign = this.peek();
    if (sign === 0x2b || sign === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: JsonPathList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((part) => parseAction(`[${part.trim()}]`)) });
      return this.parseInsideAction(cur);
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return this.parseInsideAction(cur);
    }
    const slice = SLICE.exec(text);
    if (!slice) throw new Error(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let value = slice[i + 1] ?? '';
      if (value !== '') {
        if (i > 0) value = value.slice(1);
        if (i > 0 && value === '') params.push({ known: false, value: 0, derived: false });
        else {
          const n = Number(value);
          if (!/^-?\d+$/.test(value)) throw new Error(`array index ${value} is not a number`);
          params.push({ known: true, value: n, derived: false });
        }
      } else if (i === 1) params.push({ known: true, value: params[0].value + 1, derived: true });
      else params.push({ known: false, value: 0, derived: false });
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: JsonPathList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) throw new Error('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const match = FILTER.exec(text);
    if (!match) {
      cur.nodes.push({
        type: 'filter',
        left: parseAction(text),
        right: { type: 'list', nodes: [] },
        operator: 'exists',
      });
    } else {
      const left = parseAction(match[1]);
      const right = parseAction(match[3]);
      cur.nodes.push({ type: 'filter', left, right, operator: match[2] });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: JsonPathList, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (text === undefined) throw new Error(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text });
    this.parseInsideAction(cur);
  }

  private parseField(cur: JsonPathList): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** client-go's UnquoteExtend (also strconv.Unquote for Go strings): unquotes "…" and '…' strings; undefined when invalid. */
export function unquoteExtend(quoted: string): string | undefined {
  const quote = quoted[0];
  if (quoted.length < 2 || quote !== quoted.at(-1) || (quote !== '"' && quote !== "'")) return undefined;
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === quote) return undefined;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (e in SIMPLE_ESCAPES) {
      if ((e === "'" || e === '"') && e !== quote) return undefined;
      out += SIMPLE_ESCAPES[e];
      continue;
    }
    const sizes: Record<string, number> = { x: 2, u: 4, U: 8 };
    if (e in sizes || /[0-7]/.test(e)) {
      const size = sizes[e] ?? 3;
      const digits = e in sizes ? body.slice(i + 1, i + 1 + size) : body.slice(i, i + 3);
      const valid = e in sizes ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
      if (digits.length !== size || !valid.test(digits)) return undefined;
      out += String.fromCodePoint(parseInt(digits, e in sizes ? 16 : 8));
      i += e in sizes ? size : 2;
      continue;
    }
    return undefined;
  }
  return out;
}
