import type { CommandContext } from '../../command';
import { errnoOf } from '../../fs/errors';
import { readAll } from '../../process';
import type { Io } from './define';
import { shellQuote } from './quote';

/**
 * The text of operand `name` (`-` is standard input), or undefined after printing
 * `NAME: PREFIX name: error` (`prefix` like "cannot open" adds " ... for reading").
 */
export async function readInput(
  ctx: CommandContext,
  io: Io,
  name: string,
  style: 'plain' | 'open' = 'plain',
): Promise<string | undefined> {
  if (name === '-') return readAll(ctx.stdin);
  try {
    return ctx.fs.readFile(io.resolve(name));
  } catch (error) {
    if (style === 'open' && errnoOf(error) !== 'EISDIR')
      io.fsError(`cannot open ${shellQuote(name, true)} for reading`, error);
    else if (style === 'open') io.fsError(`error reading ${shellQuote(name, true)}`, error);
    else io.fsError(shellQuote(name), error);
    return undefined;
  }
}

/** Splits text into lines, each with its `\n` (a last line without one kept as it is). */
export function splitLines(text: string, separator = '\n'): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf(separator); end >= 0; end = text.indexOf(separator, start)) {
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** UTF-8 bytes of `text`, for byte counts and -c offsets. */
export function toBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

/** Text from UTF-8 bytes (invalid sequences become U+FFFD). */
export function fromBytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let code = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) code = (code << 6) | (bytes[i + k] & 63);
    out += String.fromCodePoint(code);
    i += len;
  }
  return out;
}

/**
 * A size with GNU's multiplier suffixes (b 512, K/KiB 1024, KB 1000, M, G, T…), or undefined.
 */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+)(b|[KMGTPEZY](?:iB|B)?|kB)?$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  const suffix = match[2];
  if (!suffix) return n;
  if (suffix === 'b') return n * 512;
  if (suffix === 'kB') return n * 1000;
  const power = 'KMGTPEZY'.indexOf(suffix[0]) + 1;
  return n * (suffix.endsWith('B') && !suffix.endsWith('iB') ? 1000 : 1024) ** power;
}
