import type { Volume } from '../../shell/fs/volume';
import type { Listener, ProcessContext, ProcessSignal } from '../types';
import { nextPid } from './container-pids';
import { logLine, startupError } from './error-log';
import { stampImageFiles } from './html';
import { readServerConfig } from './server-config';
import { serveRequest } from './static-server';
import { BUILT_BY, NGINX_VERSION, OS_LINE } from './version';

/** `worker_processes auto`: one worker per CPU the container sees (the node's 2). */
export const AUTO_WORKERS = 2;
export const PID_FILE = '/run/nginx.pid';
const SIGNAL_NUMBERS: Partial<Record<ProcessSignal, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

/** A running master, found by `nginx -s` through the container's filesystem. */
export interface NginxMaster {
  pid: number;
  /** `signal` from process `from` in the container (undefined: from outside, e.g. the kubelet). */
  signal(signal: ProcessSignal, from?: number): void;
}

const masters = new WeakMap<Volume, NginxMaster>();

export function masterOf(fs: Volume): NginxMaster | undefined {
  return masters.get(fs);
}

/**
 * nginx in the foreground (`daemon off;`): its start-up notices, workers, the default server on
 * port 80 and, on signals, a reload (SIGHUP), a graceful (SIGQUIT) or fast (SIGTERM, SIGINT)
 * shutdown, with the log lines nginx writes for each (recorded from the real nginx:
 * tests/fixtures/nginx/results.json). Without `daemon off;` it forks into the background and the
 * process the container started exits at once.
 */
export function runMaster(ctx: ProcessContext, daemon: boolean, workerCount = AUTO_WORKERS): Promise<number> {
  const pid = ctx.pid1 ? 1 : nextPid(ctx.fs);
  // A container's nginx logs its start at the container's start: a process resumed after a reload replays it.
  let startTime: number | undefined = ctx.pid1 ? ctx.startedAt : undefined;
  const log = (message: string, from = pid): void =>
    logLine(ctx.stderr, startTime ?? ctx.clock.now(), 'notice', from, message);
  log('using the "epoll" event method');
  log(`nginx/${NGINX_VERSION}`);
  log(`built by ${BUILT_BY}`);
  log(`OS: ${OS_LINE}`);
  log('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  if (daemon) return Promise.resolve(0);
  stampImageFiles(ctx.fs);
  let connections = 0;
  let workers: number[] = [];
  const startWorkers = (): void => {
    log('start worker processes');
    workers = Array.from({ length: workerCount }, () => nextPid(ctx.fs));
    for (const worker of workers) log(`start worker process ${worker}`);
  };
  let server = readServerConfig(ctx.fs);
  const listener: Listener = {
    protocol: 'TCP',
    http: (request) => {
      const now = ctx.clock.now();
      const served = serveRequest(ctx.fs, request, now, ++connections, server);
      for (const error of served.errors) logLine(ctx.stderr, now, 'error', workers[0], error);
      ctx.stdout.write(served.accessLog);
      return Promise.resolve(served.response);
    },
  };
  /** Listens on the configured port; false (with nginx's complaint) when it is taken. */
  const bind = (): (() => void) | undefined => {
    try {
      return ctx.listen(server.port, listener);
    } catch {
      startupError(
        ctx.stderr,
        ctx.clock.now(),
        'emerg',
        pid,
        `bind() to 0.0.0.0:${server.port} failed (98: Address already in use)`,
      );
      return undefined;
    }
  };
  let listening = bind();
  if (!listening) return Promise.resolve(1);
  let close = listening;
  startWorkers();
  startTime = undefined;
  ctx.fs.writeFile(PID_FILE, `${pid}\n`);
  /** Old workers leaving: graceful ones finish first; each exit reaches the master as SIGCHLD. */
  const retire = (old: number[], graceful: boolean, exiting: boolean): void => {
    for (const worker of old) {
      if (graceful) log('gracefully shutting down', worker);
      log('exiting', worker);
      log('exit', worker);
      if (graceful) reap(worker, exiting && worker === old[old.length - 1]);
    }
    if (!graceful) for (const worker of old) reap(worker, exiting && worker === old[old.length - 1]);
  };
  const reap = (worker: number, last: boolean): void => {
    log(`signal 17 (SIGCHLD) received from ${worker}`);
    log(`worker process ${worker} exited with code 0`);
    if (!last) log('signal 29 (SIGIO) received');
  };
  const received = (signal: ProcessSignal, from: number | undefined, action: string): void =>
    log(`signal ${SIGNAL_NUMBERS[signal]} (${signal}) received${from === undefined ? '' : ` from ${from}`}, ${action}`);

  let stop: (signal: ProcessSignal) => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    stop = (signal) => {
      const graceful = signal === 'SIGQUIT';
      close();
      retire(workers, graceful, true);
      log('exit');
      try {
        ctx.fs.remove(PID_FILE);
      } catch {
        // Already gone.
      }
      masters.delete(ctx.fs);
      resolve(0);
    };
  });
  let stopping = false;
  const handle = (signal: ProcessSignal, from?: number): void => {
    if (stopping) return;
    if (signal === 'SIGHUP') {
      received(signal, from, 'reconfiguring');
      log('reconfiguring');
      log('using the "epoll" event method');
      // The configuration is read again: a changed port or root takes effect.
      const previous = server;
      server = readServerConfig(ctx.fs);
      if (server.port !== previous.port) {
        close();
        listening = bind();
        close = listening ?? (() => {});
      }
      const old = workers;
      startWorkers();
      retire(old, true, false);
      return;
    }
    if (!SIGNAL_NUMBERS[signal] || signal === 'SIGKILL') return;
    stopping = true;
    received(signal, from, signal === 'SIGQUIT' ? 'shutting down' : 'exiting');
    stop(signal);
  };
  masters.set(ctx.fs, { pid, signal: handle });
  const unsubscribe = ctx.onSignal((signal) => handle(signal));
  // SIGKILL (or the container going) leaves no log: the port and the master just go.
  const stopEnding = ctx.ended?.onAbort(() => {
    close();
    masters.delete(ctx.fs);
  });
  return stopped.finally(() => {
    unsubscribe();
    stopEnding?.();
  });
}
