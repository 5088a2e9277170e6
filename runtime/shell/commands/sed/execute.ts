// Running a compiled script over the input: GNU sed's execute_program and process_files, cycle
// by cycle, with the pattern and hold spaces, the append queue and the `t` flag.
import type { Volume } from '../../fs/volume';
import { toBytes } from './bytes';
import { readLineOf, readWholeFile } from './files';
import { type AddressContext, matchAddress, resetRanges } from './address';
import type { Input } from './input';
import { listing } from './list';
import { type Output, outputLine, outputMissingNewline } from './output';
import type { AddrRegex, Posixicity } from './parse-subst';
import { MSG } from './parse-parts';
import { type Command, RANGE_ACTIVE, type Subst } from './program';
import { substitute, transliterate } from './subst';
import { EXIT_BAD_USAGE, panic, SedExit } from './script';
import type { Line, StreamSource } from './sources';

export interface ExecOptions {
  commands: Command[];
  noDefaultOutput: boolean;
  posix: Posixicity;
  delimiter: string;
  /** The `l` line length (-l, COLS). */
  lineLength: number;
  output: Output;
  input: Input;
  stdin: StreamSource;
  fs: Volume;
  resolve(path: string): string;
  /** Where runtime script errors point (`-e expression #1, char 0`). */
  locus: string;
  /** Lets buffered standard output through (between cycles). */
  flush(): Promise<void>;
  /** Whether Ctrl-C was pressed. */
  aborted(): boolean;
  /** Lets the event loop run (so that Ctrl-C can arrive during a long busy loop). */
  breathe(): Promise<void>;
}

/** Exit status after Ctrl-C (128 + SIGINT). */
export const INTERRUPTED = 130;
/** Commands run between checks for Ctrl-C, and between yields to the event loop. */
const CHECK_EVERY = 4096;
const BREATHE_EVERY = 1 << 20;

export class Executor implements AddressContext {
  readonly line: Line = { text: '', chomped: true };
  private hold: Line = { text: '', chomped: true };
  private replaced = false;
  private queue: Array<{ text: string | null; file: string | null }> = [];
  private lastRegex: AddrRegex | null = null;
  private steps = 0;

  constructor(private readonly o: ExecOptions) {}

  get lineNumber(): number {
    return this.o.input.lineNumber;
  }

  atEnd(): Promise<boolean> {
    return this.o.input.atEnd();
  }

  matches(regex: AddrRegex | null): boolean {
    return this.match(regex, this.line.text, 0, 0) !== null;
  }

  /** The files of -s and -i start afresh. */
  reset(): void {
    this.hold.text = '';
    resetRanges(this.o.commands);
    for (const cmd of this.o.commands) if (cmd.inf) cmd.inf.pos = 0;
  }

  private scriptError(why: string): SedExit {
    return new SedExit(EXIT_BAD_USAGE, `${this.o.locus}: ${why}`);
  }

  /** GNU's match_regex: `//` is the last regex used; `regsize` is 1 + the highest \N needed. */
  private match(regex: AddrRegex | null, text: string, start: number, regsize: number): Int32Array | null {
    if (!regex) {
      regex = this.lastRegex;
      if (!regex) throw this.scriptError(MSG.noRegex);
    } else this.lastRegex = regex;
    if (regex.noSub && regsize) {
      if (regex.groups < regsize - 1)
        throw this.scriptError(`invalid reference \\${regsize - 1} on \`s' command's RHS`);
      regex.noSub = false;
    }
    return regex.exec(text, start, regsize > 0);
  }

  private emit(text: string, nl: boolean, out: Output = this.o.output): void {
    outputLine(out, text, nl, this.o.delimiter);
  }

  /** The `s` command: the substitution, then its p, e and w flags. */
  private substitute(sub: Subst): void {
    const line = this.line;
    const result = substitute(line.text, sub, (start) => this.match(sub.regex, line.text, start, sub.maxId + 1));
    if (!result) return;
    line.text = result.text;
    if (result.replaced) this.replaced = true;
    if (!result.done) return;
    if (sub.print & 1) this.emit(line.text, line.chomped);
    if (sub.eval) throw panic("option `e' not supported");
    if (sub.print & 2) this.emit(line.text, line.chomped);
    if (sub.outf) this.emit(line.text, line.chomped, sub.outf as Output);
  }

  private fileBytes(name: string): Promise<string> {
    return readWholeFile(this.o.fs, this.o.resolve, this.o.stdin, name);
  }

  /** Writes the text and files a, r and R queued (GNU's dump_append_queue). */
  private async dumpAppend(): Promise<void> {
    outputMissingNewline(this.o.output, this.o.delimiter);
    for (const item of this.queue) {
      if (item.text) this.o.output.sink.write(item.text);
      if (item.file) this.o.output.sink.write(await this.fileBytes(item.file));
    }
    this.queue = [];
  }

  /** Reads the next line (GNU's read_pattern_space): the queue goes out first. */
  private async readLine(append: boolean): Promise<boolean> {
    if (this.queue.length) await this.dumpAppend();
    this.replaced = false;
    return this.o.input.read(this.line, append);
  }

  /** Runs the script on the pattern space: -1 to go on, or the exit status of q/Q. */
  private async execute(): Promise<number> {
    const { commands, delimiter: d, output } = this.o;
    const line = this.line;
    let pc = 0;
    while (pc < commands.length) {
      if (++this.steps % CHECK_EVERY === 0) {
        if (this.steps % BREATHE_EVERY === 0) await this.o.breathe();
        if (this.o.aborted()) return INTERRUPTED;
        await this.o.flush();
      }
      const cmd = commands[pc];
      if ((cmd.a1 ? await matchAddress(cmd, this) : true) === cmd.bang) {
        pc++;
        continue;
      }
      switch (cmd.cmd) {
        case 'a':
          this.queue.push({ text: cmd.text, file: null });
          break;
        case '{':
        case 'b':
          pc = cmd.jump;
          continue;
        case 'c':
          if (cmd.rangeState !== RANGE_ACTIVE && cmd.text !== null) this.emit(cmd.text.slice(0, -1), true);
          return -1;
        case 'd':
          return -1;
        case 'D': {
          const nl = line.text.indexOf(d);
          if (nl < 0) return -1;
          line.text = line.text.slice(nl + 1);
          pc = 0;
          continue;
        }
        case 'e':
          throw panic("`e' command not supported");
        case 'g':
          line.text = this.hold.text;
          line.chomped = this.hold.chomped;
          break;
        case 'G':
          line.text += d + this.hold.text;
          line.chomped = this.hold.chomped;
          break;
        case 'h':
          this.hold = { ...line };
          break;
        case 'H':
          this.hold.text += d + line.text;
          this.hold.chomped = line.chomped;
          break;
        case 'i':
          if (cmd.text !== null) this.emit(cmd.text.slice(0, -1), true);
          break;
        case 'l':
          outputMissingNewline(output, d);
          output.sink.write(listing(line.text, cmd.intArg === -1 ? this.o.lineLength : cmd.intArg, d));
          break;
        case 'n':
          if (!this.o.noDefaultOutput) this.emit(line.text, line.chomped);
          if ((await this.atEnd()) || !(await this.readLine(false))) return -1;
          break;
        case 'N':
          line.text += d;
          if ((await this.atEnd()) || !(await this.readLine(true))) {
            line.text = line.text.slice(0, -1);
            if (this.o.posix === 'extended' && !this.o.noDefaultOutput) this.emit(line.text, line.chomped);
            return -1;
          }
          break;
        case 'p':
          this.emit(line.text, line.chomped);
          break;
        case 'P': {
          const nl = line.text.indexOf(d);
          this.emit(nl < 0 ? line.text : line.text.slice(0, nl), nl < 0 ? line.chomped : true);
          break;
        }
        case 'q':
          if (!this.o.noDefaultOutput) this.emit(line.text, line.chomped);
          await this.dumpAppend();
          return cmd.intArg === -1 ? 0 : cmd.intArg;
        case 'Q':
          return cmd.intArg === -1 ? 0 : cmd.intArg;
        case 'r':
          if (cmd.readAppend) this.queue.push({ text: null, file: cmd.fname });
          else output.sink.write(await this.fileBytes(cmd.fname));
          break;
        case 'R': {
          const text = await readLineOf(cmd.inf, this.o.delimiter, this.o.stdin, this.o.posix === 'extended');
          if (text !== null) this.queue.push({ text, file: null });
          break;
        }
        case 's':
          this.substitute(cmd.subst as Subst);
          break;
        case 't':
          if (this.replaced) {
            this.replaced = false;
            pc = cmd.jump;
            continue;
          }
          break;
        case 'T':
          if (!this.replaced) {
            pc = cmd.jump;
            continue;
          }
          this.replaced = false;
          break;
        case 'w':
          this.emit(line.text, line.chomped, cmd.outf as Output);
          break;
        case 'W': {
          const nl = line.text.indexOf(d);
          const text = nl < 0 ? line.text : line.text.slice(0, nl);
          this.emit(text, nl < 0 ? line.chomped : true, cmd.outf as Output);
          break;
        }
        case 'x':
          [this.hold, this.line.text, this.line.chomped] = [{ ...line }, this.hold.text, this.hold.chomped];
          break;
        case 'y':
          line.text = transliterate(line.text, cmd.translate as Map<string, string>);
          break;
        case 'z':
          line.text = '';
          break;
        case '=':
          outputMissingNewline(output, d);
          output.sink.write(`${this.lineNumber}${d}`);
          break;
        case 'F':
          outputMissingNewline(output, d);
          output.sink.write(toBytes(this.o.input.fileName) + d);
          break;
        case ':':
        case '}':
          break;
        default:
          throw panic(`INTERNAL ERROR: Bad cmd ${cmd.cmd}`);
      }
      pc++;
    }
    if (!this.o.noDefaultOutput) this.emit(line.text, line.chomped);
    return -1;
  }

  /** Runs the whole input (GNU's process_files); resolves to the exit status. */
  async run(): Promise<number> {
    let status = 0;
    while (await this.readLine(false)) {
      if (this.o.aborted()) return INTERRUPTED;
      status = await this.execute();
      await this.o.flush();
      if (status === -1) status = 0;
      else break;
    }
    // Killed by Ctrl-C: a file being edited in place is left as it was.
    if (this.o.aborted()) return INTERRUPTED;
    this.o.input.closedown();
    return this.o.input.badCount ? 2 : status;
  }
}
