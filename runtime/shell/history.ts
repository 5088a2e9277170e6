import type { Clock } from '../clock';
import { randomString, type Rng } from '../rng';
import type { StorageBackend } from '../storage/backend';

const PREFIX = 'history/';

/** How many lines the history file keeps (Ubuntu's default ~/.bashrc sets HISTFILESIZE=2000). */
export const HISTORY_FILE_SIZE = 2000;

/** What a shell keeps of its history (the history file, or one session's list). */
export interface HistoryList {
  entries(): readonly string[];
  add(line: string): Promise<void>;
  clear(): Promise<void>;
}

/** Ubuntu's HISTCONTROL=ignoreboth: no blank lines, none starting with a space, no repeat of the last. */
function recordable(line: string, lines: readonly string[]): boolean {
  return line.trim() !== '' && !line.startsWith(' ') && line !== lines[lines.length - 1];
}

/**
 * One shell's history list, as bash keeps it: the history file as it was when the shell
 * started, then the shell's own lines (which go to the file too). Up in one terminal tab does
 * not bring up what another tab ran since; a new tab sees it.
 */
export class SessionHistory implements HistoryList {
  private lines: string[];

  constructor(private readonly file: HistoryList) {
    this.lines = [...file.entries()];
  }

  entries(): readonly string[] {
    return this.lines;
  }

  async add(line: string): Promise<void> {
    if (!recordable(line, this.lines)) return;
    this.lines.push(line);
    this.lines.splice(0, Math.max(0, this.lines.length - HISTORY_FILE_SIZE));
    await this.file.add(line);
  }

  async clear(): Promise<void> {
    this.lines = [];
    await this.file.clear();
  }
}

/**
 * The shell's command history, shared by every session of one host and kept in the storage
 * backend, so Up recalls yesterday's commands. Follows Ubuntu's `HISTCONTROL=ignoreboth`: lines
 * starting with a space and repeats of the previous line are not recorded.
 */
export class History implements HistoryList {
  private constructor(
    private readonly backend: StorageBackend,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private keys: string[],
    private lines: string[],
  ) {}

  /** Loads the history stored in `backend`. */
  static async load(backend: StorageBackend, clock: Clock, rng: Rng): Promise<History> {
    const records = await backend.scan(PREFIX);
    return new History(
      backend,
      clock,
      rng,
      records.map(([key]) => key),
      records.map(([, line]) => String(line)),
    );
  }

  /** The recorded lines, oldest first. */
  entries(): readonly string[] {
    return this.lines;
  }

  /** Records `line` (unless ignoreboth drops it); resolves once it is stored. */
  async add(line: string): Promise<void> {
    if (!recordable(line, this.lines)) return;
    const key = this.nextKey();
    this.keys.push(key);
    this.lines.push(line);
    const dropped = this.keys.splice(0, Math.max(0, this.keys.length - HISTORY_FILE_SIZE));
    this.lines.splice(0, dropped.length);
    await this.backend.commit([{ key, value: line }, ...dropped.map((k) => ({ key: k, delete: true as const }))]);
  }

  /**
   * A key after every existing one: time, then a sequence within the same millisecond, then a
   * random tail so that two tabs writing at once do not collide.
   */
  private nextKey(): string {
    const last = this.keys[this.keys.length - 1];
    const [lastTime, lastSeq] = last ? last.slice(PREFIX.length).split('-').map(Number) : [0, -1];
    const now = this.clock.now();
    const [time, seq] = now > lastTime ? [now, 0] : [lastTime, lastSeq + 1];
    return `${PREFIX}${String(time).padStart(15, '0')}-${String(seq).padStart(6, '0')}-${randomString(this.rng, 6)}`;
  }

  /** Forgets every line (`history -c`). */
  async clear(): Promise<void> {
    const keys = this.keys;
    this.keys = [];
    this.lines = [];
    await this.backend.commit(keys.map((key) => ({ key, delete: true as const })));
  }
}
