// util-linux more(1) on a terminal: keys in, terminal output out (view.ts). It scrolls the
// normal screen (no alternate screen): pages of rows, each followed by the --More-- prompt.
import { keysHelp } from './texts';
import { MoreView } from './view';

export type { MoreFile, MoreOptions, MoreOutput } from './view';

/**
 * more's keys: space, z, Enter and d show more, b goes back, f and s skip, / and n search, '
 * returns to where the search started, = and :f tell where, h helps, :n and :p change file,
 * . repeats, q quits. Keys may take a count first (`5 `).
 */
export class MorePager extends MoreView {
  private count = 0;
  private colon = false;
  private typed: string | undefined;
  private searchCount = 1;
  private previous: { key: string; count: number } | undefined;

  /** Opens the first file and shows its first screenful. */
  start(): void {
    this.index = 0;
    if (!this.open(this.files[0])) return this.finishFile();
    const { startLine, startSearch } = this.options;
    if (startLine !== undefined) this.seekLine(Math.max(0, startLine - 1));
    if (startSearch !== undefined) this.search(startSearch, 1);
    this.startFile(this.linesPerScreen);
  }

  key(key: string): void {
    if (this.done) return;
    if (this.typed !== undefined) return this.searchKey(key);
    if (/^[0-9]$/.test(key)) {
      this.count = this.count * 10 + Number(key);
      return;
    }
    const count = this.count;
    this.count = 0;
    if (this.colon) {
      this.colon = false;
      if (!'fnp'.includes(key)) return;
      key = `:${key}`;
    } else if (key === ':') {
      this.colon = true;
      return;
    } else if (key === '.') {
      if (this.previous) this.command(this.previous.key, this.previous.count);
      return;
    }
    if (this.command(key, count)) this.previous = { key, count };
  }

  /** Runs one command; false for a key more ignores. */
  private command(key: string, count: number): boolean {
    const page = this.linesPerScreen;
    switch (key) {
      case ' ':
      case '\x1b[B':
      case '\x1b[6~':
        this.show(count || page);
        break;
      case 'z':
        if (count) this.linesPerScreen = count;
        this.show(count || page);
        break;
      case '\r':
      case '\n':
        if (count) this.linesPerScreen = count;
        this.show(count || 1);
        break;
      case 'd':
      case '\x04':
        if (count) this.scrollLines = count;
        this.show(this.scrollLines);
        break;
      case 'b':
      case '\x02':
      case '\x1b[A':
      case '\x1b[5~':
        this.back(count || 1);
        break;
      case 'f':
      case '\x06':
        this.skip((count || 1) * page);
        break;
      case 's':
        this.skip(count || 1);
        break;
      case 'q':
      case 'Q':
      case '\x03':
        this.quit();
        break;
      case '\x0c':
        this.write('\x1b[H\x1b[2J\r');
        this.promptShown = false;
        this.seek(this.screenStart);
        this.show(page);
        break;
      case "'":
        this.erasePrompt();
        this.write('\n***Back***\n\n');
        this.seek(this.searchStart);
        this.show(page);
        break;
      case '=':
        this.message(String(this.here.line), false);
        break;
      case ':f':
        this.message(`"${this.files[this.index].name}" line ${this.here.line}`, false);
        break;
      case ':n':
        this.erasePrompt();
        if (this.index + (count || 1) >= this.files.length) this.quit();
        else this.changeFile(count || 1);
        break;
      case ':p':
        this.erasePrompt();
        this.changeFile(-(count || 1));
        break;
      case '/':
        this.erasePrompt();
        this.write('/');
        this.promptShown = true;
        this.typed = '';
        this.searchCount = count || 1;
        break;
      case 'n':
        if (this.lastPattern === undefined) {
          this.message('No previous regular expression', true);
          break;
        }
        this.erasePrompt();
        this.write('/\r');
        this.promptShown = true;
        this.search(this.lastPattern, count || 1);
        this.show(page - 1);
        break;
      case 'h':
      case '?':
        this.erasePrompt();
        this.write(keysHelp(this.options.editor ?? '/usr/bin/vi'));
        this.prompt();
        break;
      default:
        return false;
    }
    return true;
  }

  /** A key typed into the search line: Enter (or Escape) searches, Backspace and Ctrl-U edit. */
  private searchKey(key: string): void {
    const typed = this.typed ?? '';
    if (key === '\r' || key === '\n' || key.startsWith('\x1b')) {
      this.typed = undefined;
      this.write('\r');
      this.search(typed, this.searchCount);
      this.show(this.linesPerScreen - 1);
    } else if (key === '\x7f' || key === '\b') {
      if (typed === '') return;
      this.typed = [...typed].slice(0, -1).join('');
      this.write('\b \b');
    } else if (key === '\x15') {
      this.typed = '';
      this.write('\r/\x1b[K');
    } else if ((key.codePointAt(0) ?? 0) >= 0x20) {
      this.typed = typed + key;
      this.write(key);
    }
  }

  /** `b`: back `count` screenfuls, counted in lines from the current one. */
  private back(count: number): void {
    this.erasePrompt();
    this.write(`...back ${count} page${count === 1 ? '' : 's'}\n`);
    this.seekLine(Math.max(0, this.here.line - this.linesPerScreen * (count + 1) - 1));
    this.show(this.linesPerScreen);
  }

  /** `s` and `f`: skips `lines` lines; past the end, the file is done. */
  private skip(lines: number): void {
    this.erasePrompt();
    this.write(`\n...skipping ${lines} line${lines === 1 ? '' : 's'}\n`);
    const target = this.here.line + lines;
    if (target > this.doc.newlines) return this.show(0);
    this.seekLine(target);
    this.show(this.linesPerScreen);
  }

  /** `:n` and `:p`: says which file comes, then offers it. */
  private changeFile(skip: number): void {
    const target = Math.min(this.files.length - 1, Math.max(0, this.index + skip));
    const which = skip > 0 ? '...Skipping to file ' : '...Skipping back to file ';
    this.write(`\n...Skipping \n${which}${this.files[target].name}\n\n`);
    this.atNextFile = false;
    this.index = target - 1;
    this.finishFile();
  }
}
