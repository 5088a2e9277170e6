// The columns and sort keys ps prints by (procps' sortformat.c): -o/o/--format lists with
// `=HEADER` and `:WIDTH`, AIX `%p` descriptors, -O/O (columns or sort codes), --sort/k, and the
// default formats of -f, -F, -l, j, l, u, v, s.
import { formatSpec, SHORT_SORTS, type FormatSpec } from './format-specs';
import { oneSpec, type Macros } from './format-nodes';
import { namedFormat, sysvList } from './ps-default-formats';
import { FF, type PsState, type SfNode, type SortNode } from './ps-state';

const AIX: Record<string, [string, string]> = {
  C: ['pcpu', '%CPU'],
  G: ['group', 'GROUP'],
  P: ['ppid', 'PPID'],
  U: ['user', 'USER'],
  a: ['args', 'COMMAND'],
  c: ['comm', 'COMMAND'],
  g: ['rgroup', 'RGROUP'],
  n: ['nice', 'NI'],
  p: ['pid', 'PID'],
  r: ['pgid', 'PGID'],
  t: ['etime', 'ELAPSED'],
  u: ['ruser', 'RUSER'],
  x: ['time', 'TIME'],
  y: ['tty', 'TTY'],
  z: ['vsz', 'VSZ'],
};

/** `%p %c` style: descriptors and the literal text between them (procps' aix_format_parse). */
function aixParse(sfn: SfNode, macros: Macros): string | null {
  // procps' check: text is one character then blanks, and each `%` needs a descriptor after it.
  const text = sfn.text;
  let items = 0;
  let i = 0;
  let c = text[i++];
  for (;;) {
    if (c === '%') {
      items++;
      c = text[i++];
      if (c === undefined || c === ' ') return 'missing AIX field descriptor';
      continue;
    }
    if (c === undefined) break;
    items++;
    do c = text[i++];
    while (c === ' ');
    if (c === '%') continue;
    if (c !== undefined) return 'improper AIX field descriptor';
    break;
  }
  let walk = 0;
  while (items--) {
    if (text[walk] === '%') {
      walk++;
      if (text[walk] === '%') return 'missing AIX field descriptor';
      const aix = AIX[text[walk++]];
      if (!aix) return 'unknown AIX field descriptor';
      sfn.formats.push(...(oneSpec(aix[0], macros, aix[1]) ?? []));
    } else {
      const end = text.indexOf('%', walk) < 0 ? text.length : text.indexOf('%', walk);
      sfn.formats.push({ name: text.slice(walk, end), width: end - walk });
      walk = end;
    }
  }
  return null;
}

/** A -o list: items split on blanks and commas (the last takes the rest), each `spec[:width][=header]`. */
function formatParse(sfn: SfNode, macros: Macros): string | null {
  const text = sfn.text.replace(/[ ,\t\n]$/, '');
  const items = text.split(/[ ,\t\n]/);
  let error: string;
  if (sfn.text === '' || /^[ ,\t\n]/.test(sfn.text) || items.some((item) => item === ''))
    error = 'improper format list';
  else {
    error = '';
    let rest = text;
    for (let n = items.length; n > 0; n--) {
      const cut = rest.search(/[ ,\t\n]/);
      let item = n > 1 && cut >= 0 ? rest.slice(0, cut) : rest;
      rest = cut >= 0 ? rest.slice(cut + 1) : '';
      let header: string | undefined;
      const eq = item.indexOf('=');
      if (eq >= 0) [item, header] = [item.slice(0, eq), item.slice(eq + 1)];
      let width: number | undefined;
      const colon = item.indexOf(':');
      if (colon >= 0) {
        const digits = item.slice(colon + 1);
        item = item.slice(0, colon);
        if (!/^[1-9][0-9]*$/.test(digits)) {
          error = 'column widths must be unsigned decimal numbers';
          break;
        }
        width = Number(digits);
      }
      const nodes = oneSpec(item, macros, header);
      if (!nodes) {
        error = `unknown user-defined format specifier "${item}"`;
        break;
      }
      if (width !== undefined) {
        if (nodes.length > 1) {
          error = 'can not set width for a macro (multi-column) format specifier';
          break;
        }
        nodes[0].width = width;
      }
      sfn.formats.push(...nodes);
    }
    if (!error) return null;
  }
  sfn.formats = [];
  return sfn.text.includes('%') ? aixParse(sfn, macros) : error;
}

/** -O and O as columns: the pid, the list, then the default trailer. */
function oWrap(sfn: SfNode, macros: Macros, trailer: 'END_BSD' | 'END_SYS5'): void {
  sfn.formats = [...(oneSpec('pid', macros) ?? []), ...sfn.formats, ...(oneSpec(trailer, macros) ?? [])];
}

function sortSpec(spec: string): SortNode | undefined {
  const order = spec.startsWith('-') ? -1 : 1;
  const fs: FormatSpec | undefined = formatSpec(spec.replace(/^[+-]/, ''));
  return fs && { spec: fs, order };
}

/** --sort and k: keys split on blanks and commas, each `[+|-]spec`. */
function longSortParse(sfn: SfNode): string | null {
  const text = sfn.text.replace(/[ ,\t\n]$/, '');
  const items = text.split(/[ ,\t\n]/);
  if (sfn.text === '' || /^[ ,\t\n]/.test(sfn.text) || items.some((item) => item === '')) return 'improper sort list';
  for (const item of items) {
    const node = sortSpec(item);
    if (!node) return 'unknown sort specifier';
    sfn.sorts.push(node);
  }
  return null;
}

/** O's sort codes (`O-Cp`): each letter a key, a sign before it its order (else no order at all). */
function verifyShortSort(text: string, forest: boolean): string | null {
  if (!/^[CGJKMNPRSTUcfgjkmnoprstuvy+-]*$/.test(text)) return 'bad sorting code';
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '+' || c === '-') {
      const next = text[i + 1];
      if (!next || next === '+' || next === '-') return 'bad sorting code';
      continue;
    }
    if (c === 'P' && forest) return 'PPID sort and forest output conflict';
    if (seen.has(c)) return 'bad sorting code';
    seen.add(c);
  }
  return null;
}

function shortSortParse(sfn: SfNode): void {
  let order: 1 | -1 | 0 = 1;
  for (const c of sfn.text) {
    if (c === '+' || c === '-') order = c === '+' ? 1 : -1;
    else {
      const fs = SHORT_SORTS[c] === undefined ? undefined : formatSpec(SHORT_SORTS[c]);
      if (!fs) return;
      sfn.sorts.push({ spec: fs, order });
      order = 0;
    }
  }
}

/** Parses every deferred -o/O/--sort, then settles st.formats and st.sorts (an error text if not). */
export function processSfOptions(st: PsState, macros: Macros): string | null {
  let parsedFormat = false;
  let parsedSort = false;
  for (const sfn of [...st.sf].reverse()) {
    let err: string | null;
    if (sfn.code === 'B_o' || sfn.code === 'G_format' || sfn.code === 'U_o') {
      err = formatParse(sfn, macros);
      if (!err) parsedFormat = true;
    } else if (sfn.code === 'U_O') {
      if (parsedFormat) return 'option -O can not follow other format options';
      err = formatParse(sfn, macros);
      if (err) return err;
      parsedFormat = true;
      oWrap(sfn, macros, 'END_SYS5');
    } else if (sfn.code === 'B_O') {
      err = st.haveGnuSort || parsedSort ? 'multiple sort options' : verifyShortSort(sfn.text, st.forest !== '');
      if (!err) {
        shortSortParse(sfn);
        parsedSort = true;
        continue;
      }
      if (parsedFormat) err = 'option O is neither first format nor sort order';
      else if (!formatParse(sfn, macros)) {
        parsedFormat = true;
        oWrap(sfn, macros, 'END_BSD');
        continue;
      }
    } else {
      err = parsedSort ? 'multiple sort options' : longSortParse(sfn);
      parsedSort = true;
    }
    if (err) return err;
  }
  st.formats = [...st.sf].reverse().flatMap((sfn) => sfn.formats);
  // Sorts apply one after the other, stably: the first key given is applied last.
  st.sorts = [...st.sf].reverse().flatMap((sfn) => [...sfn.sorts].reverse());
  if (st.formats.length) {
    if (st.formatFlags) return 'conflicting format options';
    if (st.formatModifiers) return 'can not use output modifiers with user-defined output';
    return null;
  }
  const ff = st.formatFlags;
  const sysv = ff === 0 || ff === FF.Uf || ff === FF.Ul || ff === (FF.Uf | FF.Ul);
  const list = sysv ? sysvList(st, macros) : namedFormat(st, macros);
  if (typeof list === 'string') return list;
  st.formats = list;
  return null;
}
