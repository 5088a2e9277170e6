import type { Position } from './buffer';
import type { ViEditor } from './editor';
import { firstNonBlank, nextWord, previousWord, wordEnd } from './motions';

const ARROWS: Record<string, string> = {
  '\x1b[A': 'k',
  '\x1b[B': 'j',
  '\x1b[C': 'l',
  '\x1b[D': 'h',
  '\x7f': 'h',
  ' ': 'l',
};

/** Where a motion takes the cursor, and whether an operator over it works on whole lines. */
function motion(
  vi: ViEditor,
  key: string,
  count: number,
  counted: boolean,
): { to: Position; linewise: boolean } | undefined {
  const lines = vi.lines;
  const { row, col } = vi.cursor;
  let to: Position = { row, col };
  switch (key) {
    case 'h':
      return { to: { row, col: Math.max(0, col - count) }, linewise: false };
    case 'l':
      return { to: { row, col: col + count }, linewise: false };
    case 'j':
      return { to: { row: Math.min(lines.length - 1, row + count), col }, linewise: true };
    case 'k':
      return { to: { row: Math.max(0, row - count), col }, linewise: true };
    case '0':
      return { to: { row, col: 0 }, linewise: false };
    case '^':
      return { to: { row, col: firstNonBlank(lines[row]) }, linewise: false };
    case '$':
      return {
        to: { row: Math.min(lines.length - 1, row + count - 1), col: Number.MAX_SAFE_INTEGER },
        linewise: false,
      };
    case 'w':
    case 'b':
    case 'e':
      for (let i = 0; i < count; i++) to = (key === 'w' ? nextWord : key === 'b' ? previousWord : wordEnd)(lines, to);
      return { to, linewise: false };
    case 'G':
      return {
        to: { row: counted ? Math.min(count, lines.length) - 1 : lines.length - 1, col: 0 },
        linewise: true,
      };
    case 'gg':
      return { to: { row: counted ? Math.min(count, lines.length) - 1 : 0, col: 0 }, linewise: true };
    case '\r':
    case '+':
      return { to: { row: Math.min(lines.length - 1, row + count), col: 0 }, linewise: true };
    case '-':
      return { to: { row: Math.max(0, row - count), col: 0 }, linewise: true };
    default:
      return undefined;
  }
}

/** Deletes (or yanks) from the cursor to `to` into the register. */
function take(vi: ViEditor, to: Position, linewise: boolean, remove: boolean, inclusive: boolean): void {
  const lines = vi.lines;
  const from = vi.cursor;
  if (linewise) {
    const [a, b] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    vi.register = { text: lines.slice(a, b + 1), linewise: true };
    if (remove) {
      lines.splice(a, b - a + 1);
      if (lines.length === 0) lines.push('');
      vi.cursor = { row: Math.min(a, lines.length - 1), col: 0 };
      vi.cursor.col = firstNonBlank(lines[vi.cursor.row]);
    } else vi.cursor = { row: a, col: from.col };
    return;
  }
  const [start, last] = to.row < from.row || (to.row === from.row && to.col < from.col) ? [to, from] : [from, to];
  const end = { row: last.row, col: Math.min(lines[last.row].length, last.col + (inclusive ? 1 : 0)) };
  const text =
    start.row === end.row
      ? [lines[start.row].slice(start.col, end.col)]
      : [lines[start.row].slice(start.col), ...lines.slice(start.row + 1, end.row), lines[end.row].slice(0, end.col)];
  vi.register = { text, linewise: false };
  if (remove) {
    lines.splice(
      start.row,
      end.row - start.row + 1,
      lines[start.row].slice(0, start.col) + lines[end.row].slice(end.col),
    );
  }
  vi.cursor = { ...start };
}

function put(vi: ViEditor, after: boolean, count: number): void {
  const { text, linewise } = vi.register;
  const lines = vi.lines;
  const { row, col } = vi.cursor;
  if (linewise) {
    const at = after ? row + 1 : row;
    for (let i = 0; i < count; i++) lines.splice(at, 0, ...text);
    vi.cursor = { row: at, col: firstNonBlank(lines[at]) };
    return;
  }
  const joined = text.join('\n').repeat(count).split('\n');
  const line = lines[row];
  const at = after && line.length > 0 ? col + 1 : col;
  const head = line.slice(0, at);
  const tail = line.slice(at);
  const inserted = [...joined];
  inserted[0] = head + inserted[0];
  inserted[inserted.length - 1] += tail;
  lines.splice(row, 1, ...inserted);
  vi.cursor = joined.length > 1 ? { row, col: at } : { row, col: at + joined[0].length - 1 };
}

/** One key in normal mode: counts, operators (d, y, c) with motions, and the other commands. */
export function normalKey(vi: ViEditor, rawKey: string): void {
  const key = ARROWS[rawKey] ?? rawKey;
  vi.pending += key;
  const parsed = /^([1-9]\d*)?(.*)$/s.exec(vi.pending) as RegExpExecArray;
  const counted = parsed[1] !== undefined;
  const count = counted ? Number(parsed[1]) : 1;
  const command = parsed[2];
  if (command === '') return;
  if (/^([dyc]|g|Z|r|[dyc]g)$/.test(command)) return;
  const done = (): void => {
    vi.pending = '';
  };
  const lines = vi.lines;
  const { row } = vi.cursor;
  const operator = /^([dyc])(.+)$/.exec(command);
  if (operator) {
    const [, op, target] = operator;
    let range =
      target === op
        ? { to: { row: Math.min(lines.length - 1, row + count - 1), col: 0 }, linewise: true }
        : motion(vi, target, count, counted);
    done();
    if (!range) return;
    if (op === 'c' && target === 'w') range = { to: wordEnd(lines, { row, col: vi.cursor.col - 1 }), linewise: false };
    const inclusive = target === 'e' || target === '$' || (op === 'c' && target === 'w');
    if (op === 'c' && range.linewise) {
      const indent = /^[ \t]*/.exec(lines[row])?.[0] ?? '';
      take(vi, range.to, true, true, false);
      lines.splice(vi.cursor.row, 0, indent);
      vi.cursor = { row: Math.min(row, lines.length - 1), col: indent.length };
      return vi.startInsert();
    }
    take(vi, range.to, range.linewise, op !== 'y', inclusive);
    if (op === 'c') return vi.startInsert();
    if (op === 'd') vi.commit();
    vi.clamp();
    return;
  }
  done();
  const moved = motion(vi, command, count, counted);
  if (moved) {
    vi.cursor = moved.linewise && ['j', 'k'].includes(command) ? { row: moved.to.row, col: vi.cursor.col } : moved.to;
    if (['G', 'gg', '\r', '+', '-'].includes(command)) vi.cursor.col = firstNonBlank(lines[vi.cursor.row]);
    return vi.clamp();
  }
  const line = lines[row];
  const col = vi.cursor.col;
  switch (command) {
    case 'i':
      return vi.startInsert();
    case 'a':
      vi.startInsert();
      vi.cursor.col = Math.min(line.length, col + 1);
      return;
    case 'I':
      vi.startInsert();
      vi.cursor.col = firstNonBlank(line) + (line.trim() === '' ? line.length : 0);
      return;
    case 'A':
      vi.startInsert();
      vi.cursor.col = line.length;
      return;
    case 'o':
    case 'O': {
      const indent = vi.indentAfter(command === 'o' ? line : (/^[ \t]*/.exec(line)?.[0] ?? ''));
      const at = command === 'o' ? row + 1 : row;
      lines.splice(at, 0, indent);
      vi.cursor = { row: at, col: indent.length };
      return vi.startInsert();
    }
    case 'x':
    case 'X': {
      if (line === '') return;
      const from = command === 'x' ? col : Math.max(0, col - count);
      const to = command === 'x' ? Math.min(line.length, col + count) : col;
      vi.register = { text: [line.slice(from, to)], linewise: false };
      lines[row] = line.slice(0, from) + line.slice(to);
      vi.cursor.col = from;
      vi.commit();
      return vi.clamp();
    }
    case 'D':
    case 'C':
      vi.register = { text: [line.slice(col)], linewise: false };
      lines[row] = line.slice(0, col);
      if (command === 'C') return vi.startInsert();
      vi.commit();
      return vi.clamp();
    case 's':
      lines[row] = line.slice(0, col) + line.slice(col + count);
      return vi.startInsert();
    case 'S': {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      lines[row] = indent;
      vi.cursor.col = indent.length;
      return vi.startInsert();
    }
    case 'p':
    case 'P':
      put(vi, command === 'p', count);
      if (vi.register.linewise) vi.message('');
      vi.commit();
      return vi.clamp();
    case 'J':
      for (let i = 0; i < Math.max(1, count - 1) && row + 1 < lines.length; i++) {
        const next = lines[row + 1].replace(/^[ \t]+/, '');
        vi.cursor.col = lines[row].length;
        lines.splice(row, 2, next === '' ? lines[row] : `${lines[row].replace(/[ \t]+$/, '')} ${next}`);
      }
      vi.commit();
      return vi.clamp();
    case '~': {
      const end = Math.min(line.length, col + count);
      const flipped = [...line.slice(col, end)]
        .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
        .join('');
      lines[row] = line.slice(0, col) + flipped + line.slice(end);
      vi.cursor.col = end;
      vi.commit();
      return vi.clamp();
    }
    case 'u':
    case '\x12': {
      const result = vi.buffer.step(command === 'u', vi.now());
      vi.message(result.message);
      if (result.cursor) vi.cursor = result.cursor;
      return vi.clamp();
    }
    case 'n':
    case 'N':
      if (!vi.lastSearch) return vi.message('E35: No previous regular expression', 'error');
      return vi.search(vi.lastSearch.pattern, command === 'n' ? vi.lastSearch.forward : !vi.lastSearch.forward);
    case ':':
    case '/':
    case '?':
      vi.mode = 'command';
      vi.commandLine = command;
      return;
    case 'ZZ':
      return runQuit(vi, true);
    case 'ZQ':
      vi.done = true;
      return;
    case '\x03':
      return vi.message('Type  :qa!  and press <Enter> to abandon all changes and exit Vim');
    case '\x06':
    case '\x02':
    case '\x04':
    case '\x15': {
      const page = command === '\x06' || command === '\x02' ? vi.rows - 3 : Math.floor((vi.rows - 1) / 2);
      const down = command === '\x06' || command === '\x04';
      vi.cursor.row = Math.max(0, Math.min(lines.length - 1, row + (down ? page : -page)));
      vi.cursor.col = firstNonBlank(lines[vi.cursor.row]);
      return vi.clamp();
    }
    default:
      if (command.startsWith('r') && command.length > 1) {
        const replacement = command.slice(1);
        if (replacement !== '\x1b' && col + count <= line.length && line !== '') {
          lines[row] = line.slice(0, col) + replacement.repeat(count) + line.slice(col + count);
          vi.cursor.col = col + count - 1;
          vi.commit();
        }
      }
  }
}

/** ZZ: write if changed, then quit. */
function runQuit(vi: ViEditor, write: boolean): void {
  if (write && vi.buffer.modified) {
    if (!vi.name) return vi.message('E32: No file name', 'error');
    try {
      vi.file.write(vi.name, vi.buffer.text());
    } catch {
      return vi.message(`"${vi.name}" E212: Can't open file for writing`, 'error');
    }
  }
  vi.done = true;
}
