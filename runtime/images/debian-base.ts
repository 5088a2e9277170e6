/**
 * The files of Debian 13 (trixie) that images built on debian:trixie(-slim) carry and learners
 * look at: /etc/os-release, /etc/debian_version, and the base users and groups.
 */
export const DEBIAN_OS_RELEASE =
  'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\n' +
  'NAME="Debian GNU/Linux"\n' +
  'VERSION_ID="13"\n' +
  'VERSION="13 (trixie)"\n' +
  'VERSION_CODENAME=trixie\n' +
  'DEBIAN_VERSION_FULL=13.1\n' +
  'ID=debian\n' +
  'HOME_URL="https://www.debian.org/"\n' +
  'SUPPORT_URL="https://www.debian.org/support"\n' +
  'BUG_REPORT_URL="https://bugs.debian.org/"\n';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
  'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
  'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];

const GROUP = [
  'root:x:0:',
  'daemon:x:1:',
  'bin:x:2:',
  'sys:x:3:',
  'adm:x:4:',
  'tty:x:5:',
  'disk:x:6:',
  'lp:x:7:',
  'mail:x:8:',
  'news:x:9:',
  'uucp:x:10:',
  'man:x:12:',
  'proxy:x:13:',
  'kmem:x:15:',
  'dialout:x:20:',
  'fax:x:21:',
  'voice:x:22:',
  'cdrom:x:24:',
  'floppy:x:25:',
  'tape:x:26:',
  'sudo:x:27:',
  'audio:x:29:',
  'dip:x:30:',
  'www-data:x:33:',
  'backup:x:34:',
  'operator:x:37:',
  'list:x:38:',
  'irc:x:39:',
  'src:x:40:',
  'shadow:x:42:',
  'utmp:x:43:',
  'video:x:44:',
  'sasl:x:45:',
  'plugdev:x:46:',
  'staff:x:50:',
  'games:x:60:',
  'users:x:100:',
  'nogroup:x:65534:',
];

/** Debian's base files, with `extraUsers`/`extraGroups` lines an image's Dockerfile added. */
/** The top-level directories of a Debian root (bin, lib, lib64 and sbin link into /usr there). */
export const DEBIAN_DIRECTORIES: readonly string[] = [
  '/bin',
  '/boot',
  '/home',
  '/lib',
  '/lib64',
  '/media',
  '/mnt',
  '/opt',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/usr',
  '/var',
];

export function debianFiles(extraUsers: string[] = [], extraGroups: string[] = []): Record<string, string> {
  return {
    '/etc/os-release': DEBIAN_OS_RELEASE,
    '/etc/debian_version': '13.1\n',
    '/etc/passwd': [...PASSWD, ...extraUsers].map((line) => `${line}\n`).join(''),
    '/etc/group': [...GROUP, ...extraGroups].map((line) => `${line}\n`).join(''),
  };
}
