// `set -x`: each simple command, expanded, on stderr after `+ `, quoted so it could be re-read.
import type { OutputStream } from '../process';

/** Quotes a word as bash's xtrace does: only when it needs it, in single quotes. */
export function quoteForTrace(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Writes the trace line of one simple command. */
export function traceLine(stderr: OutputStream, assigns: Array<[string, string]>, argv: string[]): void {
  const words = [...assigns.map(([name, value]) => `${name}=${quoteForTrace(value)}`), ...argv.map(quoteForTrace)];
  stderr.write(`+ ${words.join(' ')}\n`);
}
