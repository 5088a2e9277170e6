// ps's output (procps' display.c and output.c): selected processes, sorted or drawn as a forest,
// each line laid out column by column as show_one_proc does it — a column that overflows pushes
// the next ones right until padding absorbs it, and the last column gets what the width leaves.
import { formatSpec, type FormatSpec, type PrintContext } from './format-specs';
import type { Accounts, ProcRecord, ProcessSnapshot } from './process-snapshot';
import { wantThisProc, type Asker } from './ps-select';
import { OUTBUF_SIZE, type FormatNode, type PsState, type SortNode } from './ps-state';

/** procps' SPACE_AMOUNT: at most this much padding before a column. */
const SPACE_AMOUNT = 144;

/** What the layout of every line shares. */
interface Layout {
  formats: FormatNode[];
  activeCols: number;
  context: Omit<PrintContext, 'room' | 'forest'>;
  numericWchan: boolean;
}

/** The width lines may take: the screen's, or a multiple of it wide enough for every column. */
function activeColumns(formats: FormatNode[], screenCols: number): { cols: number; wideSignals: boolean } {
  let total = 0;
  let wasNormal = 0;
  let sigs = 0;
  formats.forEach((f, i) => {
    const align = f.spec?.align ?? 'aix';
    if (align === 'aix') {
      total += f.width;
      wasNormal = 0;
      return;
    }
    if (align === 'signal') sigs++;
    total += (align === 'unlimited' && i === formats.length - 1 ? 3 : f.width) + wasNormal;
    wasNormal = 1;
  });
  // A multiple of the screen's width, as wide as the columns need (up to half the buffer).
  let times = 1;
  while (screenCols * times < total && screenCols * times < OUTBUF_SIZE / 2) times++;
  const cols = screenCols * times;
  return { cols, wideSignals: total + sigs * 7 <= cols };
}

/** One line: a process's columns, or the header when `p` is null. */
function showOneProc(p: ProcRecord | null, layout: Layout, forest: string): string {
  const { formats, activeCols } = layout;
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let line = '';
  for (let k = 0; k < formats.length; k++) {
    const fmt = formats[k];
    const last = k === formats.length - 1;
    let legit = 0;
    let tmpspace = 0;
    let room: number;
    if (!last) room = fmt.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    room = Math.max(0, Math.min(room, OUTBUF_SIZE - 1));
    let text = p && fmt.spec ? fmt.spec.print(p, { ...layout.context, room, forest }) : fmt.name;
    const amount = text.length;
    let leftpad = 0;
    switch (fmt.spec?.align ?? 'aix') {
      case 'right':
        leftpad = Math.max(0, fmt.width - amount);
        break;
      case 'signal':
        leftpad = Math.max(0, (layout.context.wideSignals ? 16 : 9) - amount);
        if (layout.context.wideSignals) legit = 7;
        break;
      case 'user':
        leftpad = layout.context.numericUser ? Math.max(0, fmt.width - amount) : 0;
        break;
      case 'wchan':
        if (layout.numericWchan) leftpad = Math.max(0, fmt.width - amount);
        else if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
      case 'unlimited':
        if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
    }
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > SPACE_AMOUNT) space = SPACE_AMOUNT;
    line += ' '.repeat(space) + text;
    if (last) break;
    actual += space + amount;
    correct += fmt.width + legit;
    dospace = fmt.spec && formats[k + 1].spec ? 1 : 0;
    if (dospace) correct++;
  }
  return `${line}\n`;
}

/** The forest's processes in drawing order, each with its prefix (procps' show_forest). */
function forestOrder(list: ProcRecord[], type: 'b' | 'g' | 'u'): Array<[ProcRecord, string]> {
  const out: Array<[ProcRecord, string]> = [];
  const prefix: string[] = [];
  const draw = (): string =>
    prefix.map((c) => (type === 'u' ? '  ' : c === ' ' ? '    ' : c === '|' ? ' |  ' : ' \\_ ')).join('');
  const showTree = (self: number, level: number, sibling: boolean): void => {
    if (level) prefix[level - 1] = sibling ? '+' : 'L';
    prefix.length = level;
    out.push([list[self], draw()]);
    let i = list.findIndex((p) => p.ppid === list[self].pid);
    if (i < 0) return;
    if (level) prefix[level - 1] = sibling ? '|' : ' ';
    prefix.length = level;
    for (; i < list.length;) {
      const selfPid = list[self].pid;
      const more = i + 1 < list.length && list[i + 1].ppid === selfPid;
      // init's children stand at the left margin, as if they had no parent (except with -H).
      showTree(i++, selfPid === 1 && type !== 'u' ? level : Math.min(level + 1, 128), more);
      if (!more) break;
    }
    prefix.length = level;
  };
  for (let i = list.length - 1; i >= 0; i--) {
    if (!list.some((p) => p.pid === list[i].ppid)) showTree(i, 0, false);
  }
  return out;
}

/** What ps prints and its exit status. */
export interface PsOutput {
  stdout: string;
  status: number;
}

/** Lays out the processes `st` selects from `snapshot`. */
export function renderPs(
  st: PsState,
  snapshot: ProcessSnapshot,
  accounts: Accounts,
  memTotal: number,
  asker: Asker,
): PsOutput {
  const { cols, wideSignals } = activeColumns(st.formats, st.screenCols);
  const layout: Layout = {
    formats: st.formats,
    activeCols: cols,
    context: { snapshot, accounts, memTotal, unixF: st.unixF, numericUser: st.numericUser, wideSignals },
    numericWchan: st.numericWchan,
  };
  const quick = st.selections.find((s) => s.type === 'PID_QUICK');
  let chosen = quick
    ? quick.values.flatMap((pid) => snapshot.processes.filter((p) => p.pid === pid))
    : snapshot.processes.filter((p) => wantThisProc(st, p, asker));
  let rows: Array<[ProcRecord, string]> = chosen.map((p) => [p, '']);
  if (st.forest || st.sorts.length) {
    const sorts = [...st.sorts];
    if (st.forest) {
      if (!sorts.length) sorts.push(sortBy('ppid'));
      sorts.unshift(sortBy('start_time'));
    }
    const context = { ...layout.context, room: 0, forest: '' };
    for (const { spec, order } of sorts) {
      if (!order) continue;
      chosen = [...chosen].sort((a, b) => {
        const x = spec.key(a, context);
        const y = spec.key(b, context);
        return x < y ? -order : x > y ? order : 0;
      });
    }
    rows = st.forest ? forestOrder(chosen, st.forest) : chosen.map((p) => [p, '']);
  }
  let out = '';
  let linesToHeader = 1;
  const gap = st.header === 'multi' ? st.screenRows - 1 : -1;
  if (st.header === 'none' || !st.formats.some((f) => f.name !== '' && f.spec)) linesToHeader = -1;
  for (const [p, prefix] of rows) {
    if (--linesToHeader === 0) {
      linesToHeader = gap;
      out += showOneProc(null, layout, '');
    }
    out += showOneProc(p, layout, prefix);
  }
  if (rows.length === 0) {
    // Nothing listed: the header alone (when one is due), and failure.
    if (linesToHeader === 1) out += showOneProc(null, layout, '');
    return { stdout: out, status: 1 };
  }
  return { stdout: out, status: 0 };
}

/** An ascending sort on `spec`, which forest output adds. */
function sortBy(spec: string): SortNode {
  return { spec: formatSpec(spec) as FormatSpec, order: 1 };
}
