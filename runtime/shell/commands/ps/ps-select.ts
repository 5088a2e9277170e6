// Which processes ps lists (procps' select.c): the simple selections (-a -d a x g, or the UNIX
// default: this user's processes on this terminal), lists (-p -u -t -C …), r, and -N.
import type { ProcRecord } from './process-snapshot';
import { SS, type PsState } from './ps-state';

/** The selection table for the simple options; an error text for a combination procps refuses. */
export function selectBitsSetup(st: PsState): string | null {
  if (!st.simpleSelect && !st.preferBsd) {
    st.selectBits = 0xaa00;
    return null;
  }
  // g is on for every BSD but SunOS; UNIX -a and -d leave it off.
  const bits = st.simpleSelect & (SS.Ua | SS.Ud) ? st.simpleSelect : st.simpleSelect | SS.Bg;
  const table: Record<number, number> = {
    [SS.Ua | SS.Ud]: 0x3f3f,
    [SS.Ua]: 0x0303,
    [SS.Ud]: 0x3333,
    0: 0x0202,
    [SS.Ba]: 0x0303,
    [SS.Bx]: 0x2222,
    [SS.Bx | SS.Ba]: 0x3333,
    [SS.Bg]: 0x0a0a,
    [SS.Bg | SS.Ba]: 0x0f0f,
    [SS.Bg | SS.Bx]: 0xaaaa,
  };
  if (bits === (SS.Bg | SS.Bx | SS.Ba)) {
    st.allProcesses = true;
    st.simpleSelect = 0;
    return null;
  }
  if (!(bits in table)) return 'process selection options conflict';
  st.selectBits = table[bits];
  return null;
}

/** Who is asking: ps's effective user and its terminal. */
export interface Asker {
  uid: number;
  ttyNr: number;
}

function listed(st: PsState, p: ProcRecord): boolean {
  return st.selections.some(({ type, values }) => {
    switch (type) {
      case 'RUID':
      case 'EUID':
        return values.includes(p.uid);
      case 'RGID':
      case 'EGID':
        return values.includes(p.gid);
      case 'PGRP':
        return values.includes(p.pgid);
      case 'PID':
      case 'PID_QUICK':
        return values.includes(p.pid);
      case 'PPID':
        return values.includes(p.ppid);
      case 'TTY':
        return values.includes(p.ttyNr);
      case 'SESS':
        return values.includes(p.sid);
      case 'COMM':
        // The kernel keeps 15 characters of a name: a longer one matches on those.
        return values.some(
          (name) =>
            typeof name === 'string' &&
            (p.comm === name.slice(0, 63) || (p.comm.length === 15 && name.length >= 15 && name.startsWith(p.comm))),
        );
    }
  });
}

/** Whether ps lists `p` (procps' want_this_proc). */
export function wantThisProc(st: PsState, p: ProcRecord, asker: Asker): boolean {
  let accepted = true;
  if (!st.allProcesses) {
    const index =
      Number(p.uid === asker.uid) |
      (Number(p.sid === p.pid) << 1) |
      (Number(p.ttyNr === 0) << 2) |
      (Number(p.ttyNr === asker.ttyNr) << 3);
    const byTable = (st.simpleSelect !== 0 || st.selections.length === 0) && (st.selectBits & (1 << index)) !== 0;
    accepted = byTable || listed(st, p);
  }
  if (st.runningOnly && p.state !== 'R' && p.state !== 'D') accepted = false;
  return st.negate ? !accepted : accepted;
}
