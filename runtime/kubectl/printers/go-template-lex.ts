/**
 * Go's text/template/parse lexer: text, `{{…}}` actions with their tokens, `{{- ` / ` -}}`
 * whitespace trimming and `{{/* comments *\/}}`. It stops at the first error, which becomes an
 * `error` item carrying Go's message.
 */
import { goRuneU } from './jsonpath-parser';

/** Token kinds; keywords are the ones named after them. */
export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

/** One token: its kind, offset in the template, text and line. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'nil',
  'range',
  'template',
  'with',
]);

/** Go's item.String(), as parse errors quote tokens. */
export function itemString(item: Item): string {
  if (item.typ === 'EOF') return 'EOF';
  if (item.typ === 'error') return item.val;
  if (KEYWORDS.has(item.typ) || item.typ === 'dot') return `<${item.val}>`;
  const runes = Array.from(item.val);
  if (runes.length > 10) return `${goQuoteShort(runes.slice(0, 10).join(''))}...`;
  return goQuoteShort(item.val);
}

/** %q of a short string (strconv.Quote). */
function goQuoteShort(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

const SPACE_CHARS = ' \t\r\n';
const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE_CHARS.includes(ch);
const isAlphaNumeric = (ch: string | undefined): boolean => ch !== undefined && /^[_\p{L}\p{Nd}]$/u.test(ch);

/** Lexes a whole template into its items (the last one is EOF or an error). */
export function lexTemplate(input: string): Item[] {
  return new Lexer(input).run();
}

class Lexer {
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  private readonly items: Item[] = [];

  constructor(private readonly input: string) {}

  run(): Item[] {
    let state: (() => unknown) | undefined = () => this.lexText();
    while (state) state = state() as (() => unknown) | undefined;
    return this.items;
  }

  private line(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos; i++) if (this.input[i] === '\n') line++;
    return line;
  }

  private emit(typ: ItemType): void {
    this.items.push({ typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.line(this.start) });
    this.start = this.pos;
  }

  private errorf(message: string): undefined {
    this.items.push({ typ: 'error', pos: this.start, val: message, line: this.line(this.start) });
    return undefined;
  }

  private rest(at = this.pos): string {
    return this.input.slice(at);
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.pos += ch.length;
    return ch;
  }

  private lexText(): (() => unknown) | undefined {
    const x = this.input.indexOf('{{', this.pos);
    if (x >= 0) {
      this.pos = x;
      let trim = 0;
      if (hasLeftTrimMarker(this.rest(x + 2))) {
        const text = this.input.slice(this.start, this.pos);
        trim = text.length - text.replace(/[ \t\r\n]+$/, '').length;
      }
      this.pos -= trim;
      if (this.pos > this.start) this.emit('text');
      this.pos += trim;
      this.start = this.pos;
      return () => this.lexLeftDelim();
    }
    this.pos = this.input.length;
    if (this.pos > this.start) this.emit('text');
    this.emit('EOF');
    return undefined;
  }

  private lexLeftDelim(): (() => unknown) | undefined {
    this.pos += 2;
    const trim = hasLeftTrimMarker(this.rest());
    const after = trim ? 2 : 0;
    if (this.rest(this.pos + after).startsWith('/*')) {
      this.pos += after;
      this.start = this.pos;
      return this.lexComment();
    }
    this.emit('leftDelim');
    this.pos += after;
    this.start = this.pos;
    this.parenDepth = 0;
    return () => this.lexInsideAction();
  }

  private lexComment(): (() => unknown) | undefined {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    if (trim) this.pos += 2;
    this.pos += 2;
    if (trim) this.pos += leftTrimLength(this.rest());
    this.start = this.pos;
    return () => this.lexText();
  }

  private atRightDelim(): [boolean, boolean] {
    const rest = this.rest();
    if (hasRightTrimMarker(rest) && rest.slice(2).startsWith('}}')) return [true, true];
    return [rest.startsWith('}}'), false];
  }

  private lexRightDelim(): (() => unknown) | undefined {
    const [, trim] = this.atRightDelim();
    if (trim) {
      this.pos += 2;
      this.start = this.pos;
    }
    this.pos += 2;
    this.emit('rightDelim');
    if (trim) {
      this.pos += leftTrimLength(this.rest());
      this.start = this.pos;
    }
    return () => this.lexText();
  }

  private lexInsideAction(): (() => unknown) | undefined {
    const [delim] = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim();
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === undefined) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.pos -= 1;
      return this.lexSpace();
    }
    if (r === '=') this.emit('assign');
    else if (r === ':') {
      if (this.next() !== '=') return this.errorf('expected :=');
      this.emit('declare');
    } else if (r === '|') this.emit('pipe');
    else if (r === '"') return this.lexQuote('"', 'unterminated quoted string', 'string');
    else if (r === '`') return this.lexRawQuote();
    else if (r === '$') return this.lexVariable();
    else if (r === "'") return this.lexQuote("'", 'unterminated character constant', 'charConstant');
    else if (r === '.' && this.pos < this.input.length && !/[0-9]/.test(this.input[this.pos]))
      return this.lexFieldOrVariable('field');
    else if (r === '.' || r === '+' || r === '-' || /[0-9]/.test(r)) {
      this.pos -= 1;
      return this.lexNumber();
    } else if (isAlphaNumeric(r)) {
      this.pos -= r.length;
      return this.lexIdentifier();
    } else if (r === '(') {
      this.emit('leftParen');
      this.parenDepth++;
    } else if (r === ')') {
      this.emit('rightParen');
      this.parenDepth--;
      if (this.parenDepth < 0) return this.errorf(`unexpected right paren`);
    } else if (r.codePointAt(0)! < 0x7f && r.codePointAt(0)! >= 0x20) this.emit('char');
    else return this.errorf(`unrecognized character in action: ${goRuneU(r.codePointAt(0) ?? 0)}`);
    return () => this.lexInsideAction();
  }

  private lexSpace(): (() => unknown) | undefined {
    let spaces = 0;
    while (isSpace(this.input[this.pos])) {
      this.pos++;
      spaces++;
    }
    if (hasRightTrimMarker(this.rest(this.pos - 1)) && this.rest(this.pos + 1).startsWith('}}')) {
      this.pos -= 1;
      if (spaces === 1) return () => this.lexInsideAction();
    }
    this.emit('space');
    return () => this.lexInsideAction();
  }

  private lexIdentifier(): (() => unknown) | undefined {
    while (isAlphaNumeric(this.peekRune())) this.next();
    const word = this.input.slice(this.start, this.pos);
    if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(this.peekRune()?.codePointAt(0) ?? 0)}`);
    if (KEYWORDS.has(word)) this.emit(word as ItemType);
    else if (word === 'true' || word === 'false') this.emit('bool');
    else this.emit('identifier');
    return () => this.lexInsideAction();
  }

  private lexVariable(): (() => unknown) | undefined {
    if (this.atTerminator()) {
      this.emit('variable');
      return () => this.lexInsideAction();
    }
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(typ: 'field' | 'variable'): (() => unknown) | undefined {
    if (this.atTerminator()) {
      this.emit(typ === 'variable' ? 'variable' : 'dot');
      return () => this.lexInsideAction();
    }
    while (isAlphaNumeric(this.peekRune())) this.next();
    if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(this.peekRune()?.codePointAt(0) ?? 0)}`);
    this.emit(typ);
    return () => this.lexInsideAction();
  }

  private peekRune(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    return String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
  }

  private atTerminator(): boolean {
    const r = this.peekRune();
    if (r === undefined || isSpace(r)) return true;
    if ('.,|:)(='.includes(r)) return true;
    return this.rest().startsWith('}}');
  }

  private lexQuote(quote: string, unterminated: string, typ: ItemType): (() => unknown) | undefined {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        const e = this.next();
        if (e !== undefined && e !== '\n') continue;
        return this.errorf(unterminated);
      }
      if (r === undefined || r === '\n') return this.errorf(unterminated);
      if (r === quote) break;
    }
    this.emit(typ);
    return () => this.lexInsideAction();
  }

  private lexRawQuote(): (() => unknown) | undefined {
    const end = this.input.indexOf('`', this.pos);
    if (end < 0) return this.errorf('unterminated raw quoted string');
    this.pos = end + 1;
    this.emit('rawString');
    return () => this.lexInsideAction();
  }

  private lexNumber(): (() => unknown) | undefined {
    if (!this.scanNumber())
      return this.errorf(`bad number syntax: ${goQuoteShort(this.input.slice(this.start, this.pos))}`);
    const sign = this.peekRune();
    if (sign === '+' || sign === '-') {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${goQuoteShort(this.input.slice(this.start, this.pos))}`);
      }
      this.emit('complex');
    } else this.emit('number');
    return () => this.lexInsideAction();
  }

  private accept(valid: string): boolean {
    const r = this.peekRune();
    if (r !== undefined && valid.includes(r)) {
      this.pos += r.length;
      return true;
    }
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peekRune())) {
      this.next();
      return false;
    }
    return true;
  }
}

function hasLeftTrimMarker(text: string): boolean {
  return text.length >= 2 && text[0] === '-' && isSpace(text[1]);
}

function hasRightTrimMarker(text: string): boolean {
  return text.length >= 2 && isSpace(text[0]) && text[1] === '-';
}

function leftTrimLength(text: string): number {
  return text.length - text.replace(/^[ \t\r\n]+/, '').length;
}
