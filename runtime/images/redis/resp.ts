// RESP2, the protocol redis-server and redis-cli speak: replies as values, their encoding on the
// wire, and the incremental parsers for both directions (a client's commands, multibulk or
// inline as `nc` sends them; a server's replies). Strings on the wire are byte strings: one
// character per byte (0–255), as `bytes.ts` converts them.
import { splitArgs } from './split-args';

/** One reply as RESP2 carries it. Integers are bigint where int64 range matters (INCR). */
export type Reply =
  | { type: 'status'; text: string }
  | { type: 'error'; text: string }
  | { type: 'integer'; value: number | bigint }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; items: Reply[] | null };

export const ok: Reply = { type: 'status', text: 'OK' };
export const nil: Reply = { type: 'bulk', value: null };
export const nilArray: Reply = { type: 'array', items: null };
export const status = (text: string): Reply => ({ type: 'status', text });
export const error = (text: string): Reply => ({ type: 'error', text });
export const integer = (value: number | bigint | boolean): Reply => ({
  type: 'integer',
  value: typeof value === 'boolean' ? Number(value) : value,
});
export const bulk = (value: string | null | undefined): Reply => ({ type: 'bulk', value: value ?? null });
export const array = (items: Reply[]): Reply => ({ type: 'array', items });
export const bulks = (values: Array<string | null | undefined>): Reply => array(values.map(bulk));

/** A reply on the wire. */
export function encodeReply(reply: Reply): string {
  switch (reply.type) {
    case 'status':
      return `+${reply.text}\r\n`;
    case 'error':
      return `-${reply.text}\r\n`;
    case 'integer':
      return `:${reply.value}\r\n`;
    case 'bulk':
      return reply.value === null ? '$-1\r\n' : `$${reply.value.length}\r\n${reply.value}\r\n`;
    case 'array':
      return reply.items === null ? '*-1\r\n' : `*${reply.items.length}\r\n${reply.items.map(encodeReply).join('')}`;
  }
}

/** A command on the wire, as clients send it (a multibulk of bulk strings). */
export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${arg.length}\r\n${arg}\r\n`).join('')}`;
}

/** What a parser found at the front of its buffer: a value and where it ends, or not enough yet. */
type Parsed<T> = { value: T; end: number } | undefined;

/** Thrown for input that is not RESP; the server answers `-ERR Protocol error: …` and closes. */
export class ProtocolError extends Error {}

function lineAt(buffer: string, start: number): Parsed<string> {
  const end = buffer.indexOf('\r\n', start);
  return end < 0 ? undefined : { value: buffer.slice(start, end), end: end + 2 };
}

/**
 * The server's side: commands as they arrive, each an argument list. Multibulk requests start
 * with `*`; anything else is an inline command (split as redis splits it, quotes included);
 * empty inline lines are skipped.
 */
export class CommandParser {
  private buffer = '';

  push(chunk: string): void {
    this.buffer += chunk;
  }

  /** The next whole command, or undefined until more arrives; throws ProtocolError. */
  next(): string[] | undefined {
    for (;;) {
      if (this.buffer === '') return undefined;
      const parsed = this.buffer[0] === '*' ? this.multibulk() : this.inline();
      if (!parsed) return undefined;
      this.buffer = this.buffer.slice(parsed.end);
      if (parsed.value.length > 0) return parsed.value;
    }
  }

  private inline(): Parsed<string[]> {
    const end = this.buffer.indexOf('\n');
    if (end < 0) return undefined;
    const line = this.buffer.slice(0, end).replace(/\r$/, '');
    const args = splitArgs(line);
    if (!args) throw new ProtocolError('unbalanced quotes in request');
    return { value: args, end: end + 1 };
  }

  private multibulk(): Parsed<string[]> {
    const header = lineAt(this.buffer, 1);
    if (!header) return undefined;
    const count = Number(header.value);
    if (!Number.isInteger(count) || count > 1024 * 1024) throw new ProtocolError('invalid multibulk length');
    const args: string[] = [];
    let at = header.end;
    for (let i = 0; i < count; i++) {
      if (at >= this.buffer.length) return undefined;
      if (this.buffer[at] !== '$') throw new ProtocolError(`expected '$', got '${this.buffer[at]}'`);
      const size = lineAt(this.buffer, at + 1);
      if (!size) return undefined;
      const length = Number(size.value);
      if (!Number.isInteger(length) || length < 0) throw new ProtocolError('invalid bulk length');
      if (this.buffer.length < size.end + length + 2) return undefined;
      args.push(this.buffer.slice(size.end, size.end + length));
      at = size.end + length + 2;
    }
    return { value: args, end: at };
  }
}

/** The client's side: replies as they arrive. */
export class ReplyParser {
  private buffer = '';

  push(chunk: string): void {
    this.buffer += chunk;
  }

  /** The next whole reply, or undefined until more arrives. */
  next(): Reply | undefined {
    const parsed = parseReply(this.buffer, 0);
    if (!parsed) return undefined;
    this.buffer = this.buffer.slice(parsed.end);
    return parsed.value;
  }
}

function parseReply(buffer: string, start: number): Parsed<Reply> {
  const line = lineAt(buffer, start + 1);
  if (!line) return undefined;
  const text = line.value;
  switch (buffer[start]) {
    case '+':
      return { value: status(text), end: line.end };
    case '-':
      return { value: error(text), end: line.end };
    case ':':
      return { value: integer(BigInt(text)), end: line.end };
    case '$': {
      const length = Number(text);
      if (length < 0) return { value: nil, end: line.end };
      if (buffer.length < line.end + length + 2) return undefined;
      return { value: bulk(buffer.slice(line.end, line.end + length)), end: line.end + length + 2 };
    }
    case '*': {
      const count = Number(text);
      if (count < 0) return { value: nilArray, end: line.end };
      const items: Reply[] = [];
      let at = line.end;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, at);
        if (!item) return undefined;
        items.push(item.value);
        at = item.end;
      }
      return { value: array(items), end: at };
    }
    default:
      throw new ProtocolError(`unexpected reply type '${buffer[start]}'`);
  }
}
