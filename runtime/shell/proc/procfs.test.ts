import { describe, expect, it } from 'vitest';
import { CancelController } from '../../cancel';
import { VirtualClock } from '../../clock';
import { MemoryBackend } from '../../storage/backend';
import { SHELL_COMMANDS } from '../commands';
import { createHostFilesystem } from '../host-filesystem';
import { Interpreter, type ShellRuntime } from '../interpreter/interpreter';
import { ShellState } from '../interpreter/state';
import { standardFds } from '../interpreter/streams';
import { EMPTY_INPUT } from '../process';
import { Parser } from '../syntax/parser';
import { cpuinfoText } from './cpuinfo';
import { meminfoText } from './memory';

const BOOT = Date.UTC(2026, 10, 29, 7, 0, 0);

/** A non-interactive shell on the learner's host, in /home/learner, as bash -c runs lines. */
async function hostShell() {
  const clock = new VirtualClock(BOOT);
  const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock });
  const commands = new Map(SHELL_COMMANDS.map((c) => [c.name, c]));
  const services = { clock, fs, commands } as unknown as ShellRuntime['services'];
  const state = new ShellState();
  state.cwd = '/home/learner';
  const runtime: ShellRuntime = { services, interactive: false, nextPid: () => 100, ticks: 0 };
  const shell = new Interpreter(state, runtime, new CancelController().signal);
  const run = async (text: string) => {
    let stdout = '';
    let stderr = '';
    const fds = standardFds(EMPTY_INPUT, { write: (t) => void (stdout += t) }, { write: (t) => void (stderr += t) });
    const parser = new Parser(text);
    let status = 0;
    for (let list = parser.nextCommand(); list; list = parser.nextCommand())
      status = await shell.runTopLevel(list, fds);
    return { stdout, stderr, status };
  };
  return { clock, fs, run };
}

describe('/proc on the host', () => {
  it('lists the kernel files, root-owned and read-only, with size 0 as Linux shows them', async () => {
    const { run, fs } = await hostShell();
    expect((await run('ls /proc')).stdout).toBe('cpuinfo\nfilesystems\nloadavg\nmeminfo\nmounts\nuptime\nversion\n');
    expect(fs.stat('/proc')).toMatchObject({ kind: 'directory', mode: 0o555, uid: 0 });
    expect(fs.stat('/proc/cpuinfo')).toMatchObject({ kind: 'file', mode: 0o444, uid: 0, size: 0 });
    expect((await run('ls -l /proc/version')).stdout).toBe('-r--r--r-- 1 root root 0 Nov 29 07:00 /proc/version\n');
  });

  it('has two x86_64 processors, as grep and nproc-style counting see them', async () => {
    const { run } = await hostShell();
    expect(await run('grep -c processor /proc/cpuinfo')).toEqual({ stdout: '2\n', stderr: '', status: 0 });
    expect((await run('grep "model name" /proc/cpuinfo')).stdout).toBe(
      'model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n',
    );
    expect(cpuinfoText().split('\n\n')).toHaveLength(3);
    expect((await run('cat /proc/cpuinfo')).stdout).toBe(cpuinfoText());
    expect((await run('head -5 /proc/cpuinfo')).stdout).toBe(
      'processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n',
    );
  });

  it("gives free's numbers in /proc/meminfo, laid out as Linux does", async () => {
    const { run } = await hostShell();
    const meminfo = (await run('cat /proc/meminfo')).stdout;
    expect(meminfo).toBe(meminfoText());
    expect(meminfo.split('\n').slice(0, 5)).toEqual([
      'MemTotal:        8074452 kB',
      'MemFree:         3169372 kB',
      'MemAvailable:    5661592 kB',
      'Buffers:          182340 kB',
      'Cached:          2354100 kB',
    ]);
    expect(meminfo).toContain('\nHugePages_Total:       0\n');
    expect(meminfo).toContain('\nVmallocTotal:   34359738367 kB\n');
    const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)?.[1]);
    // procps 4: used = total - available; buff/cache = Buffers + Cached + SReclaimable.
    const free = (await run('free')).stdout.split('\n')[1].split(/\s+/).slice(1).map(Number);
    expect(free).toEqual([
      kib('MemTotal'),
      kib('MemTotal') - kib('MemAvailable'),
      kib('MemFree'),
      kib('Shmem'),
      kib('Buffers') + kib('Cached') + kib('SReclaimable'),
      kib('MemAvailable'),
    ]);
  });

  it("reports uname's kernel in /proc/version", async () => {
    const { run } = await hostShell();
    const version = (await run('cat /proc/version')).stdout;
    const uname = (await run('uname -r; uname -v')).stdout.split('\n');
    expect(version).toBe(
      `Linux version ${uname[0]} (buildd@lcy02-amd64-103) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) ` +
        `13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${uname[1]}\n`,
    );
  });

  it('counts uptime from the boot on the clock, and shows a quiet load', async () => {
    const { run, clock } = await hostShell();
    expect((await run('cat /proc/uptime')).stdout).toBe('0.00 0.00\n');
    clock.advance(3_723_450);
    expect((await run('cat /proc/uptime')).stdout).toBe('3723.45 6925.62\n');
    expect((await run('cat /proc/loadavg')).stdout).toBe('0.31 0.27 0.22 1/412 4242\n');
  });

  it('lists the mounts df knows', async () => {
    const { run } = await hostShell();
    const mounts = (await run('cat /proc/mounts')).stdout;
    expect(mounts).toContain('\n/dev/sda1 / ext4 rw,relatime,discard,errors=remount-ro,commit=30 0 0\n');
    expect(mounts).toContain('\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n');
    expect((await run('grep -w ext4 /proc/filesystems')).stdout).toBe('\text4\n');
  });

  it('refuses writes as Linux does for a user (bash at the prompt; bash -c adds `line 1:`)', async () => {
    const { run } = await hostShell();
    // Recorded from bash 5.2 as an unprivileged user on Linux.
    expect(await run('echo x > /proc/uptime')).toEqual({
      stdout: '',
      stderr: 'bash: /proc/uptime: Permission denied\n',
      status: 1,
    });
    expect((await run('echo x >> /proc/version')).stderr).toBe('bash: /proc/version: Permission denied\n');
    expect(await run('rm -f /proc/uptime')).toEqual({
      stdout: '',
      stderr: "rm: cannot remove '/proc/uptime': Permission denied\n",
      status: 1,
    });
    expect((await run('cat /proc/uptime')).status).toBe(0);
  });
});
