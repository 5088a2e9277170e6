// `kubeplay kubectl ARGS…`: kubeplay's kubectl as a client of any API server. The kubeconfig in
// effect says where (kubeconfig-connection.ts), requests go over HTTP(S) (http-api.ts), files
// come from the host (host-volume.ts), and the output goes to the process's own streams.
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import type { Clock } from '../runtime/clock';
import { kubectl } from '../runtime/kubectl/kubectl';
import type { InputStream, OutputStream, ShellServices, Tty } from '../runtime/shell/command';
import { realClock } from './host';
import { httpApi } from './http-api';
import { hostVolume } from './host-volume';
import { connectionFlags, kubeconfigFiles, resolveConnection } from './kubeconfig-connection';

/** Where one run reads and writes: the process's streams, or a test's. */
export interface KubectlIo {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The client's clock (ages kubectl computes itself); the real one by default. */
  clock?: Clock;
  tty?: Tty;
}

/** A Node readable as the shell's InputStream, read only once kubectl asks (`-f -`, `exec -i`). */
export function nodeInput(readable: NodeJS.ReadStream): InputStream {
  let iterator: AsyncIterator<Buffer | string> | undefined;
  const decoder = new TextDecoder();
  return {
    async read() {
      iterator ??= readable[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) return null;
      return typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
    },
    close: () => readable.pause(),
  };
}

/** A Node writable as the shell's OutputStream, waiting for it to drain when its buffer is full. */
export function nodeOutput(writable: NodeJS.WriteStream): OutputStream {
  return {
    write: (text) =>
      writable.write(text) ? undefined : new Promise<void>((drained) => writable.once('drain', () => drained())),
  };
}

/** The terminal of `kubectl exec -t` when both standard input and output are one. */
function processTty(): Tty | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return {
    get cols() {
      return process.stdout.columns;
    },
    get rows() {
      return process.stdout.rows;
    },
    setRawMode: (raw) => void process.stdin.setRawMode(raw),
    onResize(listener) {
      process.stdout.on('resize', listener);
      return () => void process.stdout.off('resize', listener);
    },
  };
}

/** The text the real kubectl prints when the server cannot be reached, or undefined for other errors. */
function connectionError(error: unknown, server: string): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  const host = new URL(server).host;
  if (code === 'ECONNREFUSED')
    return `The connection to the server ${host} was refused - did you specify the right host or port?\n`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH')
    return `Unable to connect to the server: ${(error as Error).message}\n`;
  return undefined;
}

/** Runs kubeplay's kubectl with `args` against the kubeconfig's server; resolves to its exit code. */
export async function runKubectl(args: readonly string[], io: KubectlIo): Promise<number> {
  const flags = connectionFlags(args);
  const tracked = kubeconfigFiles(flags, io.env, io.cwd);
  let connection;
  try {
    connection = resolveConnection(flags, io.env, io.cwd);
  } catch (error) {
    await io.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
  const api = httpApi(connection);
  const { volume, writeBack } = hostVolume(args, io.cwd, tracked);
  const controller = new CancelController();
  const interrupt = (): void => controller.abort();
  process.on('SIGINT', interrupt);
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => e[1] !== undefined));
  const shell = {
    clock: io.clock ?? realClock(),
    api: new ApiClient(api.handler),
    fs: volume,
    commands: new Map([[kubectl.name, kubectl]]),
    exit: () => {},
    lastStatus: () => 0,
  } as unknown as ShellServices;
  try {
    const code = await kubectl.run({
      argv: ['kubectl', ...args],
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env,
      cwd: io.cwd,
      fs: volume,
      tty: io.tty,
      signal: controller.signal,
      shell,
    });
    writeBack();
    return code;
  } catch (error) {
    const text = connectionError(error, connection.server);
    if (!text) throw error;
    await io.stderr.write(text);
    return 1;
  } finally {
    process.off('SIGINT', interrupt);
    api.close();
  }
}

/** `kubeplay kubectl ARGS…` on the process's own streams. */
export function runKubectlCommand(args: readonly string[]): Promise<number> {
  return runKubectl(args, {
    stdin: nodeInput(process.stdin),
    stdout: nodeOutput(process.stdout),
    stderr: nodeOutput(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    tty: processTty(),
  });
}
