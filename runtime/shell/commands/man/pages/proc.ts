// proc(5): the files kubeplay's /proc has.
import { example, option, type ManPage } from '../page';

export const PROC: ManPage = {
  name: 'proc',
  section: '5',
  summary: 'process information, system information, and sysctl pseudo-filesystem',
  synopsis: ['**mount -t proc proc /proc**'],
  source: 'Linux man-pages 6.7',
  date: '2023-12-16',
  sections: [
    {
      title: 'DESCRIPTION',
      blocks: [
        'The files under /proc are not stored anywhere: the kernel writes their text when they are read, to show its view of the machine. They list with a size of 0, and most can only be read.',
        option('/proc/cpuinfo', 'one stanza per CPU: its vendor, model name, speed, cache and flags'),
        option('/proc/meminfo', 'the memory in use, free and available, in kB; **free**(1) shows the same numbers'),
        option('/proc/version', 'the running kernel and how it was built; **uname -a** shows part of it'),
        option(
          '/proc/uptime',
          'the seconds since the machine booted, and the seconds its CPUs spent idle (summed over all of them)',
        ),
        option(
          '/proc/loadavg',
          'the number of jobs waiting to run, averaged over 1, 5 and 15 minutes, then the runnable and total tasks and the last process ID',
        ),
        option('/proc/mounts', 'the mounted file systems, one per line: device, mount point, type and options'),
        option('/proc/filesystems', 'the file system types the kernel supports'),
      ],
    },
    { title: 'EXAMPLES', blocks: [example('grep -c processor /proc/cpuinfo', 'head -3 /proc/meminfo')] },
    { title: 'SEE ALSO', blocks: ['**free**(1), **uname**(1), **df**(1)'] },
  ],
};
