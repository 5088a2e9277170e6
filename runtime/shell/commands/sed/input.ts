// The input side of GNU sed's execute.c: files opened one after another as lines are needed,
// the `$` test that peeks ahead (into later files too), and -i's write-back of each file.
import type { Volume } from '../../fs/volume';
import { errnoOf, errorText } from '../../fs/errors';
import { fromBytes, toBytes } from './bytes';
import { BufferSink, type Output, type Sink } from './output';
import { panic } from './script';
import { BytesSource, DirectorySource, type Line, type Source, type StreamSource } from './sources';

export interface InputOptions {
  fs: Volume;
  resolve(path: string): string;
  stdin: StreamSource;
  delimiter: string;
  /** -s or -i: each file on its own (line numbers, `$`, ranges and hold space restart). */
  separate: boolean;
  /** -i's backup suffix (`*` stands for the file name; "*" alone is no backup), or null. */
  inPlace: string | null;
  /** --follow-symlinks: a symlink operand stands for the file it leads to. */
  followSymlinks: boolean;
  /** The output p, =, i… write to: stdout, or with -i the file being edited. */
  output: Output;
  stdout: Sink;
  /** Prints `sed: message` on stderr. */
  warn(message: string): void;
  /** A new file starts with -s or -i (and the first file always): reset ranges, hold, R files. */
  onReset(): void;
}

/** The file being edited in place: where its new contents collect. */
interface InPlaceTarget {
  name: string;
  mode: number;
  sink: BufferSink;
}

/** The file `name` leads to through symlinks, spelled as GNU's follow_symlink spells it. */
function followSymlink(fs: Volume, resolve: (path: string) => string, name: string): string {
  let fn = name;
  for (let links = 0; ; links++) {
    let target: string;
    try {
      target = fs.readlink(resolve(fn));
    } catch (error) {
      if (errnoOf(error) === 'EINVAL') return fn;
      throw panic(`couldn't readlink ${toBytes(fn)}: ${errorText(error)}`);
    }
    if (links >= 40) throw panic(`couldn't follow symlink ${toBytes(name)}: Too many levels of symbolic links`);
    const slash = fn.lastIndexOf('/');
    fn = !target.startsWith('/') && slash >= 0 ? fn.slice(0, slash + 1) + target : target;
  }
}

export class Input {
  lineNumber = 0;
  /** Operands that could not be read (exit status 2). */
  badCount = 0;
  /** The current file's name, as `F` prints it. */
  fileName = '-';
  private next = 0;
  private source: Source | null = null;
  private resetAtNextFile = true;
  private target: InPlaceTarget | null = null;

  constructor(
    private readonly files: string[],
    private readonly o: InputOptions,
  ) {}

  /** Reads the next line into `line` (appending after a delimiter already there when `append`). */
  async read(line: Line, append: boolean): Promise<boolean> {
    if (!append) line.text = '';
    line.chomped = true;
    for (;;) {
      const got = this.source ? await this.source.readLine(this.o.delimiter) : null;
      if (got) {
        line.text += got.text;
        line.chomped = got.chomped;
        break;
      }
      this.closedown();
      if (this.next >= this.files.length) return false;
      if (this.resetAtNextFile) {
        this.lineNumber = 0;
        this.o.onReset();
        if (this.o.inPlace !== null) this.o.output.missingNewline = false;
        this.resetAtNextFile = this.o.separate;
      }
      this.open(this.files[this.next++]);
    }
    this.lineNumber++;
    return true;
  }

  /** Whether the current line is the last (the `$` address). */
  async atEnd(): Promise<boolean> {
    if (this.source && (await this.source.hasMore())) return false;
    if (this.o.separate) return true;
    // Later files may hold more lines: open them until one has data.
    for (;;) {
      this.closedown();
      if (this.next >= this.files.length) return true;
      this.open(this.files[this.next++]);
      if (this.source && (await this.source.hasMore())) return false;
    }
  }

  private open(name: string): void {
    const o = this.o;
    this.fileName = name;
    if (name === '-' && o.inPlace === null) {
      this.source = o.stdin;
      o.output.sink = o.stdout;
      return;
    }
    const given = name;
    if (o.followSymlinks) name = this.fileName = followSymlink(o.fs, o.resolve, name);
    const path = o.resolve(name);
    let data: string | null = null;
    try {
      data = toBytes(o.fs.readFile(path));
    } catch (error) {
      if (errnoOf(error) !== 'EISDIR') {
        o.warn(`can't read ${toBytes(given)}: ${errorText(error)}`);
        this.badCount++;
        this.source = null;
        return;
      }
    }
    if (o.inPlace !== null) {
      if (data === null) throw panic(`couldn't edit ${toBytes(name)}: not a regular file`);
      this.target = { name, mode: o.fs.stat(path).mode, sink: new BufferSink() };
      o.output.sink = this.target.sink;
      o.output.missingNewline = false;
    } else o.output.sink = o.stdout;
    this.source = data === null ? new DirectorySource(toBytes(name)) : new BytesSource(name, data);
  }

  /** Done with the current file; with -i, its new contents replace it (after a backup). */
  closedown(): void {
    this.source = null;
    const target = this.target;
    if (!target) return;
    this.target = null;
    const { fs, resolve, inPlace } = this.o;
    const path = resolve(target.name);
    const backup = inPlace === '*' ? null : (inPlace as string).split('*').join(target.name);
    try {
      // GNU renames a temporary file over the name: a symlink there is replaced, not followed.
      if (backup !== null) fs.rename(path, resolve(backup));
      else if (fs.lstat(path).kind === 'symlink') fs.unlink(path);
      fs.writeTo(path, fromBytes(target.sink.data), { mode: target.mode });
    } catch (error) {
      const slash = target.name.lastIndexOf('/');
      const dir = slash < 0 ? '.' : target.name.slice(0, slash);
      throw panic(`couldn't open temporary file ${toBytes(dir)}/sedXXXXXX: ${errorText(error)}`);
    }
    try {
      fs.chmod(path, target.mode);
    } catch {
      // GNU's copy_acl failing leaves the new file's default mode, silently.
    }
  }
}
