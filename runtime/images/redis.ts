import { GNU_PROGRAMS } from './gnu-programs';
import { DEBIAN_DIRECTORIES, debianFiles } from './debian-base';
import { DEBIAN_SHELLS } from './container-shell';
import { BASE_PROGRAMS } from './programs';
import { redisCli } from './redis/cli';
import { redisServer } from './redis/server';
import { REDIS_VERSION } from './redis/version';
import type { ImageModule, Program } from './types';

/** docker-entrypoint.sh: runs its arguments (as the redis user, which changes nothing here). */
const entrypoint: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const program = ctx.program(args[0] ?? '');
  if (!program) return Promise.resolve(127);
  // `exec "$@"`: the program replaces the script as the same process (PID 1, its signals).
  return program({ ...ctx, argv: args });
};

/** The official redis image (Debian based): redis-server and redis-cli (see ./redis/). */
export const REDIS: ImageModule = {
  repository: 'docker.io/library/redis',
  tags: /^(latest|alpine|bookworm|\d+(\.\d+){0,2}(-(alpine|bookworm))?)$/,
  sizeBytes: 137_476_381,
  config: {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { REDIS_VERSION },
    workingDir: '/data',
    exposedPorts: ['6379/tcp'],
  },
  directories: [...DEBIAN_DIRECTORIES, '/data'],
  files: () => debianFiles(['redis:x:999:999::/home/redis:/bin/sh'], ['redis:x:999:']),
  programs: {
    ...BASE_PROGRAMS,
    ...GNU_PROGRAMS,
    ...DEBIAN_SHELLS,
    'docker-entrypoint.sh': entrypoint,
    'redis-server': redisServer,
    'redis-cli': redisCli,
  },
};
