import type { TimerHandle } from '../clock';
import type { Container } from './container';
import type { ContainerRecord } from './container-record';
import type { KubeletContext } from './kubelet-context';
import type { Json, Pod } from './pod-types';

type ProbeKind = 'startup' | 'readiness' | 'liveness';
const LABEL: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

/** One probe's outcome and, on failure, the text the Unhealthy event carries. */
interface ProbeResult {
  ok: boolean;
  output: string;
}

/** A running probe of one container: its timer and threshold counters. */
interface ProbeWorker {
  kind: ProbeKind;
  spec: Json;
  timer?: TimerHandle;
  successes: number;
  failures: number;
  stopped: boolean;
}

/**
 * The kubelet's prober (pkg/kubelet/prober): per container, startup, readiness and liveness
 * workers on the clock, each running its exec, httpGet, tcpSocket or grpc check every
 * periodSeconds after initialDelaySeconds; successThreshold and failureThreshold decide; failures
 * are Unhealthy events with the probe's output; liveness and startup failures kill the container.
 */
export class ProbeSet {
  private readonly workers = new Map<ContainerRecord, ProbeWorker[]>();

  constructor(
    private readonly ctx: KubeletContext,
    private readonly pod: () => Pod,
    private readonly kill: (record: ContainerRecord, kind: ProbeKind) => void,
    private readonly changed: () => void,
  ) {}

  start(record: ContainerRecord, container: Container): void {
    this.stop(record);
    const workers: ProbeWorker[] = [];
    for (const kind of ['startup', 'readiness', 'liveness'] as ProbeKind[]) {
      const spec = record.spec[`${kind}Probe` as 'livenessProbe'];
      if (!spec) continue;
      const worker: ProbeWorker = { kind, spec, successes: 0, failures: 0, stopped: false };
      workers.push(worker);
      this.schedule(record, container, worker, (spec.initialDelaySeconds ?? 0) * 1000);
    }
    this.workers.set(record, workers);
  }

  stop(record: ContainerRecord): void {
    for (const worker of this.workers.get(record) ?? []) {
      worker.stopped = true;
      worker.timer?.cancel();
    }
    this.workers.delete(record);
  }

  stopAll(): void {
    for (const record of [...this.workers.keys()]) this.stop(record);
  }

  private schedule(record: ContainerRecord, container: Container, worker: ProbeWorker, delayMs: number): void {
    worker.timer = this.ctx.clock.setTimer(delayMs, () => void this.tick(record, container, worker));
  }

  private async tick(record: ContainerRecord, container: Container, worker: ProbeWorker): Promise<void> {
    if (worker.stopped || container.state !== 'running') return;
    const period = (worker.spec.periodSeconds ?? 10) * 1000;
    // Readiness and liveness wait for the startup probe to succeed.
    if (worker.kind !== 'startup' && !record.started) return this.schedule(record, container, worker, period);
    const result = await this.run(worker.spec, container, record);
    if (worker.stopped || container.state !== 'running') return;
    if (result.ok) {
      worker.failures = 0;
      worker.successes++;
      if (worker.successes >= (worker.spec.successThreshold ?? 1)) this.succeeded(record, worker);
    } else {
      worker.successes = 0;
      worker.failures++;
      const event = `${LABEL[worker.kind]} probe failed: ${result.output}`;
      this.ctx.recorder.event(
        { apiVersion: 'v1', kind: 'Pod', metadata: this.pod().metadata },
        'Warning',
        'Unhealthy',
        event,
        `spec.containers{${record.spec.name}}`,
      );
      if (worker.failures >= (worker.spec.failureThreshold ?? 3)) {
        if (worker.kind === 'readiness') this.setReady(record, false);
        else {
          worker.stopped = true;
          this.kill(record, worker.kind);
          return;
        }
      }
    }
    if (worker.kind === 'startup' && record.started) return;
    this.schedule(record, container, worker, period);
  }

  private succeeded(record: ContainerRecord, worker: ProbeWorker): void {
    if (worker.kind === 'startup') {
      if (record.started) return;
      record.started = true;
      if (!record.spec.readinessProbe) record.ready = true;
      worker.stopped = true;
      this.changed();
    } else if (worker.kind === 'readiness') this.setReady(record, true);
  }

  private setReady(record: ContainerRecord, ready: boolean): void {
    if (record.ready === ready) return;
    record.ready = ready;
    this.changed();
  }

  /** Runs one check against the container (prober.go runProbe). */
  private async run(spec: Json, container: Container, record: ContainerRecord): Promise<ProbeResult> {
    const ip = this.pod().status?.podIP ?? '';
    if (spec.exec) return this.exec(spec.exec.command ?? [], container, (spec.timeoutSeconds ?? 1) * 1000);
    const action = spec.httpGet ?? spec.tcpSocket ?? spec.grpc;
    if (!action) return { ok: true, output: '' };
    const port = resolvePort(action.port, record);
    const host = action.host ?? ip;
    const listener = this.ctx.listener(host, port);
    if (spec.httpGet) {
      const scheme = (spec.httpGet.scheme ?? 'HTTP').toLowerCase();
      const path = spec.httpGet.path ?? '/';
      const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
      if (!listener)
        return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
      if (!listener.http) return { ok: false, output: `Get "${url}": EOF` };
      const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.34', accept: '*/*' };
      for (const h of spec.httpGet.httpHeaders ?? []) headers[String(h.name).toLowerCase()] = h.value;
      const response = await listener.http({ method: 'GET', path, headers, body: '', remoteAddress: this.ctx.nodeIP });
      if (response.status >= 200 && response.status < 400) return { ok: true, output: '' };
      return { ok: false, output: `HTTP probe failed with statuscode: ${response.status}` };
    }
    if (!listener) return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: true, output: '' };
  }

  /** An exec probe: the command's combined output is the failure text; a timeout fails it. */
  private async exec(command: string[], container: Container, timeoutMs: number): Promise<ProbeResult> {
    let output = '';
    const sink = { write: (text: string) => (output += text) };
    const program = container.processContext(command, sink, sink, false).program(command[0] ?? '');
    if (!program) {
      return {
        ok: false,
        output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ''}": executable file not found in $PATH: unknown`,
      };
    }
    let timer: TimerHandle | undefined;
    const timeout = new Promise<number>((resolve) => (timer = this.ctx.clock.setTimer(timeoutMs, () => resolve(-1))));
    const code = await Promise.race([program(container.processContext(command, sink, sink, false)), timeout]);
    timer?.cancel();
    if (code === -1) return { ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out` };
    return { ok: code === 0, output: output.replace(/\n$/, '') };
  }
}

/** A probe's port: a number, or a container port's name. */
function resolvePort(port: number | string, record: ContainerRecord): number {
  if (typeof port === 'number') return port;
  const named = record.spec.ports?.find((p) => p.name === port);
  return named?.containerPort ?? (Number(port) || 0);
}
