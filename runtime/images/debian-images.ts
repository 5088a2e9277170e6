// The distribution images learners start shells in: debian (13, trixie) and ubuntu (24.04,
// noble). `bash` is their command, so without stdin (`kubectl run d --image=debian`) it exits at
// once and the pod completes and restarts; with -it it is a bash prompt. Their programs are the
// shared ones (bash and dash as `sh`; the coreutils come from ./programs).
import { GNU_PROGRAMS } from './gnu-programs';
import { DEBIAN_SHELLS } from './container-shell';
import { DEBIAN_DIRECTORIES, debianFiles } from './debian-base';
import { BASE_PROGRAMS } from './programs';
import type { ImageModule } from './types';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const DEBIAN: ImageModule = {
  repository: 'docker.io/library/debian',
  tags: /^(latest|stable|trixie|bookworm|13(\.\d+)?|12(\.\d+)?|(trixie|bookworm|stable)-slim)$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 120_000_000,
  config: { cmd: ['bash'], env: { PATH } },
  directories: DEBIAN_DIRECTORIES,
  files: () => debianFiles(),
  programs: { ...BASE_PROGRAMS, ...GNU_PROGRAMS, ...DEBIAN_SHELLS },
};

const UBUNTU_OS_RELEASE =
  'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\n' +
  'VERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\n' +
  'SUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
  'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n' +
  'UBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n';

export const UBUNTU: ImageModule = {
  repository: 'docker.io/library/ubuntu',
  tags: /^(latest|rolling|noble|jammy|24\.04|22\.04|20\.04)$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 78_100_000,
  config: { cmd: ['/bin/bash'], env: { PATH } },
  directories: DEBIAN_DIRECTORIES,
  files: () => ({
    ...debianFiles(['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'], ['ubuntu:x:1000:']),
    '/etc/os-release': UBUNTU_OS_RELEASE,
    '/etc/debian_version': 'trixie/sid\n',
  }),
  programs: { ...BASE_PROGRAMS, ...GNU_PROGRAMS, ...DEBIAN_SHELLS },
};
