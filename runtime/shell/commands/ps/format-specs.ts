// ps's output columns: each format specifier's header, width, justification and printer, as
// procps-ng 4.0.2 defines them (output.c's format_array), and its macros (DefBSD, OL_u, …).
import {
  CLASSES,
  codeSize,
  commandLine,
  cpuTicks,
  escaped,
  groupKey,
  groupName,
  majorFaults,
  percent,
  permille,
  signals,
  stat,
  tenths,
  userKey,
  userName,
  utilization,
  type Align,
  type FormatSpec,
  type Printer,
  type SortKey,
} from './format-values';
import { HZ, type ProcRecord } from './process-snapshot';
import { bsdStart, clockTime, ctime, elapsed, elapsedTime, longStart, shortStart, startedAt } from './ps-times';

export { codeSize, commandLine, escaped, majorFaults, type FormatSpec, type PrintContext } from './format-values';

const num =
  (get: (p: ProcRecord) => number): Printer =>
  (p) =>
    String(get(p));

type Row = [head: string, width: number, align: Align, print: Printer, key?: SortKey];

const pid: Row = ['PID', 5, 'right', num((p) => p.pid), (p) => p.pid];
const ppid: Row = ['PPID', 5, 'right', num((p) => p.ppid), (p) => p.ppid];
const pgid: Row = ['PGID', 5, 'right', num((p) => p.pgid), (p) => p.pgid];
const sess: Row = ['SESS', 5, 'right', num((p) => p.sid), (p) => p.sid];
const uid: Row = ['UID', 5, 'right', num((p) => p.uid), (p) => p.uid];
const gid: Row = ['GID', 5, 'right', num((p) => p.gid), (p) => p.gid];
const user: Row = ['USER', 8, 'user', userName, userKey];
const group: Row = ['GROUP', 8, 'user', groupName, groupKey];
const tty: Row = ['TT', 8, 'left', (p) => p.tty, (p) => p.tty];
const time: Row = ['TIME', 8, 'right', (p) => clockTime(cpuTicks(p) / HZ), cpuTicks];
const args: Row = ['COMMAND', 27, 'unlimited', (p, c) => escaped(c.forest + commandLine(p), c.room), commandLine];
const comm: Row = [
  'COMMAND',
  15,
  'unlimited',
  (p, c) => escaped(c.forest + (c.unixF ? commandLine(p) : p.comm), c.room),
  (p) => p.comm,
];
const pcpu: Row = ['%CPU', 4, 'right', (p, c) => percent(permille(p, c)), utilization];
const pmem: Row = [
  '%MEM',
  4,
  'right',
  (p, c) => tenths(Math.min(999, Math.floor((p.rss * 1000) / c.memTotal))),
  (p) => p.rss,
];
const rss: Row = ['RSS', 5, 'right', num((p) => p.rss), (p) => p.rss];
const vsz: Row = ['VSZ', 6, 'right', num((p) => p.vsz), (p) => p.vsz];
const with_ = (r: Row, head: string, width = r[1], align = r[2]): Row => [head, width, align, r[3], r[4]];

const begun: SortKey = (p) => p.startTicks;
const nop: Printer = () => '-';

const PID_COLUMNS = new Set([
  'pid',
  'ppid',
  'pgid',
  'pgrp',
  'sess',
  'session',
  'sid',
  'tgid',
  'tpgid',
  'lwp',
  'spid',
  'tid',
]);

const signal = (head: string): Row => [head, 9, 'signal', (_p, c) => signals(c)];

const ROWS: Record<string, Row> = {
  '%cpu': pcpu,
  '%mem': pmem,
  addr: ['ADDR', 4, 'right', nop],
  addr_1: ['ADDR', 1, 'left', nop],
  args,
  blocked: signal('BLOCKED'),
  bsdstart: [
    'START',
    6,
    'right',
    (p, c) => bsdStart(startedAt(p, c.snapshot), Math.floor(c.snapshot.now / 1000)),
    begun,
  ],
  bsdtime: [
    'TIME',
    6,
    'right',
    (p) => {
      const s = Math.floor(cpuTicks(p) / HZ);
      return `${String(Math.floor(s / 60)).padStart(3)}:${String(s % 60).padStart(2, '0')}`;
    },
    cpuTicks,
  ],
  caught: signal('CAUGHT'),
  c: ['C', 2, 'right', (p, c) => String(Math.min(99, Math.floor(permille(p, c) / 10))).padStart(2), pcpu[4]],
  class: ['CLS', 3, 'left', (p) => CLASSES[p.policy] ?? '?', (p) => p.policy],
  cls: ['CLS', 3, 'right', (p) => CLASSES[p.policy] ?? '?', (p) => p.policy],
  cmd: with_(args, 'CMD'),
  comm,
  command: args,
  context: ['CONTEXT', 31, 'left', nop, (p) => p.pid],
  cp: ['CP', 3, 'right', (p, c) => String(Math.min(999, permille(p, c))).padStart(3), pcpu[4]],
  cputime: time,
  cputimes: ['TIME', 8, 'right', (p) => String(Math.trunc(cpuTicks(p) / HZ)), cpuTicks],
  egid: with_(gid, 'EGID'),
  egroup: with_(group, 'EGROUP'),
  etime: ['ELAPSED', 11, 'right', (p, c) => elapsedTime(elapsed(p, c.snapshot)), (p, c) => elapsed(p, c.snapshot)],
  etimes: [
    'ELAPSED',
    7,
    'right',
    (p, c) => String(Math.trunc(elapsed(p, c.snapshot))),
    (p, c) => elapsed(p, c.snapshot),
  ],
  euid: with_(uid, 'EUID'),
  euser: with_(user, 'EUSER'),
  f: ['F', 1, 'right', num((p) => p.flag), (p) => p.flag],
  fgid: with_(gid, 'FGID'),
  fgroup: with_(group, 'FGROUP'),
  flag: ['F', 1, 'right', num((p) => p.flag), (p) => p.flag],
  flags: ['F', 1, 'right', num((p) => p.flag), (p) => p.flag],
  fname: ['COMMAND', 8, 'left', (p, c) => escaped(c.forest + p.comm, Math.min(8, c.room)), (p) => p.comm],
  fsgid: with_(gid, 'FSGID'),
  fsgroup: with_(group, 'FSGROUP'),
  fsuid: with_(uid, 'FSUID'),
  fsuser: with_(user, 'FSUSER'),
  fuid: with_(uid, 'FUID'),
  fuser: with_(user, 'FUSER'),
  gid,
  group,
  ignored: signal('IGNORED'),
  intpri: ['PRI', 3, 'right', num((p) => 60 + p.priority), (p) => p.priority],
  label: ['LABEL', 31, 'left', nop, (p) => p.pid],
  lstart: ['STARTED', 24, 'right', (p, c) => ctime(startedAt(p, c.snapshot)), begun],
  lwp: with_(pid, 'LWP'),
  ni: ['NI', 3, 'right', (p) => (p.policy === 0 || p.policy === 3 ? String(p.nice) : '-'), (p) => p.nice],
  m_drs: ['DRS', 5, 'right', num((p) => p.vsz - codeSize(p)), (p) => p.vsz],
  m_trs: ['TRS', 5, 'right', num(codeSize), (p) => p.vsz],
  maj_flt: ['MAJFL', 6, 'right', num(majorFaults), majorFaults],
  majflt: ['MAJFLT', 6, 'right', num(majorFaults), majorFaults],
  nice: ['NI', 3, 'right', (p) => (p.policy === 0 || p.policy === 3 ? String(p.nice) : '-'), (p) => p.nice],
  nlwp: ['NLWP', 4, 'right', num((p) => p.threads), (p) => p.threads],
  nwchan: ['WCHAN', 6, 'right', nop],
  opri: ['PRI', 3, 'right', num((p) => 60 + p.priority), (p) => p.priority],
  pcpu,
  pending: signal('PENDING'),
  pgid,
  pgrp: with_(pgid, 'PGRP'),
  pid,
  pmem,
  policy: ['POL', 3, 'left', (p) => CLASSES[p.policy] ?? '?', (p) => p.policy],
  ppid,
  pri: ['PRI', 3, 'right', num((p) => 39 - p.priority), (p) => p.priority],
  priority: ['PRI', 3, 'right', num((p) => p.priority), (p) => p.priority],
  psr: ['PSR', 3, 'right', num((p) => p.processor), (p) => p.processor],
  rgid: with_(gid, 'RGID'),
  rgroup: with_(group, 'RGROUP'),
  rss,
  rssize: rss,
  rsz: with_(rss, 'RSZ'),
  rtprio: ['RTPRIO', 6, 'right', (p) => (p.policy === 0 ? '-' : String(p.rtprio)), (p) => p.rtprio],
  ruid: with_(uid, 'RUID'),
  ruser: with_(user, 'RUSER'),
  s: ['S', 1, 'left', (p) => p.state, (p) => p.state],
  sched: ['SCH', 3, 'right', num((p) => p.policy), (p) => p.policy],
  sess,
  session: sess,
  sig: signal('PENDING'),
  sig_block: signal('BLOCKED'),
  sig_catch: signal('CATCHED'),
  sig_ignore: signal('IGNORED'),
  sig_pend: signal('SIGNAL'),
  sigcatch: signal('CAUGHT'),
  sigignore: signal('IGNORED'),
  sigmask: signal('BLOCKED'),
  sgi_p: ['P', 1, 'right', (p) => (p.state === 'R' ? String(p.processor) : '*'), (p) => p.state],
  sgid: with_(gid, 'SGID'),
  sgroup: with_(group, 'SGROUP'),
  sid: with_(sess, 'SID'),
  spid: with_(pid, 'SPID'),
  start: [
    'STARTED',
    8,
    'right',
    (p, c) => longStart(startedAt(p, c.snapshot), Math.floor(c.snapshot.now / 1000)),
    begun,
  ],
  start_time: [
    'START',
    5,
    'right',
    (p, c) => shortStart(startedAt(p, c.snapshot), Math.floor(c.snapshot.now / 1000)),
    begun,
  ],
  stat: ['STAT', 4, 'left', stat, (p) => p.state],
  state: ['S', 1, 'left', (p) => p.state, (p) => p.state],
  stime: [
    'STIME',
    5,
    'right',
    (p, c) => shortStart(startedAt(p, c.snapshot), Math.floor(c.snapshot.now / 1000)),
    begun,
  ],
  suid: with_(uid, 'SUID'),
  suser: with_(user, 'SUSER'),
  svgid: with_(gid, 'SVGID'),
  svuid: with_(uid, 'SVUID'),
  sz: ['SZ', 5, 'right', num((p) => Math.floor(p.vsz / 4)), (p) => p.vsz],
  tgid: with_(pid, 'TGID'),
  thcount: ['THCNT', 5, 'right', num((p) => p.threads), (p) => p.threads],
  tid: with_(pid, 'TID'),
  time,
  trs: ['TRS', 4, 'right', num(codeSize), (p) => p.vsz],
  times: ['TIME', 8, 'right', (p) => String(Math.trunc(cpuTicks(p) / HZ)), cpuTicks],
  tname: with_(tty, 'TTY'),
  tpgid: ['TPGID', 5, 'right', num((p) => p.tpgid), (p) => p.tpgid],
  tt: tty,
  tty,
  tty4: ['TTY', 4, 'left', (p) => p.tty.replace(/^(pts\/|tty)/, ''), (p) => p.tty],
  tty8: with_(tty, 'TTY'),
  ucmd: with_(comm, 'CMD'),
  ucomm: comm,
  uid,
  uid_hack: with_(user, 'UID'),
  uname: user,
  user,
  vsize: vsz,
  vsz,
  wchan: ['WCHAN', 6, 'wchan', (p, c) => p.wchan.slice(0, c.room), (p) => p.wchan],
  wname: ['WCHAN', 6, 'wchan', (p, c) => p.wchan.slice(0, c.room), (p) => p.wchan],
};

/** The specifier's definition, or undefined for one procps does not know. */
export function formatSpec(spec: string): FormatSpec | undefined {
  const row = Object.hasOwn(ROWS, spec) ? ROWS[spec] : undefined;
  if (!row) return undefined;
  const [head, width, align, print, key] = row;
  return { head, width, align, print, key: key ?? (() => 0), pidmax: PID_COLUMNS.has(spec) };
}

/** `ps L`: every specifier that prints something, with its header. */
export function specifierList(): string {
  return Object.keys(ROWS)
    .sort()
    .filter((spec) => ROWS[spec][3] !== nop)
    .map((spec) => `${spec.slice(0, 12).padEnd(12)} ${ROWS[spec][0].slice(0, 8).padEnd(8)}\n`)
    .join('');
}

/** The macros: several columns under one name. */
export const MACROS: Record<string, string> = {
  DFMT: 'pid,tname,state,cputime,cmd',
  FLASK_context: 'pid,context,command',
  DefBSD: 'pid,tname,stat,bsdtime,args',
  DefSysV: 'pid,tname,time,cmd',
  END_BSD: 'state,tname,cputime,comm',
  END_SYS5: 'state,tname,time,command',
  OL_j: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
  OL_l: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args',
  OL_s: 'uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args',
  OL_u: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
  OL_v: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args',
  Std_f: 'uid_hack,pid,ppid,c,stime,tname,time,cmd',
  Std_fl: 'f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd',
  Std_l: 'f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd',
};

/** The short sort keys of O and k codes (procps' shortsort_array). */
export const SHORT_SORTS: Record<string, string> = {
  C: 'pcpu',
  G: 'tpgid',
  P: 'ppid',
  T: 'start_time',
  U: 'uid',
  c: 'cmd',
  f: 'flags',
  g: 'pgrp',
  o: 'session',
  p: 'pid',
  r: 'rss',
  t: 'tty',
  u: 'user',
  v: 'vsize',
  y: 'priority',
};
