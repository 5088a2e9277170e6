import { redisTime } from './log-time';
import { DEBIAN_SHELLS } from './container-shell';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import type { ImageModule, Program } from './types';

const REDIS_VERSION = '8.2.3';

/** `redis-server`: the start-up log of the official image, then serve until SIGTERM. */
const redisServer: Program = (ctx) => {
  const at = redisTime(ctx.startedAt);
  const lines = [
    `1:C ${at} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${at} * Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=1, pid=1, just started`,
    `1:C ${at} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${at} * monotonic clock: POSIX clock_gettime`,
    `1:M ${at} * Running mode=standalone, port=6379.`,
    `1:M ${at} * Server initialized`,
    `1:M ${at} * Ready to accept connections tcp`,
  ];
  for (const line of lines) ctx.stdout.write(`${line}\n`);
  const close = ctx.listen(6379, { protocol: 'TCP' });
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT'], (signal) => {
    close();
    const now = ctx.clock.now();
    const at = redisTime(now);
    ctx.stdout.write(`1:signal-handler (${Math.floor(now / 1000)}) Received ${signal} scheduling shutdown...\n`);
    ctx.stdout.write(`1:M ${at} * User requested shutdown...\n`);
    ctx.stdout.write(`1:M ${at} * Saving the final RDB snapshot before exiting.\n`);
    ctx.stdout.write(`1:M ${at} * DB saved on disk\n`);
    ctx.stdout.write(`1:M ${at} # Redis is now ready to exit, bye bye...\n`);
  });
};

/** docker-entrypoint.sh: runs its arguments (as the redis user, which changes nothing here). */
const entrypoint: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const program = ctx.program(args[0] ?? '');
  if (!program) return Promise.resolve(127);
  // `exec "$@"`: the program replaces the script as the same process (PID 1, its signals).
  return program({ ...ctx, argv: args });
};

/** The official redis image (Debian based). */
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
  files: () => ({ '/data/.keep': '' }),
  programs: { ...BASE_PROGRAMS, ...DEBIAN_SHELLS, 'docker-entrypoint.sh': entrypoint, 'redis-server': redisServer },
};
