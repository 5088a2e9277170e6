import { errorText } from '../../fs/errors';
import { normalizePath, type Volume } from '../../fs/volume';
import type { OutputStream } from '../../command';

// Where curl writes what it receives (src/tool_cb_wrt.c): standard output, or a file opened at
// the first byte (created empty at the end when none came). A file that will not open warns
// once and fails the transfer with error 23 once it ends.

/** A destination for a transfer's bytes. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Called once the transfer ended; creates a file that got no bytes. */
  finish(ok: boolean): void;
  /** The file could not be written. */
  readonly failed: boolean;
  /** Whether the bytes go to the terminal. */
  readonly terminal: boolean;
}

/** Standard output. */
export function stdoutSink(stdout: OutputStream, terminal: boolean): Sink {
  return {
    write: async (text) => {
      await stdout.write(text);
    },
    finish: () => {},
    failed: false,
    terminal,
  };
}

/** Nowhere (`-o /dev/null`). */
export const NULL_SINK: Sink = { write: () => Promise.resolve(), finish: () => {}, failed: false, terminal: false };

/** The file `name` (relative to `cwd`) on `fs`; `warn` prints the warning when it cannot be opened. */
export function fileSink(
  fs: Volume,
  cwd: string,
  name: string,
  createDirs: boolean,
  warn: (text: string) => void,
): Sink {
  const path = normalizePath(name, cwd);
  let opened = false;
  const sink = {
    failed: false,
    terminal: false,
    write(text: string): Promise<void> {
      if (sink.failed) return Promise.resolve();
      try {
        if (!opened && createDirs) fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/');
        if (opened) fs.appendFile(path, text);
        else fs.writeTo(path, text);
        opened = true;
      } catch (error) {
        sink.failed = true;
        warn(`Warning: Failed to open the file ${name}: ${errorText(error)}\n`);
      }
      return Promise.resolve();
    },
    finish(ok: boolean): void {
      if (!opened && !sink.failed && ok) void sink.write('');
    },
  };
  return sink;
}
