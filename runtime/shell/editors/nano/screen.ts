import { charWidth } from '../../char-width';

const REVERSE = '\x1b[7m';
const RESET = '\x1b[m';

/** The shortcut rows at the bottom, by what nano is doing. */
export const SHORTCUTS = {
  main: [
    ['^G', 'Help', '^O', 'Write Out', '^W', 'Where Is', '^K', 'Cut', '^T', 'Execute', '^C', 'Location'],
    ['^X', 'Exit', '^R', 'Read File', '^\\', 'Replace', '^U', 'Paste', '^J', 'Justify', '^/', 'Go To Line'],
  ],
  write: [
    ['^G', 'Help', 'M-D', 'DOS Format', 'M-A', 'Append', 'M-B', 'Backup File'],
    ['^C', 'Cancel', 'M-M', 'Mac Format', 'M-P', 'Prepend', '^T', 'Browse'],
  ],
  search: [
    ['^G', 'Help', 'M-C', 'Case Sens', 'M-B', 'Backwards', '^P', 'Older', '^T', 'Go To Line'],
    ['^C', 'Cancel', 'M-R', 'Reg.exp.', '^R', 'Replace', '^N', 'Newer'],
  ],
  yesNo: [
    [' Y', 'Yes', '', ''],
    [' N', 'No', '^C', 'Cancel'],
  ],
} as const;

export type Shortcuts = keyof typeof SHORTCUTS;

/** One shortcut row: each key reversed, then its label, in columns as wide as the row allows. */
function shortcutRow(items: readonly string[], cols: number, columns: number): string {
  const width = Math.floor(cols / columns);
  let out = '';
  for (let i = 0; i < items.length; i += 2) {
    const [key, label] = [items[i], items[i + 1]];
    if (key === '') {
      out += ' '.repeat(width);
      continue;
    }
    out += `${REVERSE}${key}${RESET} ${label.padEnd(width - key.length - 1)}`;
  }
  return out.trimEnd();
}

/** The display cells of a line: tabs to the next multiple of 8, wide characters two. */
export function cellsOf(line: string): number {
  let cells = 0;
  for (const ch of line)
    cells = ch === '\t' ? cells + 8 - (cells % 8) : cells + Math.max(1, charWidth(ch.codePointAt(0) ?? 0));
  return cells;
}

/** What the screen shows. */
export interface NanoScreen {
  name: string;
  modified: boolean;
  lines: readonly string[];
  top: number;
  cursor: { row: number; col: number };
  rows: number;
  cols: number;
  /** A message in the status row (shown as `[ text ]`), or a prompt being answered. */
  status: { kind: 'message'; text: string } | { kind: 'prompt'; text: string; answer: string } | { kind: 'none' };
  shortcuts: Shortcuts;
}

/** The title bar: the version at the left, the file name centred as nano 7.2 places it. */
function titleBar(screen: NanoScreen): string {
  const brand = 'GNU nano 7.2';
  const name = screen.name || 'New Buffer';
  // titlebar(): verlen = brand + 3, room for "Modified" (8) and two spaces of state.
  const verlen = brand.length + 3;
  const offset = verlen + Math.floor((screen.cols - verlen - 8 - 2 - cellsOf(name)) / 2);
  const text = `  ${brand}`.padEnd(offset) + name + (screen.modified ? ' *' : '');
  return `${REVERSE}${text.padEnd(screen.cols)}${RESET}`;
}

/** The whole screen as escape sequences. */
export function renderNano(screen: NanoScreen): string {
  const { rows, cols, lines } = screen;
  const editRows = rows - 4;
  let out = `\x1b[?25l\x1b[H${titleBar(screen)}`;
  for (let r = 0; r < editRows; r++) {
    const line = lines[screen.top + r];
    out += `\x1b[${r + 2};1H${line === undefined ? '' : line.replace(/\t/g, '        ')}\x1b[K`;
  }
  out += `\x1b[${rows - 2};1H\x1b[K`;
  const { status } = screen;
  if (status.kind === 'message') {
    const text = `[ ${status.text} ]`;
    out += `\x1b[${rows - 2};${Math.floor((cols - cellsOf(text)) / 2) + 1}H${REVERSE}${text}${RESET}`;
  } else if (status.kind === 'prompt') {
    out += `${REVERSE}${`${status.text}${status.answer}`.padEnd(cols)}${RESET}`;
  }
  const [first, second] = SHORTCUTS[screen.shortcuts];
  const columns = screen.shortcuts === 'main' ? 6 : screen.shortcuts === 'yesNo' ? 5 : first.length / 2;
  out += `\x1b[${rows - 1};1H\x1b[K${shortcutRow(first, cols, columns)}`;
  out += `\x1b[${rows};1H\x1b[K${shortcutRow(second, cols, columns)}`;
  const cursor =
    status.kind === 'prompt'
      ? `\x1b[${rows - 2};${cellsOf(status.text + status.answer) + 1}H`
      : `\x1b[${screen.cursor.row - screen.top + 2};${cellsOf((lines[screen.cursor.row] ?? '').slice(0, screen.cursor.col)) + 1}H`;
  return `${out}${cursor}\x1b[?25h`;
}
