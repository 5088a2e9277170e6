import type { CommandContext } from '../../command';
import { errnoOf } from '../../fs/errors';
import { readAll, type InputStream } from '../../process';
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

/**
 * Standard input up to its first `count` lines (or characters, at least as many bytes), then
 * closed, as `head` stops reading: an endless writer such as `yes` then gets EPIPE.
 */
export async function readLeading(
  stdin: InputStream,
  unit: 'lines' | 'bytes',
  count: number,
  separator = '\n',
): Promise<string> {
  let text = '';
  let seen = 0;
  for (let chunk = await stdin.read(); chunk !== null; chunk = await stdin.read()) {
    text += chunk;
    if (unit === 'bytes') seen = text.length;
    else for (let at = chunk.indexOf(separator); at >= 0; at = chunk.indexOf(separator, at + 1)) seen++;
    if (seen >= count) {
      stdin.close();
      break;
    }
  }
  return text;
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
