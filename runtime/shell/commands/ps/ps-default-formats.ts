// The columns ps shows when not told (-o): plain ps, -f, -F, -l and -j as procps' generate_sysv_list
// builds them, and the BSD formats (u, j, l, s, v) with the UNIX modifiers applied to them.
import { oneSpec, type Macros } from './format-nodes';
import { FF, FM, TF, type FormatNode, type PsState } from './ps-state';

/** The columns of plain ps, -f, -F, -l and their modifiers (procps' generate_sysv_list). */
export function sysvList(st: PsState, macros: Macros): FormatNode[] | string {
  const ff = st.formatFlags;
  const fm = st.formatModifiers;
  if (fm & FM.y && !(ff & FF.Ul)) return 'modifier -y without format -l makes no sense';
  const specs: string[] = [];
  const push = (spec: string): number => specs.unshift(spec);
  if (st.preferBsd) {
    push(ff ? 'cmd' : 'args');
    push('bsdtime');
    if (!(ff & FF.Ul)) push('stat');
  } else {
    push(ff & FF.Uf ? 'cmd' : 'ucmd');
    push('time');
  }
  push('tname');
  if (ff & FF.Uf) push('stime');
  if (fm & FM.F) {
    if (!(fm & FM.P)) push('psr');
    if (!(ff & FF.Ul && fm & FM.y)) push('rss');
  }
  if (ff & FF.Ul) push('wchan');
  if (fm & FM.F || ff & FF.Ul) push('sz');
  if (ff & FF.Ul) push(fm & FM.y ? 'rss' : 'addr_1');
  if (fm & FM.c) {
    push('pri');
    push('class');
  } else if (ff & FF.Ul) {
    push('ni');
    push('opri');
  }
  if (st.threadFlags & TF.UL && ff & FF.Uf) push('nlwp');
  if (ff & (FF.Uf | FF.Ul) && !(fm & FM.c)) push('c');
  if (fm & FM.P) push('psr');
  if (st.threadFlags & TF.UL) push('lwp');
  if (fm & FM.j) {
    push('sid');
    push('pgid');
  }
  if (ff & (FF.Uf | FF.Ul)) push('ppid');
  if (st.threadFlags & TF.UT) push('spid');
  push('pid');
  if (ff & FF.Uf) push('uid_hack');
  else if (ff & FF.Ul) push('uid');
  if (ff & FF.Ul) {
    push('s');
    if (!(fm & FM.y)) push('f');
  }
  if (fm & FM.M) push('label');
  return specs.flatMap((spec) => oneSpec(spec, macros) ?? []);
}

const FORMAT_MACROS: Record<number, string> = {
  [FF.Bj]: 'OL_j',
  [FF.Bl]: 'OL_l',
  [FF.Bs]: 'OL_s',
  [FF.Bu]: 'OL_u',
  [FF.Bv]: 'OL_v',
  [FF.LX]: 'OL_X',
  [FF.Lm]: 'OL_m',
  [FF.Fc]: 'FLASK_context',
};

/** Inserts `spec`'s column after the first column headed `after`; false when there is none. */
function addAfter(list: FormatNode[], after: string, spec: string, macros: Macros): boolean {
  const at = list.findIndex((node) => node.name === after);
  if (at < 0) return false;
  list.splice(at + 1, 0, ...(oneSpec(spec, macros) ?? []));
  return true;
}

const remove = (list: FormatNode[], name: string): boolean => {
  const at = list.findIndex((node) => node.name === name);
  if (at >= 0) list.splice(at, 1);
  return at >= 0;
};

/** A BSD format's columns with the UNIX modifiers applied. */
export function namedFormat(st: PsState, macros: Macros): FormatNode[] | string {
  const macro = FORMAT_MACROS[st.formatFlags];
  const list = macro === undefined ? undefined : oneSpec(macro, macros);
  if (!list) return 'conflicting format options';
  const fm = st.formatModifiers;
  if (fm & FM.j) {
    if (!addAfter(list, 'PPID', 'pgid', macros)) addAfter(list, 'PID', 'pgid', macros);
    if (!addAfter(list, 'PGID', 'sid', macros)) return 'lost my PGID';
  }
  if (fm & FM.y) {
    remove(list, 'F');
    if (addAfter(list, 'ADDR', 'rss', macros)) remove(list, 'ADDR');
  }
  if (fm & FM.c) {
    for (const name of ['%CPU', 'CPU', 'CP', 'C', 'NI']) remove(list, name);
    addAfter(list, 'PRI', 'class', macros);
    remove(list, 'PRI');
    if (!addAfter(list, 'CLS', 'pri', macros)) return 'lost my CLS';
  }
  if (st.threadFlags & TF.UT) addAfter(list, 'PID', 'spid', macros);
  if (st.threadFlags & TF.UL) {
    if (!['SID', 'SESS', 'PGID', 'PGRP', 'PPID', 'PID'].some((name) => addAfter(list, name, 'lwp', macros))) {
      if (st.threadFlags & TF.mustUse) return '-L with H/-m/m but no PID/PGID/SID/SESS for NLWP to follow';
    }
    addAfter(list, '%CPU', 'nlwp', macros);
  }
  if (fm & FM.M) list.unshift(...(oneSpec('label', macros) ?? []));
  return list;
}
