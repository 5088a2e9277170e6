// Where print and printf write: standard output (buffered, flushed per record), standard
// error, files in the Volume (truncated on first open, kept open until close()) and commands
// (their input collected, run at close or exit).
import type { CommandContext } from '../../command';
import { errorText } from '../../fs/errors';
import { fromBytes, toBytes } from './bytes';
import { AwkFatalError } from './runtime';
import { runCommandLine } from './shell-runner';

interface Stream {
  kind: 'file' | 'pipe';
  buf: string;
  path?: string;
}

/** Past this much buffered output, write it out (mawk's stdio buffers are 4 KiB). */
const FLUSH_AT = 4096;

export class Output {
  private stdoutBuf = '';
  private readonly streams = new Map<string, Stream>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly resolve: (path: string) => string,
  ) {}

  async stdout(text: string): Promise<void> {
    this.stdoutBuf += text;
    if (this.stdoutBuf.length >= FLUSH_AT) await this.flushStdout();
  }

  async flushStdout(): Promise<void> {
    if (this.stdoutBuf === '') return;
    const text = this.stdoutBuf;
    this.stdoutBuf = '';
    await this.ctx.stdout.write(fromBytes(text));
  }

  async stderr(text: string): Promise<void> {
    await this.flushStdout();
    await this.ctx.stderr.write(fromBytes(text));
  }

  /** print/printf with a redirection: `>`, `>>` or `|`. */
  async redirect(mode: '>' | '>>' | '|', name: string, text: string): Promise<void> {
    if (mode !== '|' && (name === '/dev/stdout' || name === '-')) return this.stdout(text);
    if (mode !== '|' && name === '/dev/stderr') return this.stderr(text);
    let stream = this.streams.get(name);
    if (!stream) {
      stream = mode === '|' ? { kind: 'pipe', buf: '' } : this.open(name, mode === '>>');
      this.streams.set(name, stream);
    }
    stream.buf += text;
    if (stream.kind === 'file' && stream.buf.length >= FLUSH_AT) this.flushFile(stream);
  }

  private open(name: string, append: boolean): Stream {
    const path = this.resolve(fromBytes(name));
    try {
      if (name === '') throw new Error('ENOENT');
      this.ctx.fs.writeTo(path, '', { append });
    } catch (error) {
      const reason = errorText(error);
      throw new AwkFatalError(`cannot open "${name}" for output (${reason})`);
    }
    return { kind: 'file', buf: '', path };
  }

  private flushFile(stream: Stream): void {
    if (stream.buf === '' || !stream.path) return;
    this.ctx.fs.writeTo(stream.path, fromBytes(stream.buf), { append: true });
    stream.buf = '';
  }

  /** Whether `name` is an open output. */
  has(name: string): boolean {
    return this.streams.has(name);
  }

  /** close(name): flushes and forgets it; a command runs now. Resolves to its status. */
  async close(name: string): Promise<number> {
    const stream = this.streams.get(name);
    if (!stream) return -1;
    this.streams.delete(name);
    return this.finish(name, stream);
  }

  private async finish(name: string, stream: Stream): Promise<number> {
    if (stream.kind === 'file') {
      this.flushFile(stream);
      return 0;
    }
    await this.flushStdout();
    return runCommandLine(this.ctx, name, stream.buf, (t) => this.ctx.stdout.write(fromBytes(t)));
  }

  /** fflush(): everything written so far goes out. */
  async flushAll(): Promise<void> {
    await this.flushStdout();
    for (const stream of this.streams.values()) if (stream.kind === 'file') this.flushFile(stream);
  }

  /** At exit: flush stdout and files, run the commands printed to. */
  async closeAll(): Promise<void> {
    await this.flushStdout();
    for (const [name, stream] of [...this.streams]) {
      this.streams.delete(name);
      await this.finish(name, stream);
    }
  }
}

export { toBytes };
