// The files a script names: `w` outputs (created when the script is compiled, written out at
// exit) and `R` inputs (opened when compiled), with /dev/stdout, /dev/stderr and /dev/stdin;
// and reading them as `r` and `R` do.
import type { Volume } from '../../fs/volume';
import { errnoOf, errorText } from '../../fs/errors';
import { fromBytes, toBytes } from './bytes';
import { BufferSink, Output, type Sink } from './output';
import type { ReadRef } from './program';
import { panic } from './script';
import type { StreamSource } from './sources';

export class ScriptFiles {
  private written: Array<{ path: string; sink: BufferSink }> = [];

  constructor(
    private readonly fs: Volume,
    private readonly resolve: (path: string) => string,
    private readonly stdout: Sink,
    private readonly stderr: Sink,
  ) {}

  /** A `w` file (bytes name): truncated now, as GNU opens it while compiling. */
  openOutput(name: string): Output {
    if (name === '/dev/stdout') return new Output(name, this.stdout);
    if (name === '/dev/stderr') return new Output(name, this.stderr);
    const path = this.resolve(fromBytes(name));
    try {
      this.fs.writeTo(path, '');
    } catch (error) {
      throw panic(`couldn't open file ${name}: ${toBytes(errorText(error))}`);
    }
    const sink = new BufferSink();
    this.written.push({ path, sink });
    return new Output(name, sink);
  }

  /** An `R` file: its contents now (none when it cannot be opened). */
  openRead(name: string): ReadRef {
    if (name === '/dev/stdin') return { name, data: null, pos: 0 };
    try {
      return { name, data: toBytes(this.fs.readFile(this.resolve(fromBytes(name)))), pos: 0 };
    } catch (error) {
      return { name, data: null, pos: 0, directory: errnoOf(error) === 'EISDIR' };
    }
  }

  /** Writes what went to each `w` file (at exit, as stdio flushes them). */
  close(): void {
    for (const { path, sink } of this.written) {
      try {
        this.fs.writeTo(path, fromBytes(sink.data));
      } catch {
        // Gone or unwritable since it was opened: GNU's write would have failed silently too.
      }
    }
  }
}

/** A file's bytes for `r` (nothing when it cannot be opened; reading a directory fails). */
export async function readWholeFile(
  fs: Volume,
  resolve: (path: string) => string,
  stdin: StreamSource,
  name: string,
): Promise<string> {
  if (name === '/dev/stdin') return stdin.rest();
  try {
    return toBytes(fs.readFile(resolve(fromBytes(name))));
  } catch (error) {
    if (errnoOf(error) === 'EISDIR') throw panic(`read error on ${name}: Is a directory`);
    return '';
  }
}

/** `R`'s next line of `inf` with its delimiter, or null at its end (or for no file). */
export async function readLineOf(
  inf: ReadRef | null,
  delimiter: string,
  stdin: StreamSource,
  special: boolean,
): Promise<string | null> {
  if (!inf) return null;
  if (inf.name === '/dev/stdin' && special) {
    const got = await stdin.readLine(delimiter);
    return got && got.text + (got.chomped ? delimiter : '');
  }
  if (inf.directory) throw panic(`read error on ${inf.name}: Is a directory`);
  if (inf.data === null || inf.pos >= inf.data.length) return null;
  const end = inf.data.indexOf(delimiter, inf.pos);
  const text = inf.data.slice(inf.pos, end < 0 ? undefined : end + 1);
  inf.pos = end < 0 ? inf.data.length : end + 1;
  return text;
}
