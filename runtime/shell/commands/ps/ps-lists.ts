// The lists ps's selection options take (`-p 1,2`, `-u root learner`, `-t pts/0`), parsed as
// procps parses them: items split on spaces, commas and tabs, each checked on its own.
import type { Accounts } from './process-snapshot';
import { ttyNumber } from './process-snapshot';

/** Parses one item; an error text when it is not valid. */
export type ItemParser = (item: string) => number | string | { error: string };

/** strtoul(str, &end, 0): decimal, 0x hex or 0 octal, with leading space and sign; NaN if junk follows. */
export function strtoul(text: string): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return NaN;
  const digits = m[2];
  const value = /^0[xX]/.test(digits)
    ? parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits[0] === '0'
      ? parseInt(digits, 8)
      : Number(digits);
  return m[1] === '-' ? 2 ** 64 - value : value;
}

export const parsePid: ItemParser = (item) => {
  const n = strtoul(item);
  if (Number.isNaN(n)) return { error: 'process ID list syntax error' };
  if (n < 1 || n > 0x7fffffff) return { error: 'process ID out of range' };
  return n;
};

export const userParser =
  (accounts: Accounts, negate: boolean): ItemParser =>
  (item) => {
    let n = strtoul(item);
    if (Number.isNaN(n)) {
      const uid = accounts.uidOf(item);
      if (uid === undefined) {
        if (!negate) return { error: 'user name does not exist' };
        n = -1;
      } else n = uid;
    }
    if (!negate && n > 0xfffffffe) return { error: 'user ID out of range' };
    return n;
  };

export const groupParser =
  (accounts: Accounts, negate: boolean): ItemParser =>
  (item) => {
    let n = strtoul(item);
    if (Number.isNaN(n)) {
      const gid = accounts.gidOf(item);
      if (gid === undefined) {
        if (!negate) return { error: 'group name does not exist' };
        n = -1;
      } else n = gid;
    }
    if (!negate && n > 0xfffffffe) return { error: 'group ID out of range' };
    return n;
  };

export const parseCommandName: ItemParser = (item) => item.slice(0, 63);

/** The host's terminal devices: the sessions' pseudo-terminals, the consoles and serial ports. */
function deviceNumber(path: string): number | 'not a tty' | undefined {
  const name = path.replace(/^\/dev\//, '');
  if (!path.startsWith('/dev/')) return undefined;
  if (
    /^pts\/0$/.test(name) ||
    /^tty([1-9]|[1-5][0-9]|6[0-3])$/.test(name) ||
    /^ttyS([0-9]|[12][0-9]|3[01])$/.test(name)
  )
    return ttyNumber(name);
  if (name === 'tty0') return 4 << 8;
  if (name === 'tty') return 5 << 8;
  if (name === 'console') return (5 << 8) | 1;
  if (['null', 'zero', 'ptmx', 'random', 'urandom', 'full'].includes(name)) return 'not a tty';
  return undefined;
}

/** -t's items: a device path, or a name looked up under /dev as procps tries them. */
export const parseTty: ItemParser = (item) => {
  const check = (path: string): number | { error: string } | undefined => {
    const dev = deviceNumber(path);
    if (dev === 'not a tty') return { error: 'list member was not a TTY' };
    return dev;
  };
  if (item.startsWith('/')) return check(item) ?? { error: 'TTY could not be found' };
  for (const pattern of ['/dev/pts/%s', '/dev/%s', '/dev/tty%s', '/dev/pty%s', '/dev/%snsole']) {
    const found = check(pattern.replace('%s', item));
    if (found !== undefined) return found;
  }
  if (item === '-' || item === '?') return 0;
  return { error: 'TTY could not be found' };
};

/** A whole list: items joined by spaces, commas or tabs, none empty. */
export function parseList(text: string, parse: ItemParser): Array<number | string> | { error: string } {
  const items = text.split(/[ ,\t]/);
  if (text === '' || items.some((item) => item === '')) return { error: 'improper list' };
  const values: Array<number | string> = [];
  for (const item of items) {
    const value = parse(item);
    if (typeof value === 'object') return value;
    values.push(value);
  }
  return values;
}
