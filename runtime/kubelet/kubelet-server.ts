import type {
  ContainerTarget,
  ExecOptions,
  KubeletServer,
  LogOptions,
  StreamOptions,
  StreamSession,
} from '../api/node-connection';
import type { Status } from '../api/status';
import { failure } from '../api/status';
import type { ApiRequest, ApiResponse } from '../api/types';
import { decodeUtf8, encodeUtf8 } from '../util/utf8';
import { AsyncQueue } from './async-queue';
import type { Container, LogLine } from './container';
import type { ContainerRecord } from './container-record';

/** Finds a pod's container record by namespace, pod and container name. */
export type RecordLookup = (target: ContainerTarget) => ContainerRecord | undefined;

const text = (status: number, body: string): ApiResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

/** RFC 3339 with nanoseconds, as `--timestamps` prefixes lines. */
function nanoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The lines of a log that the options select, each with its newline (and timestamp). */
function selectLines(lines: LogLine[], options: LogOptions, now: number): string[] {
  let selected = lines;
  if (options.stream !== 'All') selected = selected.filter((l) => l.stream === options.stream.toLowerCase());
  const since =
    options.sinceSeconds !== undefined
      ? now - options.sinceSeconds * 1000
      : options.sinceTime
        ? Date.parse(options.sinceTime)
        : undefined;
  if (since !== undefined) selected = selected.filter((l) => l.time >= since);
  if (options.tailLines !== undefined) selected = options.tailLines === 0 ? [] : selected.slice(-options.tailLines);
  return selected.map((l) => format(l, options));
}

const format = (line: LogLine, options: LogOptions): string =>
  `${options.timestamps ? `${nanoTime(line.time)} ` : ''}${line.text}\n`;

/**
 * The kubelet's server (pkg/kubelet/server): containerLogs with its options, exec and attach
 * into running containers, and a few read-only endpoints for nodes/proxy.
 */
export class KubeletHttpServer implements KubeletServer {
  constructor(
    private readonly lookup: RecordLookup,
    private readonly now: () => number,
    private readonly podsJson: () => string,
  ) {}

  async containerLogs(target: ContainerTarget, options: LogOptions): Promise<ApiResponse> {
    const record = this.lookup(target);
    if (!record) return text(404, `pod "${target.pod}" not found`);
    const container = options.previous
      ? record.waiting
        ? record.current
        : record.previous
      : record.waiting
        ? undefined
        : record.current;
    if (!container) {
      if (options.previous)
        return text(400, `previous terminated container "${target.container}" in pod "${target.pod}" not found`);
      const reason = record.waiting?.reason ?? 'ContainerCreating';
      return text(400, `container "${target.container}" in pod "${target.pod}" is waiting to start: ${reason}`);
    }
    let lines = selectLines(container.logs, options, this.now());
    if (options.limitBytes !== undefined) lines = limit(lines, options.limitBytes);
    if (!options.follow || container.state === 'exited') return text(200, lines.join(''));
    const queue = new AsyncQueue<string>();
    for (const line of lines) queue.push(line);
    const stop = container.followLogs((line) => {
      if (options.stream === 'All' || line.stream === options.stream.toLowerCase()) queue.push(format(line, options));
    });
    container.onExit(() => queue.end());
    return {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '',
      stream: Object.assign(queue, {
        close: () => {
          stop();
          queue.end();
        },
      }),
    };
  }

  private running(target: ContainerTarget): Container {
    const record = this.lookup(target);
    const container = record?.current;
    if (!record || !container || container.state !== 'running' || record.waiting) {
      throw failure(500, 'InternalError', `container not found ("${target.container}")`);
    }
    return container;
  }

  async exec(target: ContainerTarget, options: ExecOptions): Promise<StreamSession> {
    const container = this.running(target);
    const session = new Session(options.tty);
    const stdin = new AsyncQueue<string>();
    session.onStdin = (data) => (data === null ? stdin.end() : stdin.push(data));
    const out = session.writer(1);
    const err = options.tty ? out : session.writer(2);
    const [name] = options.command;
    const ctx = container.processContext(
      options.command,
      out,
      err,
      false,
      options.stdin ? stdin : undefined,
      options.tty,
    );
    const program = ctx.program(name ?? '');
    if (!program) {
      out.write(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`,
      );
      session.finish(126, options.command);
      return session;
    }
    const stop = container.followLogs(() => {});
    void container.runProcess(program, ctx).then(
      (code) => session.finish(code, options.command),
      () => session.finish(1, options.command),
    );
    container.onExit(() => {
      stop();
      session.finish(137, options.command);
    });
    return session;
  }

  async attach(target: ContainerTarget, options: StreamOptions): Promise<StreamSession> {
    const container = this.running(target);
    const session = new Session(options.tty);
    const stop = container.followLogs((line) => {
      if (line.stream === 'stdout' ? options.stdout : options.stderr)
        session.send(line.stream === 'stdout' ? 1 : 2, `${line.text}\n`);
    });
    session.onStdin = (data) => container.writeStdin(data);
    session.onClose = stop;
    container.onExit(() => session.finish(0, []));
    return session;
  }

  async serve(request: ApiRequest): Promise<ApiResponse> {
    const path = request.path.split('?')[0];
    if (path === '/healthz') return text(200, 'ok');
    if (path === '/pods' || path === '/pods/')
      return { status: 200, headers: { 'content-type': 'application/json' }, body: this.podsJson() };
    return text(404, '404 page not found\n');
  }
}

/** The first `bytes` bytes of the lines (limitBytes). */
function limit(lines: string[], bytes: number): string[] {
  const out: string[] = [];
  let left = bytes;
  for (const line of lines) {
    const size = encodeUtf8(line).length;
    if (size <= left) {
      out.push(line);
      left -= size;
    } else {
      out.push(line.slice(0, left));
      break;
    }
  }
  return out;
}

/** A remotecommand session: output frames until the process ends, then its Status. */
class Session implements StreamSession {
  private readonly frames = new AsyncQueue<[1 | 2, Uint8Array]>();
  readonly output: AsyncIterable<[1 | 2, Uint8Array]> = this.frames;
  readonly result: Promise<Status>;
  private settle!: (status: Status) => void;
  private done = false;
  onStdin: (data: string | null) => void = () => {};
  onClose: () => void = () => {};

  constructor(private readonly tty: boolean) {
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  writer(channel: 1 | 2): { write(text: string): void } {
    return { write: (text: string) => this.send(channel, text) };
  }

  send(channel: 1 | 2, text: string): void {
    if (this.done) return;
    this.frames.push([channel, new Uint8Array(encodeUtf8(this.tty ? text.replace(/\r?\n/g, '\r\n') : text))]);
  }

  finish(code: number, command: string[]): void {
    if (this.done) return;
    this.done = true;
    this.frames.end();
    this.onClose();
    if (code === 0) {
      this.settle({ apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Success' } as Status);
      return;
    }
    this.settle({
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Failure',
      reason: 'NonZeroExitCode',
      message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
      details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
    } as Status);
  }

  stdin(data: Uint8Array | null): void {
    this.onStdin(data === null ? null : decodeUtf8(data));
  }

  resize(): void {}

  close(): void {
    this.finish(0, []);
  }
}
