import { splitKeys } from './keys';

/** A key that the line editor simply inserts. */
function isPrintable(key: string): boolean {
  const cp = key.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f;
}

/** Keys typed but not yet given to the line editor (type-ahead), one key an entry. */
export class KeyQueue {
  private keys: string[] = [];

  get length(): number {
    return this.keys.length;
  }

  /** Appends the keys in `data` (a loop: a paste may hold a million keys). */
  push(data: string): void {
    for (const key of splitKeys(data)) this.keys.push(key);
  }

  /** Removes and returns the key at the head (the queue must not be empty). */
  shift(): string {
    return this.keys.shift() as string;
  }

  /** Removes the run of printable keys at the head of the queue, joined (empty if none). */
  takePrintable(): string {
    let end = 0;
    while (end < this.keys.length && isPrintable(this.keys[end])) end++;
    return this.keys.splice(0, end).join('');
  }

  /** Drops every key (as a TTY flushes its input on ^C and ^Z). */
  clear(): void {
    this.keys = [];
  }
}
