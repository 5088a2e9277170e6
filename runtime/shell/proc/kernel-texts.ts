// The small /proc files that describe the running kernel: version, uptime, load, mounts.
import { KERNEL } from '../commands/uname';
import { SHELL_PID } from '../login-shell';
import { CPU_COUNT } from './cpuinfo';

/** /proc/version: what `uname -r` and `uname -v` say, with Ubuntu's build host and toolchain. */
export function versionText(): string {
  return (
    `${KERNEL.sysname} version ${KERNEL.release} (buildd@lcy02-amd64-103) ` +
    '(x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ' +
    `${KERNEL.version}\n`
  );
}

/**
 * /proc/uptime: seconds since boot, then the seconds the CPUs have idled, summed over both
 * (a mostly idle machine: 93% of the time).
 */
export function uptimeText(uptimeMs: number): string {
  const up = Math.max(0, uptimeMs) / 1000;
  return `${up.toFixed(2)} ${(up * CPU_COUNT * 0.93).toFixed(2)}\n`;
}

/** /proc/loadavg: the 1, 5 and 15 minute loads of a quiet host, running/total tasks, last pid. */
export function loadavgText(): string {
  return `0.31 0.27 0.22 1/412 ${SHELL_PID}\n`;
}

/** /proc/mounts: the filesystems `df` lists, and the kernel's own (proc, sysfs, devpts, …). */
export const MOUNTS_TEXT = [
  'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  'udev /dev devtmpfs rw,nosuid,relatime,size=4017068k,nr_inodes=1004267,mode=755,inode64 0 0',
  'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000 0 0',
  'tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=807448k,mode=755,inode64 0 0',
  '/dev/sda1 / ext4 rw,relatime,discard,errors=remount-ro,commit=30 0 0',
  'securityfs /sys/kernel/security securityfs rw,nosuid,nodev,noexec,relatime 0 0',
  'tmpfs /dev/shm tmpfs rw,nosuid,nodev,inode64 0 0',
  'tmpfs /run/lock tmpfs rw,nosuid,nodev,noexec,relatime,size=5120k,inode64 0 0',
  'cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0',
  '/dev/sda15 /boot/efi vfat rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro 0 0',
  'tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,size=807444k,nr_inodes=201861,mode=700,uid=1000,gid=1000,inode64 0 0',
  '',
].join('\n');

/** /proc/filesystems: the filesystem types the kernel knows; `nodev` marks those without a device. */
export const FILESYSTEMS_TEXT = [
  'nodev\tsysfs',
  'nodev\ttmpfs',
  'nodev\tbdev',
  'nodev\tproc',
  'nodev\tcgroup',
  'nodev\tcgroup2',
  'nodev\tcpuset',
  'nodev\tdevtmpfs',
  'nodev\tdebugfs',
  'nodev\ttracefs',
  'nodev\tsecurityfs',
  'nodev\tsockfs',
  'nodev\tbpf',
  'nodev\tpipefs',
  'nodev\tramfs',
  'nodev\thugetlbfs',
  'nodev\tdevpts',
  '\text3',
  '\text2',
  '\text4',
  '\tsquashfs',
  '\tvfat',
  'nodev\tmqueue',
  'nodev\tpstore',
  'nodev\toverlay',
  '\tfuse',
  'nodev\tfusectl',
  '',
].join('\n');
