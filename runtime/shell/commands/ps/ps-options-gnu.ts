// ps's GNU long options (`--sort=-rss`, `--pid 1`) and trailing pids (`ps 1 -2 +3`), as
// procps' parse_gnu_option and parse_trailing_pids read them.
import { PsExit, VERSION, type ArgCursor } from './ps-cursor';
import { helpText } from './ps-help';
import { groupParser, parsePid, parseTty, strtoul, userParser, type ItemParser } from './ps-lists';
import { FF, type SelectionType } from './ps-state';

const GNU = new Set(
  ['Group', 'User', 'cols', 'columns', 'context', 'cumulative', 'deselect', 'forest', 'format', 'group']
    .concat(['header', 'headers', 'heading', 'headings', 'lines', 'no-header', 'no-headers', 'no-heading'])
    .concat(['no-headings', 'noheader', 'noheaders', 'noheading', 'noheadings', 'pid', 'ppid', 'quick-pid'])
    .concat(['rows', 'sid', 'sort', 'tty', 'user', 'version', 'width']),
);

/** Reads the long option of the current word; an error text if it is wrong. */
export function gnuOption(c: ArgCursor): string | null {
  const st = c.st;
  const body = c.argv[c.i].slice(2);
  const length = body.search(/[:=]/) < 0 ? body.length : body.search(/[:=]/);
  if (length > 15) return 'unknown gnu long option';
  const name = body.slice(0, length);
  const rest = body.slice(length);
  const users = userParser(c.env.accounts, st.negate);
  const groups = groupParser(c.env.accounts, st.negate);
  const list = (missing: string, type: SelectionType, parse: ItemParser): string | null => {
    const arg = c.gnuArg(rest);
    return arg === null ? missing : c.select(type, arg, parse);
  };
  const size = (set: (n: number) => void, error: string): string | null => {
    const arg = c.gnuArg(rest);
    const n = arg ? strtoul(arg) : NaN;
    if (!(n > 0 && n < 2000000000)) return error;
    set(n);
    return null;
  };
  if (!GNU.has(name)) {
    if (name === 'help') throw new PsExit(0, helpText(c.gnuArg(rest)));
    return 'unknown gnu long option';
  }
  switch (name) {
    case 'Group':
      return list('list of real groups must follow --Group', 'RGID', groups);
    case 'User':
      return list('list of real users must follow --User', 'RUID', users);
    case 'cols':
    case 'columns':
    case 'width':
      return size((n) => (st.screenCols = n), 'number of columns must follow --cols, --width, or --columns');
    case 'rows':
    case 'lines':
      return size((n) => (st.screenRows = n), 'number of rows must follow --rows or --lines');
    case 'cumulative':
      if (rest) return 'option --cumulative does not take an argument';
      st.includeDead = true;
      return null;
    case 'deselect':
      if (rest) return 'option --deselect does not take an argument';
      st.negate = true;
      return null;
    case 'forest':
      if (rest) return 'option --forest does not take an argument';
      st.forest = 'g';
      return null;
    case 'format': {
      const arg = c.gnuArg(rest);
      if (arg === null) return 'format specification must follow --format';
      c.defer(arg, 'G_format');
      return null;
    }
    case 'group':
      return list('list of effective groups must follow --group', 'EGID', groups);
    case 'pid':
      return list('list of process IDs must follow --pid', 'PID', parsePid);
    case 'quick-pid':
      return list('List of process IDs must follow --quick-pid.', 'PID_QUICK', parsePid);
    case 'ppid':
      return list('list of process IDs must follow --ppid', 'PPID', parsePid);
    case 'sid':
      return list('some sid thing(s) must follow --sid', 'SESS', parsePid);
    case 'sort': {
      const arg = c.gnuArg(rest);
      if (arg === null) return 'long sort specification must follow --sort';
      c.defer(arg, 'G_sort');
      return null;
    }
    case 'tty':
      return list('list of ttys must follow --tty', 'TTY', parseTty);
    case 'user':
      return list('list of effective users must follow --user', 'EUID', users);
    case 'version': {
      const err = c.exclusive('--version');
      if (err) return err;
      throw new PsExit(0, VERSION);
    }
    case 'context':
      st.formatFlags |= FF.Fc;
      return null;
    default:
      if (name.startsWith('h')) {
        if (rest) return 'option --heading does not take an argument';
        if (st.header !== 'single') return 'only one heading option may be specified';
        st.header = 'multi';
        return null;
      }
      if (rest) return 'option --no-heading does not take an argument';
      if (st.header !== 'single') return 'only one heading option may be specified';
      st.header = 'none';
      return null;
  }
}

/** Trailing words of pids (`123`), process groups (`-123`) and sessions (`+123`). */
export function trailingPids(c: ArgCursor): string | null {
  const words = c.argv.slice(c.i);
  c.i = c.argv.length - 1;
  const groups: Record<string, Array<number | string>> = { PID: [], PGRP: [], SESS: [] };
  for (const word of words) {
    const type = word[0] === '-' ? 'PGRP' : word[0] === '+' ? 'SESS' : 'PID';
    const value = parsePid(type === 'PID' ? word : word.slice(1));
    if (typeof value === 'object') return value.error;
    groups[type].push(value);
  }
  for (const type of ['PID', 'PGRP', 'SESS'] as const)
    if (groups[type].length) c.st.selections.unshift({ type, values: groups[type] });
  return null;
}
