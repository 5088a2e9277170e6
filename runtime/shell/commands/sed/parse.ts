// The script compiler: GNU sed's compile_program, command by command, with its error messages
// and their positions. -e expressions and -f files are compiled in order into one program.
import { compareVersions, MSG, readEndOfCmd, readFilename, readLabel, unknownCommand } from './parse-parts';
import {
  compileRegex,
  type CompileOptions,
  delimited,
  normalizeOrFail,
  parseSubst,
  parseTransliteration,
} from './parse-subst';
import { type Addr, type Command, newCommand, type OutputRef, type ReadRef } from './program';
import { EOF, EXIT_BAD_USAGE, isDigit, isSpace, type Locus, locusText, panic, ScriptReader, SedExit } from './script';

export type { CompileOptions, Posixicity } from './parse-subst';

export class ScriptCompiler {
  readonly commands: Command[] = [];
  /** Set by a `#n` first line. */
  noDefaultOutput = false;
  private reader = new ScriptReader('', null, 0);
  private exprCount = 0;
  private firstScript = true;
  private blocks: Array<{ index: number; locus: Locus }> = [];
  private labels: Array<{ name: string; index: number }> = [];
  private jumps: Array<{ name: string; index: number }> = [];
  /** Text of an a/i/c still being read (continued by the next -e), and its command. */
  private pendingText: string | null = null;
  private pendingCmd: Command | null = null;
  private outputs = new Map<string, OutputRef>();
  private reads = new Map<string, ReadRef>();

  constructor(private readonly options: CompileOptions) {}

  /** Compiles an -e expression (or the script operand). */
  compileString(text: string): void {
    this.reader = new ScriptReader(text, null, ++this.exprCount);
    this.program();
    this.firstScript = false;
  }

  /** Compiles the contents of script file `name`. */
  compileFile(name: string, text: string): void {
    this.reader = new ScriptReader(text, name, this.exprCount);
    this.program();
    this.firstScript = false;
  }

  /** Where errors found while running point: the end of the last script piece. */
  runtimeLocus(): string {
    return locusText(this.reader.locus(), 0);
  }

  private address(ch: number): Addr | null {
    const r = this.reader;
    const basic = this.options.posix === 'basic';
    const addr: Addr = { type: 'null', number: -1, step: 0, regex: null };
    if (ch === 0x2f || ch === 0x5c) {
      addr.type = 'regex';
      if (ch === 0x5c) ch = r.inchar();
      const pattern = delimited(r, ch, true, MSG.untermAddrRe);
      const flags = { icase: false, newline: false };
      for (;;) {
        ch = r.inNonblank();
        if (!basic && ch === 0x49) flags.icase = true;
        else if (!basic && ch === 0x4d) flags.newline = true;
        else break;
      }
      r.savchar(ch);
      addr.regex = compileRegex(r, this.options, pattern, flags, 0);
    } else if (isDigit(ch)) {
      addr.number = r.inInteger(ch);
      addr.type = 'num';
      ch = r.inNonblank();
      if (ch !== 0x7e || basic) r.savchar(ch);
      else {
        const step = r.inInteger(r.inNonblank());
        if (step > 0) [addr.type, addr.step] = ['numMod', step];
      }
    } else if ((ch === 0x2b || ch === 0x7e) && !basic) {
      addr.step = r.inInteger(r.inNonblank());
      if (addr.step > 0) addr.type = ch === 0x2b ? 'step' : 'stepMod';
    } else if (ch === 0x24) addr.type = 'last';
    else return null;
    return addr;
  }

  /** a, i and c text (GNU's read_text); `leadin` is the first byte, or a newline for none. */
  private readText(cmd: Command | null, leadin: number): void {
    const r = this.reader;
    if (cmd) {
      this.pendingText = '';
      cmd.text = null;
      this.pendingCmd = cmd;
    }
    if (leadin === EOF) return;
    let text = this.pendingText as string;
    if (leadin !== 10) text += String.fromCharCode(leadin);
    let ch = r.inchar();
    while (ch !== EOF && ch !== 10) {
      if (ch === 0x5c) {
        ch = r.inchar();
        if (ch !== EOF) text += '\\';
      }
      if (ch === EOF) {
        // A backslash ending an -e expression: the text goes on in the next one.
        this.pendingText = text + '\n';
        return;
      }
      text += String.fromCharCode(ch);
      ch = r.inchar();
    }
    (this.pendingCmd as Command).text = normalizeOrFail(r, text + '\n');
    this.pendingText = null;
  }

  private openFile(write: boolean): OutputRef | ReadRef {
    const r = this.reader;
    if (this.options.sandbox) throw r.error(MSG.disallowed);
    const name = readFilename(r);
    if (name === '') throw r.error(MSG.missingFilename);
    if (write) return this.outputs.get(name) ?? this.remember(name, this.options.openOutput(name));
    const known = this.reads.get(name);
    if (known) return known;
    const ref = this.options.openRead(name);
    this.reads.set(name, ref);
    return ref;
  }

  private remember(name: string, ref: OutputRef): OutputRef {
    this.outputs.set(name, ref);
    return ref;
  }

  /** One -e expression or file: GNU's compile_program. */
  private program(): void {
    const r = this.reader;
    if (this.pendingText !== null) this.readText(null, 10);
    for (;;) {
      let ch = r.inchar();
      while (ch === 0x3b || isSpace(ch)) ch = r.inchar();
      if (ch === EOF) break;
      const cmd = newCommand();
      if (this.command(cmd, ch)) this.commands.push(cmd);
    }
    if (this.options.posix === 'basic' && this.pendingText !== null) throw r.error(MSG.incomplete);
  }

  /** Compiles the command starting with byte `ch`; false when it leaves no entry (#, v). */
  private command(cmd: Command, ch: number): boolean {
    const r = this.reader;
    const basic = this.options.posix === 'basic';
    const a1 = this.address(ch);
    if (a1) {
      if (a1.type === 'step' || a1.type === 'stepMod') throw r.error(MSG.badStep);
      cmd.a1 = a1;
      ch = r.inNonblank();
      if (ch === 0x2c) {
        const a2 = this.address(r.inNonblank());
        if (!a2) throw r.error(MSG.badComma);
        cmd.a2 = a2;
        ch = r.inNonblank();
      }
      if (
        a1.type === 'num' &&
        a1.number === 0 &&
        ((!cmd.a2 && ch !== 0x72) || (cmd.a2 && cmd.a2.type !== 'regex') || basic)
      )
        throw r.error(MSG.invalidLine0);
    }
    if (ch === 0x21) {
      cmd.bang = true;
      ch = r.inNonblank();
      if (ch === 0x21) throw r.error(MSG.badBang);
    }
    const letter = ch === EOF ? '' : String.fromCharCode(ch);
    if (basic && 'eFvzLQTRW'.includes(letter) && letter !== '') throw r.error(unknownCommand(ch));
    if (basic && 'ail=r'.includes(letter) && letter !== '' && cmd.a2) throw r.error(MSG.oneAddr);
    cmd.cmd = letter;
    return this.body(cmd, ch);
  }

  private body(cmd: Command, ch: number): boolean {
    const r = this.reader;
    const basic = this.options.posix === 'basic';
    switch (cmd.cmd) {
      case '#': {
        if (cmd.a1) throw r.error(MSG.noSharpAddr);
        ch = r.inchar();
        if (ch === 0x6e && this.firstScript && r.line < 2 && r.cur === 2) this.noDefaultOutput = true;
        while (ch !== EOF && ch !== 10) ch = r.inchar();
        return false;
      }
      case 'v': {
        const version = readLabel(r);
        if (compareVersions(version === '' ? '4.0' : version, '4.9') > 0) throw r.error(MSG.ancientVersion);
        this.options.posix = 'extended';
        return false;
      }
      case '{':
        this.blocks.push({ index: this.commands.length, locus: r.locus() });
        cmd.bang = !cmd.bang;
        return true;
      case '}': {
        const block = this.blocks.pop();
        if (!block) throw r.error(MSG.excessCloseBrace);
        if (cmd.a1) throw r.error(MSG.noCloseBraceAddr);
        readEndOfCmd(r);
        this.commands[block.index].jump = this.commands.length;
        return true;
      }
      case 'e':
        if (this.options.sandbox) throw r.error(MSG.disallowed);
        ch = r.inNonblank();
        if (ch === EOF || ch === 10) return true;
        return this.textCommand(cmd, ch);
      case 'a':
      case 'i':
      case 'c':
        return this.textCommand(cmd, r.inNonblank());
      case ':': {
        if (cmd.a1) throw r.error(MSG.noColonAddr);
        const label = readLabel(r);
        if (label === '') throw r.error(MSG.colonLacksLabel);
        this.labels.push({ name: label, index: this.commands.length });
        return true;
      }
      case 'T':
      case 'b':
      case 't':
        this.jumps.push({ name: readLabel(r), index: this.commands.length });
        return true;
      case 'Q':
      case 'q':
      case 'L':
      case 'l':
        if (cmd.a2 && (cmd.cmd === 'q' || cmd.cmd === 'Q')) throw r.error(MSG.oneAddr);
        ch = r.inNonblank();
        if (isDigit(ch) && !basic) cmd.intArg = r.inInteger(ch);
        else r.savchar(ch);
        readEndOfCmd(r);
        return true;
      case 'r':
        if (this.options.sandbox) throw r.error(MSG.disallowed);
        cmd.fname = readFilename(r);
        if (cmd.fname === '') throw r.error(MSG.missingFilename);
        if (cmd.a1?.type === 'num' && cmd.a1.number === 0 && !cmd.a2) {
          // 0r prints the file before the first line.
          cmd.a1.number = 1;
          cmd.readAppend = false;
        }
        return true;
      case 'R':
        cmd.inf = this.openFile(false) as ReadRef;
        return true;
      case 'W':
      case 'w':
        cmd.outf = this.openFile(true) as OutputRef;
        return true;
      case 's':
        cmd.subst = parseSubst(r, this.options, () => this.openFile(true) as OutputRef);
        return true;
      case 'y':
        cmd.translate = parseTransliteration(r);
        return true;
      case '':
        throw r.error(MSG.noCommand);
      default:
        if ('=dDFgGhHnNpPzx'.includes(cmd.cmd)) {
          readEndOfCmd(r);
          return true;
        }
        throw r.error(unknownCommand(ch));
    }
  }

  private textCommand(cmd: Command, ch: number): boolean {
    const r = this.reader;
    if (ch === EOF) throw r.error(MSG.expectedSlash);
    if (ch === 0x5c) ch = r.inchar();
    else {
      if (this.options.posix === 'basic') throw r.error(MSG.expectedSlash);
      r.savchar(ch);
      ch = 10;
    }
    this.readText(cmd, ch);
    return true;
  }

  /** GNU's check_final_program: unclosed blocks, a trailing a/i/c, branch targets. */
  finish(): void {
    const block = this.blocks.pop();
    if (block) throw new SedExit(EXIT_BAD_USAGE, `${locusText(block.locus, 0)}: ${MSG.excessOpenBrace}`);
    if (this.pendingText !== null) {
      (this.pendingCmd as Command).text = this.pendingText === '' ? null : this.pendingText;
      this.pendingText = null;
    }
    for (let i = this.jumps.length - 1; i >= 0; i--) {
      const jump = this.jumps[i];
      let label: { index: number } | undefined;
      for (const l of this.labels) if (l.name === jump.name) label = l;
      if (label) this.commands[jump.index].jump = label.index;
      else if (jump.name !== '') throw panic(`can't find label for jump to \`${jump.name}'`);
      else this.commands[jump.index].jump = this.commands.length;
    }
  }
}
