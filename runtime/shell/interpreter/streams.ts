// The open file descriptors of a process, and the streams redirections open on files.
import { errorText } from '../fs/errors';
import { normalizePath, type Volume } from '../fs/volume';
import type { InputStream, OutputStream } from '../process';

/** An open file descriptor: something to read, to write, or both. */
export type Stream = InputStream | OutputStream;

/** A process's file descriptors by number (0 stdin, 1 stdout, 2 stderr). */
export type Fds = ReadonlyMap<number, Stream>;

const isInput = (s: Stream | undefined): s is InputStream => s !== undefined && 'read' in s;
const isOutput = (s: Stream | undefined): s is OutputStream => s !== undefined && 'write' in s;

/** Writes nowhere (`/dev/null`, a closed descriptor). */
export const NULL_OUTPUT: OutputStream = { write: () => {} };

/** The input on `fd` (end of file at once if it is closed or write-only). */
export function inputOf(fds: Fds, fd = 0): InputStream {
  const s = fds.get(fd);
  return isInput(s) ? s : { read: () => Promise.resolve(null), close: () => {} };
}

/** The output on `fd` (discarding if it is closed or read-only). */
export function outputOf(fds: Fds, fd: number): OutputStream {
  const s = fds.get(fd);
  return isOutput(s) ? s : NULL_OUTPUT;
}

/** The three standard descriptors. */
export function standardFds(stdin: InputStream, stdout: OutputStream, stderr: OutputStream): Fds {
  return new Map<number, Stream>([
    [0, stdin],
    [1, stdout],
    [2, stderr],
  ]);
}

/** A write to a file that failed (the disk is full): the command reports it as a write error. */
export class WriteError extends Error {}

/**
 * A file opened for writing in the Volume: each write appends to it (the Volume has no open
 * files; the text is written through at once, so a later reader sees it).
 */
export function fileOutput(fs: Volume, path: string): OutputStream {
  return {
    write(text: string) {
      if (text === '') return;
      try {
        fs.appendFile(path, text);
      } catch (error) {
        throw new WriteError(`write error: ${errorText(error)}`);
      }
    },
  };
}

/** Why a file cannot be opened, as bash says it, or undefined when it can. */
export function openError(fs: Volume, cwd: string, name: string, forWriting: boolean): string | undefined {
  const path = normalizePath(name, cwd);
  if (fs.isDirectory(path)) return forWriting ? 'Is a directory' : undefined;
  if (fs.exists(path)) return undefined;
  if (!forWriting) return 'No such file or directory';
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (fs.isDirectory(parent)) return undefined;
  return fs.exists(parent) ? 'Not a directory' : 'No such file or directory';
}
