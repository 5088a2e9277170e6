// jq 1.6's JSON reader (jv_parse.c), character by character so that its messages, lines and
// columns come out the same: values may run together (`{}{}`), columns count bytes, and a literal
// is only checked once the character after it arrives.
import { decodeString, parseNumber } from './json-tokens';
import { JqError, unitBytes, type JqObject, type Value } from './values';

/** One step of the reader: a value, a parse error, or nothing yet (it needs more text). */
export type ParseStep = { value: Value } | { error: string } | null;

type Frame = { array: Value[] } | { object: JqObject } | { key: string };

const MAX_DEPTH = 256;

/** An incremental reader of a stream of JSON texts (RFC 7464 sequences with `seq`). */
export class JsonParser {
  private text = '';
  private pos = 0;
  private partial = false;
  private hasBuffer = false;
  private atEof = false;
  private stack: Frame[] = [];
  private next: Value | undefined;
  private token = '';
  /** `waiting`: after an error in a sequence, skipping to the next RS. */
  private state: 'normal' | 'string' | 'escape' | 'waiting';
  private lastWasSpace = false;
  private bomChecked = false;
  /** A finished top-level value, waiting to be handed out. */
  private done: Value | undefined;
  private line = 1;
  private column = 0;

  constructor(private readonly seq = false) {
    this.state = seq ? 'waiting' : 'normal';
  }

  /** Hands the reader its next piece of text; `partial` when more may follow. */
  feed(text: string, partial: boolean): void {
    if (!this.bomChecked && (text.length > 0 || !partial)) {
      this.bomChecked = true;
      if (text.startsWith('\ufeff')) text = text.slice(1);
    }
    this.text = text;
    this.pos = 0;
    this.partial = partial;
    this.hasBuffer = true;
  }

  /** Text fed but not yet read. */
  remaining(): number {
    return this.hasBuffer ? this.text.length - this.pos : 0;
  }

  /** The next value or error from what was fed; null when it needs more (or is finished). */
  step(): ParseStep {
    if (this.atEof || !this.hasBuffer) return null;
    let message: string | undefined;
    let ch = 0;
    while (message === undefined && this.pos < this.text.length) {
      ch = this.text.charCodeAt(this.pos++);
      if (this.state === 'waiting') {
        this.count(ch);
        if (ch === 0x1e) this.state = 'normal';
        continue;
      }
      const r = this.scan(ch);
      if (r === true) return { value: this.takeOut() };
      message = r;
    }
    if (message !== undefined) {
      const error = `${message} at line ${this.line}, column ${this.column}`;
      this.reset();
      // A sequence resynchronises at the next RS; a plain stream is over.
      if (this.seq && ch !== 0x1e) {
        this.state = 'waiting';
        return { error: `${error} (need RS to resync)` };
      }
      if (!this.seq) this.hasBuffer = false;
      return { error };
    }
    if (this.partial) return null;
    this.atEof = true;
    const at = `at EOF at line ${this.line}, column ${this.column}`;
    if (this.state === 'waiting') return { error: `Unfinished abandoned text ${at}` };
    if (this.state !== 'normal') return { error: `Unfinished string ${at}` };
    const literal = this.checkLiteral();
    if (literal) return { error: `${literal} ${at}` };
    if (this.stack.length > 0) return { error: `Unfinished JSON term ${at}` };
    const last = this.next;
    this.next = undefined;
    if (this.seq && !this.lastWasSpace && typeof last === 'number')
      return { error: `Potentially truncated top-level numeric value ${at}` };
    return last === undefined ? null : { value: last };
  }

  private count(ch: number): void {
    this.column += unitBytes(ch);
    if (ch === 0x0a) {
      this.line++;
      this.column = 0;
    }
  }

  private takeOut(): Value {
    const v = this.done as Value;
    this.done = undefined;
    return v;
  }

  private reset(): void {
    this.stack = [];
    this.next = undefined;
    this.token = '';
    this.state = 'normal';
  }

  /** Moves a finished top-level value out; true when there was one. */
  private checkDone(): boolean {
    if (this.stack.length === 0 && this.next !== undefined) {
      this.done = this.next;
      this.next = undefined;
      return true;
    }
    return false;
  }

  private value(v: Value): string | undefined {
    if (this.next !== undefined) return 'Expected separator between values';
    this.next = v;
    return undefined;
  }

  /** Reads one character: true when a value is complete, a message on error. */
  private scan(ch: number): true | string | undefined {
    this.count(ch);
    if (ch === 0x1e) {
      // ASCII RS separates texts (RFC 7464); jq honours it even without --seq.
      const truncated = this.seq && !this.lastWasSpace;
      if (truncated && (this.stack.length > 0 || this.token !== '' || typeof this.next === 'number')) {
        const top = this.checkLiteral() === undefined && this.stack.length === 0 && typeof this.next === 'number';
        return top ? 'Potentially truncated top-level numeric value' : 'Truncated value';
      }
      const m = this.checkLiteral();
      if (m) return m;
      if (this.state === 'normal' && this.checkDone()) return true;
      this.reset();
      return undefined;
    }
    if (this.state !== 'normal') {
      if (ch === 0x22 && this.state === 'string') {
        const s = decodeString(this.token);
        if (typeof s !== 'string') return s.error;
        this.token = '';
        const m = this.value(s);
        if (m) return m;
        this.state = 'normal';
        return this.checkDone() || undefined;
      }
      this.token += String.fromCharCode(ch);
      this.state = ch === 0x5c && this.state === 'string' ? 'escape' : 'string';
      return undefined;
    }
    const c = String.fromCharCode(ch);
    const whitespace = c === ' ' || c === '\t' || c === '\r' || c === '\n';
    this.lastWasSpace = whitespace;
    const structure = '[,]{:}'.includes(c);
    let answer = false;
    if (whitespace || structure || c === '"') {
      const m = this.checkLiteral();
      if (m) return m;
      if (this.checkDone()) answer = true;
    }
    if (c === '"') this.state = 'string';
    else if (structure) {
      const m = this.structure(c);
      if (m) return m;
    } else if (!whitespace) this.token += c;
    if (this.checkDone()) answer = true;
    return answer || undefined;
  }

  private checkLiteral(): string | undefined {
    const t = this.token;
    if (t === '') return undefined;
    const pattern = t[0] === 't' ? 'true' : t[0] === 'f' ? 'false' : t[0] === 'n' ? 'null' : undefined;
    let v: Value;
    if (pattern !== undefined) {
      if (t !== pattern) return 'Invalid literal';
      v = pattern === 'null' ? null : pattern === 'true';
    } else {
      const n = parseNumber(t);
      if (n === undefined) return 'Invalid numeric literal';
      v = n;
    }
    const m = this.value(v);
    if (m) return m;
    this.token = '';
    return undefined;
  }

  private structure(c: string): string | undefined {
    const top = this.stack[this.stack.length - 1];
    switch (c) {
      case '[':
      case '{':
        if (this.stack.length >= MAX_DEPTH) return 'Exceeds depth limit for parsing';
        if (this.next !== undefined) return 'Expected separator between values';
        this.stack.push(c === '[' ? { array: [] } : { object: new Map() });
        return undefined;
      case ':':
        if (this.next === undefined) return "Expected string key before ':'";
        if (!top || !('object' in top)) return "':' not as part of an object";
        if (typeof this.next !== 'string') return 'Object keys must be strings';
        this.stack.push({ key: this.next });
        this.next = undefined;
        return undefined;
      case ',':
        if (this.next === undefined) return "Expected value before ','";
        if (!top) return "',' not as part of an object or array";
        if ('array' in top) top.array.push(this.next);
        else if ('key' in top) this.storePair(top.key);
        else return 'Objects must consist of key:value pairs';
        this.next = undefined;
        return undefined;
      case ']':
        if (!top || !('array' in top)) return "Unmatched ']'";
        if (this.next !== undefined) top.array.push(this.next);
        else if (top.array.length !== 0) return 'Expected another array element';
        this.stack.pop();
        this.next = top.array;
        return undefined;
      default:
        if (!top) return "Unmatched '}'";
        if (this.next !== undefined) {
          if (!('key' in top)) return 'Objects must consist of key:value pairs';
          this.storePair(top.key);
        } else {
          if (!('object' in top)) return "Unmatched '}'";
          if (top.object.size !== 0) return 'Expected another key-value pair';
        }
        this.next = (this.stack.pop() as { object: JqObject }).object;
        return undefined;
    }
  }

  /** Sets the pending key's value into the object below it. */
  private storePair(key: string): void {
    this.stack.pop();
    (this.stack[this.stack.length - 1] as { object: JqObject }).object.set(key, this.next as Value);
    this.next = undefined;
  }
}

/** jv_parse: exactly one JSON text, else an error naming the text (fromjson, --argjson). */
export function parseJsonText(text: string): Value {
  const parser = new JsonParser();
  parser.feed(text, false);
  const fail = (message: string): never => {
    throw new JqError(`${message} (while parsing '${text}')`);
  };
  const first = parser.step();
  if (first === null) return fail('Expected JSON value');
  if ('error' in first) return fail(first.error);
  const second = parser.step();
  if (second !== null) return fail('error' in second ? second.error : 'Unexpected extra JSON values');
  return first.value;
}
