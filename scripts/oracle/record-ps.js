// Re-records tests/fixtures/ps/results.json: each case of cases.json run through the real
// procps-ng 4.0.2 ps of this machine, reading kubeplay's own process table. The table
// (runtime/shell/commands/ps/process-snapshot.ts, at the case's uptime, with the learner's login
// shell and the ps itself) is written out as a /proc — stat, statm, status, cmdline, wchan of
// every pid, and uptime, stat, meminfo … — which a private mount namespace puts over /proc,
// with kubeplay's /etc/passwd and /etc/group; in a new pid namespace the next pid is set so
// that ps runs as pid 4243, as the learner (uid 1000), on pts/0. Tests replay each case through
// kubeplay's ps at the same instant and require the same stdout, stderr and exit status.
// Needs root (unshare, mount).
//   npx tsx scripts/oracle/record-ps.js
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualClock } from '../../runtime/clock';
import { codeSize, majorFaults } from '../../runtime/shell/commands/ps/format-specs';
import { takeSnapshot } from '../../runtime/shell/commands/ps/process-snapshot';
import { cpuShare, cpuTimes, CPU_STATES } from '../../runtime/shell/commands/top/cpu-times';
import { KERNEL } from '../../runtime/shell/commands/uname';
import { createHostFilesystem } from '../../runtime/shell/host-filesystem';
import { cpuinfoText } from '../../runtime/shell/proc/cpuinfo';
import { loadavgText } from '../../runtime/shell/proc/kernel-texts';
import { meminfoText } from '../../runtime/shell/proc/memory';
import { MemoryBackend } from '../../runtime/storage/backend';

/** The learner's login shell and the command asking, as the session lists them. */
export function sessionOf(loginAt, now, args, extra = []) {
  const entry = (pid, ppid, stat, text, at) => ({
    pid,
    ppid,
    user: 'learner',
    tty: 'pts/0',
    stat,
    args: text,
    startedAt: at,
  });
  return [entry(4242, 4241, 'Ss', '-bash', loginAt), entry(4243, 4242, 'R+', args, now), ...extra];
}

const hex16 = (n) => n.toString(16).padStart(16, '0');
const STATES = { R: 'R (running)', S: 'S (sleeping)', I: 'I (idle)', T: 'T (stopped)', D: 'D (disk sleep)' };

/** /proc/PID/stat, statm, status, cmdline and wchan of one process. */
function processFiles(p) {
  const kernel = p.args === '';
  const code = codeSize(p);
  const startCode = kernel ? 0 : 0x55d0c8a00000;
  const flags = kernel ? 0x00208000 | (p.flag << 6) : 0x00400000 | (p.flag << 6);
  const stat = [
    p.pid,
    `(${p.comm})`,
    p.state,
    p.ppid,
    p.pgid,
    p.sid,
    p.ttyNr,
    p.tpgid,
    flags,
    Math.floor(p.rss / 4) * 3,
    0,
    majorFaults(p),
    0,
    p.utime,
    p.stime,
    0,
    0,
    p.priority,
    p.nice,
    p.threads,
    0,
    p.startTicks,
    p.vsz * 1024,
    p.rss / 4,
    kernel ? 0 : '18446744073709551615',
    startCode,
    startCode + code * 1024,
    kernel ? 0 : 0x7ffd00000000 + p.pid * 0x10000,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    17,
    p.processor,
    p.rtprio,
    p.policy,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ].join(' ');
  const vm = kernel
    ? ''
    : [
        ['VmPeak', p.vsz + 1024],
        ['VmSize', p.vsz],
        ['VmLck', p.locked ? 27008 : 0],
        ['VmPin', 0],
        ['VmHWM', p.rss + 256],
        ['VmRSS', p.rss],
        ['RssAnon', p.rss - p.shr],
        ['RssFile', p.shr],
        ['RssShmem', 0],
        ['VmData', Math.floor((p.vsz - code) / 2)],
        ['VmStk', 132],
        ['VmExe', code],
        ['VmLib', Math.floor((p.vsz - code) / 4)],
        ['VmPTE', 64],
        ['VmSwap', 0],
      ]
        .map(([k, v]) => `${k}:\t${String(v).padStart(8)} kB\n`)
        .join('');
  const status =
    `Name:\t${p.comm}\nUmask:\t0022\nState:\t${STATES[p.state]}\nTgid:\t${p.pid}\nNgid:\t0\nPid:\t${p.pid}\n` +
    `PPid:\t${p.ppid}\nTracerPid:\t0\nUid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\n` +
    `Gid:\t${p.gid}\t${p.gid}\t${p.gid}\t${p.gid}\nFDSize:\t64\nGroups:\t\n` +
    vm +
    `Threads:\t${p.threads}\nSigQ:\t0/31489\nSigPnd:\t${hex16(0)}\nShdPnd:\t${hex16(0)}\nSigBlk:\t${hex16(0)}\n` +
    `SigIgn:\t${hex16(0)}\nSigCgt:\t${hex16(0)}\n`;
  const statm = `${p.vsz / 4} ${p.rss / 4} ${p.shr / 4} ${code / 4} 0 ${(p.vsz - code) / 4} 0\n`;
  return {
    stat: `${stat}\n`,
    statm: kernel ? '0 0 0 0 0 0 0\n' : statm,
    status,
    cmdline: kernel ? '' : `${p.args.split(' ').join('\0')}\0`,
    wchan: p.wchan === '-' ? '0' : p.wchan,
  };
}

/** /proc/stat: the machine's CPU times at `uptime`, and boot time. */
function statText(uptime, btime, running) {
  const all = cpuTimes(uptime);
  const line = (name, t) => `${name} ${CPU_STATES.map((s) => t[s]).join(' ')} 0 0\n`;
  return (
    line('cpu ', all) +
    line('cpu0', cpuShare(all, 0)) +
    line('cpu1', cpuShare(all, 1)) +
    `intr ${Math.floor(uptime * 1500)}\nctxt ${Math.floor(uptime * 2900)}\nbtime ${btime}\n` +
    `processes ${Math.floor(uptime * 3)}\nprocs_running ${running}\nprocs_blocked 0\nsoftirq ${Math.floor(uptime * 400)}\n`
  );
}

/** Writes (or rewrites in place) the processes of `snapshot` under `dir`. */
export function writeProcesses(dir, snapshot) {
  // tmpfs lists a directory newest first: create pids from the highest so they read in order.
  for (const p of [...snapshot.processes].sort((a, b) => b.pid - a.pid)) {
    const pdir = join(dir, String(p.pid));
    mkdirSync(join(pdir, 'task'), { recursive: true });
    for (const [name, text] of Object.entries(processFiles(p))) writeFileSync(join(pdir, name), text);
    // Without /proc/PID/status, libproc2 takes the owner from the directory's (as top does).
    chownSync(pdir, p.uid, p.gid);
  }
}

/** /proc/stat for `snapshot`'s instant. */
export const statOf = (snapshot) =>
  statText(snapshot.uptime, snapshot.btime, snapshot.processes.filter((p) => p.state === 'R').length);

/** /proc/uptime for `snapshot`'s instant. */
export const uptimeOf = (snapshot) => `${snapshot.uptime.toFixed(2)} ${(snapshot.uptime * 2 * 0.93).toFixed(2)}\n`;

/** Writes the /proc of `snapshot` under `dir` (without /proc/uptime when another serves it). */
export function writeProc(dir, snapshot, selfPid, { uptime = true } = {}) {
  mkdirSync(join(dir, 'sys/kernel'), { recursive: true });
  mkdirSync(join(dir, 'tty'), { recursive: true });
  writeProcesses(dir, snapshot);
  const files = {
    ...(uptime ? { uptime: uptimeOf(snapshot) } : {}),
    stat: statOf(snapshot),
    meminfo: meminfoText(),
    loadavg: loadavgText(),
    cpuinfo: cpuinfoText(),
    version: `Linux version ${KERNEL.release}\n`,
    'sys/kernel/pid_max': '4194304\n',
    'sys/kernel/osrelease': `${KERNEL.release}\n`,
    'tty/drivers': readFileSync('/proc/tty/drivers', 'utf8'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  rmSync(join(dir, 'self'), { force: true });
  symlinkSync(String(selfPid), join(dir, 'self'));
}

/** utmp with the learner logged in on pts/0 (top counts users from it). */
function utmp() {
  const record = Buffer.alloc(384);
  record.writeInt16LE(7, 0); // USER_PROCESS
  record.writeInt32LE(4242, 4);
  record.write('pts/0', 8);
  record.write('ts/0', 40);
  record.write('learner', 44);
  record.write('192.168.49.1', 76);
  return record;
}

/** kubeplay's /etc/passwd and /etc/group, and the files the namespace mounts. */
export async function hostFiles(work) {
  const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock: new VirtualClock(0) });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'passwd'), fs.readFile('/etc/passwd'));
  writeFileSync(join(work, 'group'), fs.readFile('/etc/group'));
  writeFileSync(join(work, 'utmp'), utmp());
  mkdirSync(join(work, 'realproc'), { recursive: true });
  mkdirSync(join(work, 'run'), { recursive: true });
}

/**
 * The shell script that sets the namespace up, then runs `command` (as pid 4243: the next one).
 * Unless `pts` is false (a pty is needed), /dev/pts holds pts/0 alone.
 */
export function namespaceScript(work, proc, command, lastPid = 4242, pts = true) {
  return [
    'set -e',
    `mount -t proc proc ${work}/realproc`,
    `mount --bind ${proc} /proc`,
    ...(pts ? ['mount -t tmpfs tmpfs /dev/pts', 'mknod /dev/pts/0 c 136 0'] : []),
    `mount --bind ${work}/passwd /etc/passwd`,
    `mount --bind ${work}/group /etc/group`,
    `mount -t tmpfs tmpfs /run && cp ${work}/utmp /run/utmp`,
    `echo ${lastPid} > ${work}/realproc/sys/kernel/ns_last_pid`,
    'set +e',
    `${command}`,
  ].join('\n');
}

/** Runs `argv` (after `env -i ENV`) as the learner inside the namespace over `proc`. */
export function runInHost(work, proc, env, argv, lastPid = 4242) {
  const envWords = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const script = namespaceScript(work, proc, 'env -i "$@"', lastPid);
  const child = spawnSync(
    'unshare',
    [
      '-m',
      '-p',
      '-f',
      '--propagation',
      'private',
      'sh',
      '-c',
      script,
      'sh',
      ...envWords,
      'setpriv',
      '--reuid=1000',
      '--regid=1000',
      '--clear-groups',
      ...argv,
    ],
    { encoding: 'utf8' },
  );
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

/** The default instant: 1 h 12 min after boot, the learner logged in 20 minutes ago. */
export const DEFAULT_UPTIME = 4321.27;
export const DEFAULT_SESSION = 1234.5;

/** Boot time (so that now is the real time), now and the login, in whole ms as the tests count them. */
export function instant(uptime, sessionAge) {
  const btime = Math.floor(Date.now() / 1000 - uptime);
  const now = btime * 1000 + Math.round(uptime * 1000);
  return { btime, now, loginAt: btime * 1000 + Math.round((uptime - sessionAge) * 1000) };
}

async function main() {
  const dir = new URL('../../tests/fixtures/ps/', import.meta.url);
  const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'));
  const work = `/dev/shm/kubeplay-ps-${process.pid}`;
  await hostFiles(work);
  const results = [];
  for (const c of cases) {
    const uptime = c.uptime ?? DEFAULT_UPTIME;
    const sessionAge = c.session ?? DEFAULT_SESSION;
    const { btime, now, loginAt } = instant(uptime, sessionAge);
    const args = ['ps', ...c.args].join(' ');
    // Background jobs started before the ps, as `sleep 1000 &` at the prompt: pids 4243 on.
    const jobs = (c.jobs ?? []).map((text, i) => ({
      pid: 4243 + i,
      ppid: 4242,
      user: 'learner',
      tty: 'pts/0',
      stat: 'S',
      args: text,
      startedAt: now,
    }));
    const selfPid = 4243 + jobs.length;
    const session = sessionOf(loginAt, now, args, jobs).map((e) => (e.args === args ? { ...e, pid: selfPid } : e));
    const snapshot = takeSnapshot({ now, uptime, loginAt, session });
    const proc = join(work, 'proc');
    rmSync(proc, { recursive: true, force: true });
    writeProc(proc, snapshot, selfPid);
    const env = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', TZ: 'UTC', ...(c.cols ? { COLUMNS: String(c.cols) } : {}) };
    const { stdout, stderr, status } = runInHost(work, proc, env, ['ps', ...c.args], selfPid - 1);
    results.push({ ...c, btime, stdout, stderr, status });
  }
  rmSync(work, { recursive: true, force: true });
  writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`ps: ${results.length} cases recorded`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) await main();
