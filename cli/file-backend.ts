import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { StorageBackend, StorageWrite } from '../runtime/storage/backend';

/**
 * The runtime's storage in a folder, for `kubeplay serve --state DIR`: a snapshot plus an
 * append-only log of commits, each fsynced before it is acknowledged. Opening replays the log
 * over the snapshot; a torn last line (a crash mid-write) is dropped.
 */
export class FileBackend implements StorageBackend {
  private readonly records = new Map<string, string>();
  private log: number;
  private logLines = 0;

  private constructor(private readonly dir: string) {
    const snapshot = join(dir, 'snapshot.json');
    if (existsSync(snapshot)) {
      for (const [key, json] of Object.entries(JSON.parse(readFileSync(snapshot, 'utf8')) as Record<string, string>)) {
        this.records.set(key, json);
      }
    }
    const logPath = join(dir, 'commits.log');
    if (existsSync(logPath)) {
      for (const line of readFileSync(logPath, 'utf8').split('\n')) {
        if (line === '') continue;
        try {
          this.replay(JSON.parse(line) as Array<[string, string | null]>);
          this.logLines++;
        } catch {
          break;
        }
      }
    }
    this.log = openSync(logPath, 'a');
  }

  /** Opens (creating) the state folder `dir`. */
  static open(dir: string): FileBackend {
    mkdirSync(dir, { recursive: true });
    return new FileBackend(dir);
  }

  async scan(prefix: string): Promise<Array<[string, unknown]>> {
    return [...this.records.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => [key, JSON.parse(this.records.get(key) as string) as unknown]);
  }

  async commit(writes: readonly StorageWrite[]): Promise<void> {
    const entries: Array<[string, string | null]> = writes.map((w) =>
      'delete' in w ? [w.key, null] : [w.key, JSON.stringify(w.value)],
    );
    writeSync(this.log, `${JSON.stringify(entries)}\n`);
    fsyncSync(this.log);
    this.replay(entries);
    if (++this.logLines > 10_000) this.compact();
  }

  /** Closes the log. */
  close(): void {
    closeSync(this.log);
  }

  private replay(entries: Array<[string, string | null]>): void {
    for (const [key, json] of entries) {
      if (json === null) this.records.delete(key);
      else this.records.set(key, json);
    }
  }

  /** Writes a new snapshot and starts an empty log. */
  private compact(): void {
    const snapshot = join(this.dir, 'snapshot.json');
    writeFileSync(`${snapshot}.tmp`, JSON.stringify(Object.fromEntries(this.records)));
    const fd = openSync(`${snapshot}.tmp`, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${snapshot}.tmp`, snapshot);
    closeSync(this.log);
    writeFileSync(join(this.dir, 'commits.log'), '');
    this.log = openSync(join(this.dir, 'commits.log'), 'a');
    this.logLines = 0;
  }
}
