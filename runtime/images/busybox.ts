import { BASE_PROGRAMS } from './programs';
import type { ImageModule } from './types';

/** busybox: `sh` as its command, the applets on PATH. */
export const BUSYBOX: ImageModule = {
  repository: 'docker.io/library/busybox',
  tags: /^(latest|stable|musl|glibc|uclibc|1\.\d+(\.\d+)?(-(musl|glibc|uclibc))?)$/,
  sizeBytes: 4_277_910,
  config: { cmd: ['sh'] },
  files: () => ({
    '/etc/passwd':
      'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
    '/etc/group': 'root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n',
  }),
  programs: { ...BASE_PROGRAMS },
};

/** alpine: busybox's applets under a musl userland. */
export const ALPINE: ImageModule = {
  repository: 'docker.io/library/alpine',
  tags: /^(latest|edge|3(\.\d+){0,2})$/,
  sizeBytes: 8_310_000,
  config: { cmd: ['/bin/sh'] },
  files: () => ({ '/etc/alpine-release': '3.22.2\n' }),
  programs: { ...BASE_PROGRAMS },
};
