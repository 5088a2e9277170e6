// busybox's applets as the busybox and alpine images carry them on PATH: busybox's own texts
// (usage, getopt's complaints, error wording), behaviour shared with the host's GNU utilities
// where it is the same.
import { BASE_PROGRAMS } from '../programs';
import type { Program } from '../types';
import { GNU_APPLETS } from './gnu-applets';
import { env, hostname, id, uname } from './identity';
import { ifconfig, ip } from './ifconfig';
import { ls } from './ls';
import { date, printf, pwd, sed, sleep, tar, vi } from './misc-applets';
import { multiCall } from './multi-call';
import { nc } from './nc';
import { nslookup } from './nslookup';
import { ping } from './ping';
import { ps } from './ps';
import { top } from './top';
import { wc } from './wc';
import { wget } from './wget';

/** The applets implemented here, by name (on top of the shared BASE_PROGRAMS). */
export const APPLETS: Record<string, Program> = {
  ...GNU_APPLETS,
  date,
  env,
  hostname,
  id,
  ifconfig,
  ip,
  ls,
  nc,
  nslookup,
  ping,
  printf,
  ps,
  pwd,
  sed,
  sleep,
  tar,
  top,
  uname,
  vi,
  wc,
  wget,
  busybox: multiCall(() => BUSYBOX_PROGRAMS),
};

/** Everything on a busybox image's PATH. */
export const BUSYBOX_PROGRAMS: Record<string, Program> = { ...BASE_PROGRAMS, ...APPLETS };
