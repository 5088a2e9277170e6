import { KUBECTL_DESCRIBE, TabWriter } from '../printers/tabwriter';

/** Indentation levels of describe's PrefixWriter: each is two spaces deeper. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** kubectl describe's PrefixWriter: text at an indentation level of two spaces a step. */
export interface PrefixWriter {
  /** Writes `text` (already formatted) after `level` two-space indents. */
  write(level: number, text: string): void;
  /** fmt.Sprintln of one value: the text and a newline, not indented (nested: at its indent). */
  writeLine(text: string): void;
  /** Lays out what is buffered, so the columns after it align on their own (w.Flush()). */
  flush(): void;
}

/**
 * describe's tabbedString: a PrefixWriter over a tabwriter (0, 8, 2, ' ', 0) whose text() is the
 * whole output, laid out. Terminal escapes are defused as printers.WriteEscaped does.
 */
export class TabbedWriter implements PrefixWriter {
  private readonly tab = new TabWriter(KUBECTL_DESCRIBE);
  private out = '';

  write(level: number, text: string): void {
    this.tab.write(escapeTerminal('  '.repeat(level) + text));
  }

  writeLine(text: string): void {
    this.tab.write(escapeTerminal(`${text}\n`));
  }

  flush(): void {
    this.out += this.tab.flush();
  }

  /** Everything written, laid out. */
  text(): string {
    this.flush();
    return this.out;
  }
}

/** NewNestedPrefixWriter: writes into `out` with every level `indent` deeper. */
export function nestedWriter(out: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => out.write(level + indent, text),
    writeLine: (text) => out.write(indent, `${text}\n`),
    flush: () => out.flush(),
  };
}

/** Runs `describe` on a fresh TabbedWriter and returns its text (describe's tabbedString). */
export function tabbedString(describe: (w: PrefixWriter) => void): string {
  const w = new TabbedWriter();
  describe(w);
  return w.text();
}

/** printers.EscapeTerminal: ESC becomes `^[` and CR `\r`, against terminal escape attacks. */
export function escapeTerminal(text: string): string {
  return text.split('\u001b').join('^[').split('\r').join('\\r');
}
