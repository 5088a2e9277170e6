// A fake busybox pod for the applets' tests: a busybox ProcessContext over a fresh volume, whose network
// answers DNS questions and HTTP requests from tables and refuses every other connection.
import { VirtualClock } from '../runtime/clock';
import type { DnsResponse } from '../runtime/network/dns-types';
import { NetError } from '../runtime/network/socket';
import { Volume } from '../runtime/shell/fs/volume';
import { fakeProcess } from '../runtime/images/fake-process';
import type { ContainerNetwork, HttpRequest, HttpResponse, Program } from '../runtime/images/types';
import { BUSYBOX_PROGRAMS } from '../runtime/images/busybox/index';
import { settle } from './controllers';

export interface FakeNet {
  address: string;
  /** DNS answers by `name TYPE` for the nameserver; unknown questions: NXDOMAIN. */
  dns: Record<string, DnsResponse>;
  /** The nameserver's address (others time out). */
  nameserver: string;
  /** `ip:port` → what answers HTTP there (others refuse). */
  http: Record<string, (request: Omit<HttpRequest, 'remoteAddress'>) => HttpResponse>;
  /** Hosts that exist (connections to them are refused, not timed out); default: any. */
  hosts?: string[];
}

export function fakeNetwork(net: FakeNet): ContainerNetwork {
  return {
    address: net.address,
    connect: async (ip, port) => {
      const exists =
        !net.hosts || net.hosts.includes(ip) || Object.keys(net.http).some((at) => at.startsWith(`${ip}:`));
      throw new NetError(exists ? 'ECONNREFUSED' : 'EHOSTUNREACH', ip, port);
    },
    http: async (ip, port, request) => {
      const serve = net.http[`${ip}:${port}`];
      if (!serve) throw new NetError('ECONNREFUSED', ip, port);
      return serve(request);
    },
    query: async (server, query) => {
      if (server !== net.nameserver) throw new NetError('ETIMEDOUT', server, 53);
      return (
        net.dns[`${query.name} ${query.type}`] ?? { rcode: 'NXDOMAIN', authoritative: true, answers: [], authority: [] }
      );
    },
  };
}

export interface PodRun {
  status: Promise<number>;
  clock: VirtualClock;
  /** The exit status, moving the virtual clock from timer to timer until the process ends. */
  finish(): Promise<number>;
  stdout(): string;
  stderr(): string;
  fs: Volume;
}

/** Runs `argv` as a process in a busybox pod with `files` and `net`. */
export function runInPod(
  argv: string[],
  options: {
    files?: Record<string, string>;
    /** Changes the files further before the process starts (modes, times). */
    prepare?: (fs: Volume) => void;
    net?: ContainerNetwork;
    cwd?: string;
    stdin?: string;
    tty?: boolean;
    hostname?: string;
  } = {},
): PodRun {
  const clock = new VirtualClock(Date.UTC(2026, 10, 29, 7, 21, 11));
  const fs = new Volume({ ...options.files });
  options.prepare?.(fs);
  const programs: Record<string, Program> = BUSYBOX_PROGRAMS;
  const pod = fakeProcess(argv, {
    fs,
    programs,
    clock,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: 'bb' },
    cwd: options.cwd,
    stdin: options.stdin,
    tty: options.tty,
    hostname: options.hostname ?? 'bb',
    pid1: false,
    net: options.net,
  });
  const program = programs[argv[0]];
  const status = program ? program(pod.ctx) : Promise.resolve(127);
  let done = false;
  void status.then(() => (done = true));
  const finish = async (): Promise<number> => {
    for (let i = 0; i < 10_000 && !done; i++) {
      await settle();
      if (!done) clock.advanceToNextTimer();
    }
    return status;
  };
  return { status, clock, finish, stdout: pod.stdout, stderr: pod.stderr, fs };
}
