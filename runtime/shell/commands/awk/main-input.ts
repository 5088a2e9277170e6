// The main input (the files named in ARGV, `var=value` operands applied on the way, standard
// input when there are none) and the sources getline opens by name.
import type { CommandContext } from '../../command';
import { errnoOf, errorText } from '../../fs/errors';
import { fromBytes, toBytes } from './bytes';
import { RecordReader } from './input';
import type { Evaluator as Interpreter } from './evaluator';
import { unescapeString } from './lexer';
import { AwkFatalError } from './runtime';
import { runCommandLine } from './shell-runner';
import { inputCell, toNum } from './values';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

export class MainInput {
  private current: RecordReader | undefined;
  private argIndex = 1;
  private openedAny = false;
  private done = false;
  private stdinReader: RecordReader | undefined;
  private readonly sources = new Map<string, RecordReader>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly resolve: (path: string) => string,
  ) {}

  /** Standard input as records (shared by the main input and getline < "-"). */
  private stdin(): RecordReader {
    if (!this.stdinReader) {
      this.stdinReader = new RecordReader(async () => {
        const chunk = await this.ctx.stdin.read();
        return chunk === null ? null : toBytes(chunk);
      });
    }
    return this.stdinReader;
  }

  private fileReader(name: string): RecordReader {
    const text = toBytes(this.ctx.fs.readFile(this.resolve(fromBytes(name))));
    let given = false;
    return new RecordReader(async () => {
      if (given) return null;
      given = true;
      return text;
    });
  }

  /** Opens the next operand of ARGV, or standard input if none was a file; false at the end. */
  private openNext(it: Interpreter): boolean {
    const rt = it.rt;
    const argv = rt.array('ARGV');
    while (this.argIndex < toNum(rt.get('ARGC'))) {
      const cell = argv.get({ num: this.argIndex++ }, false);
      const arg = cell === undefined ? '' : it.str(cell);
      if (arg === '') continue;
      const assign = ASSIGNMENT.exec(arg);
      if (assign) {
        rt.set(assign[1], inputCell(unescapeString(assign[2])));
        continue;
      }
      this.openedAny = true;
      if (arg === '-' || arg === '/dev/stdin') this.current = this.stdin();
      else {
        try {
          this.current = this.fileReader(arg);
        } catch (error) {
          // A directory opens, then fails to read.
          if (errnoOf(error) === 'EISDIR') throw new AwkFatalError(`read error (${errorText(error)})`);
          throw new AwkFatalError(`cannot open ${arg} (${errorText(error)})`);
        }
      }
      rt.set('FILENAME', arg);
      rt.set('FNR', 0);
      return true;
    }
    if (this.openedAny) return false;
    this.openedAny = true;
    this.current = this.stdin();
    rt.set('FILENAME', '-');
    return true;
  }

  /** The next main-input record, counting NR and FNR; null when all input is read. */
  async nextRecord(it: Interpreter): Promise<string | null> {
    const rt = it.rt;
    for (;;) {
      if (this.done) return null;
      if (!this.current && !this.openNext(it)) {
        this.done = true;
        return null;
      }
      const record = await (this.current as RecordReader).next(it.str(rt.get('RS')));
      if (record === null) {
        this.current = undefined;
        continue;
      }
      rt.set('NR', toNum(rt.get('NR')) + 1);
      rt.set('FNR', toNum(rt.get('FNR')) + 1);
      return record;
    }
  }

  /** nextfile: the rest of the current file is skipped. */
  nextFile(): void {
    this.current = undefined;
  }

  /** A getline source: a file (or "-"), or a command's output; undefined if it cannot open. */
  async source(name: string, command: boolean, it: Interpreter): Promise<RecordReader | undefined> {
    const key = (command ? '|' : '<') + name;
    let reader = this.sources.get(key);
    if (reader) return reader;
    if (command) {
      await it.out.flushAll();
      let text = '';
      await runCommandLine(this.ctx, name, '', (t) => void (text += t));
      let given = false;
      reader = new RecordReader(async () => (given ? null : ((given = true), text)));
    } else if (name === '-' || name === '/dev/stdin') reader = this.stdin();
    else {
      try {
        reader = this.fileReader(name);
      } catch {
        return undefined;
      }
    }
    this.sources.set(key, reader);
    return reader;
  }

  /** close() of a getline source; false if none was open under that name. */
  close(name: string): boolean {
    const a = this.sources.delete(`<${name}`);
    const b = this.sources.delete(`|${name}`);
    return a || b;
  }
}
