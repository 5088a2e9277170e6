import { charWidth } from '../../char-width';
import type { Position } from './buffer';

/** What the screen shows. */
export interface ScreenState {
  lines: readonly string[];
  /** A buffer with no lines at all (a new file not yet typed in): the ruler says line 0. */
  empty?: boolean;
  cursor: Position;
  /** The first line on screen. */
  top: number;
  rows: number;
  cols: number;
  number: boolean;
  /** The last row's text: a message, `-- INSERT --`, or the command being typed. */
  status: { text: string; kind: 'message' | 'error' | 'mode' | 'command' };
}

const RESET = '\x1b[m';
const NON_TEXT = '\x1b[1m\x1b[34m';
const LINE_NR = '\x1b[33m';
const ERROR = '\x1b[97m\x1b[41m';
const BOLD = '\x1b[1m';

/** The cells a line takes: tabs to the next multiple of 8, wide characters two. */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    if (ch === '\t') {
      do out.push(' ');
      while (out.length % 8 !== 0);
    } else {
      const width = charWidth(ch.codePointAt(0) ?? 0);
      out.push(ch);
      if (width === 2) out.push('');
    }
  }
  return out;
}

/** The width of the line-number column (`:set number`): numberwidth 4, or more for long files. */
export function gutterWidth(state: Pick<ScreenState, 'number' | 'lines'>): number {
  return state.number ? Math.max(3, String(state.lines.length).length) + 1 : 0;
}

/** How many screen rows a line takes at this width (wrapping long lines). */
export function rowsOf(line: string, width: number): number {
  return Math.max(1, Math.ceil(cells(line).length / width));
}

/** vim's ruler: `line,column` and where the window is in the file (All, Top, Bot or a percentage). */
function ruler(state: ScreenState, shownLast: number): string {
  const { lines, cursor, top } = state;
  const line = lines[cursor.row] ?? '';
  const column = line === '' ? '0-1' : String(cursor.col + 1);
  const below = lines.length - 1 - shownLast;
  const where =
    top === 0 && below <= 0
      ? 'All'
      : top === 0
        ? 'Top'
        : below <= 0
          ? 'Bot'
          : `${Math.floor((top * 100) / (top + below))}%`;
  return `${state.empty ? 0 : cursor.row + 1},${column}`.padEnd(14) + where;
}

/** The whole screen as escape sequences: text rows, `~` past the end, and the status row. */
export function renderScreen(state: ScreenState): string {
  const { lines, rows, cols, cursor } = state;
  const gutter = gutterWidth(state);
  const width = Math.max(1, cols - gutter);
  let out = '\x1b[?25l\x1b[H';
  let row = 0;
  let cursorAt = { x: 0, y: 0 };
  let shownLast = state.top;
  for (let i = state.top; i < lines.length && row < rows - 1; i++) {
    const text = cells(lines[i]);
    const chunks = Math.max(1, Math.ceil(text.length / width));
    if (row + chunks > rows - 1 && i !== state.top) {
      // A line that does not fit whole shows as `@` rows, as vim does.
      for (; row < rows - 1; row++) out += `\x1b[${row + 1};1H${NON_TEXT}@${RESET}\x1b[K`;
      break;
    }
    for (let c = 0; c < chunks && row < rows - 1; c++, row++) {
      const number =
        c === 0 && gutter > 0
          ? `${LINE_NR}${String(i + 1).padStart(gutter - 1)} ${RESET}`
          : ' '.repeat(c === 0 ? 0 : gutter);
      out += `\x1b[${row + 1};1H${number}${text.slice(c * width, (c + 1) * width).join('')}\x1b[K`;
    }
    shownLast = i;
    if (i === cursor.row) {
      const at = cells(lines[i].slice(0, cursor.col)).length;
      cursorAt = { x: gutter + (at % width), y: row - chunks + Math.floor(at / width) };
    }
  }
  for (; row < rows - 1; row++) out += `\x1b[${row + 1};1H${NON_TEXT}~${RESET}\x1b[K`;
  const { status } = state;
  const style = status.kind === 'error' ? ERROR : status.kind === 'mode' ? BOLD : '';
  out += `\x1b[${rows};1H\x1b[K${style}${status.text}${style ? RESET : ''}`;
  if (status.kind !== 'command') out += `\x1b[${rows};${cols - 17}H${ruler(state, shownLast)}`;
  const cursorText =
    status.kind === 'command'
      ? `\x1b[${rows};${cells(status.text).length + 1}H`
      : `\x1b[${cursorAt.y + 1};${cursorAt.x + 1}H`;
  return `${out}${cursorText}\x1b[?25h`;
}
