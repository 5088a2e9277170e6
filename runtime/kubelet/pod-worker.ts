import { deepEqual } from '../api/object';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PODS } from '../client/resources';
import type { TimerHandle } from '../clock';
import { Volume } from '../shell/fs/volume';
import type { ResolvedImage } from '../images/catalog';
import { lookupImage } from '../images/catalog';
import type { Listener } from '../images/types';
import { randomString } from '../rng';
import { formatTime } from '../util/time';
import { Container } from './container';
import { newRecord, type ContainerRecord } from './container-record';
import { ContainerConfigError, containerEnv, expandVars } from './env';
import { goDuration } from '../util/go-duration';
import type { KubeletContext } from './kubelet-context';
import { containerStatus, podConditions, podPhase } from './pod-status';
import type { ContainerSpecJson, Json, Pod } from './pod-types';
import { ProbeSet } from './probes';
import { MountError, setUpVolumes } from './volumes';
import { hostAliases, podResolvConf } from './pod-dns';

/** What the container runtime gives every container's root, whatever the image has: its mounts and /etc's files. */
const CONTAINER_DIRECTORIES = ['/dev', '/etc', '/proc', '/sys'];
/** Creating the pod sandbox (network namespace, pause container) takes about this long. */
const SANDBOX_MS = 700;
/** Stopping the pod sandbox (network teardown, the pause container) after the containers. */
const SANDBOX_TEARDOWN_MS = 1_000;
/** Container creation after the image is there. */
const CREATE_MS = 150;
/** Crash-loop back-off: 10 s doubling to 5 min; reset after 10 min of running (kuberuntime). */
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;
/** How soon a pod that waits on something outside it (a missing ConfigMap, a volume) is tried again. */
const RETRY_MS = 10_000;
/** The pod worker syncs again this soon after a failed pull. */
const PULL_RESYNC_MS = 2_000;
/** The volume manager tries a failed mount again sooner (its back-off starts at 500 ms). */
const MOUNT_RETRY_MS = 2_000;

const HEX = '0123456789abcdef';

/**
 * One pod's life on a node (the kubelet's pod worker and SyncPod): sandbox, volumes, init
 * containers one at a time, then the containers; restarts with back-off, probes, status writes
 * to the API, and graceful termination followed by the final delete. Syncs are serialised;
 * anything that changes (the pod, a container's exit, a timer) asks for another.
 */
export class PodWorker {
  private pod: Pod;
  private readonly inits: ContainerRecord[];
  /**
   * Status patches are built for their request and handed over to the server, not copied; the
   * worker keeps only a reference it reads (lastStatus, to skip a write that changes nothing).
   */
  private readonly statusWriter: RestClient;
  private readonly containers: ContainerRecord[];
  /** Ephemeral containers (pods/ephemeralcontainers), added as the spec grows. */
  private readonly ephemerals: ContainerRecord[] = [];
  private sandboxIp: string | undefined;
  private sandboxReady = false;
  private volumes: Map<string, Volume> | undefined;
  private readonly probes: ProbeSet;
  private syncing = false;
  private again = false;
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  /** The status last written, to skip writes that change nothing. */
  private lastStatus: Json | undefined;
  private terminating = false;
  /** What the last update from the API asked for (generation, deletion); a change starts a sync. */
  private observed = '';
  /** The pod ran to completion (Succeeded or Failed): nothing more starts. */
  private completed = false;
  private finished = false;
  private startTime: number;
  private readonly closers: Array<() => void> = [];
  private addressHeld = false;
  /** Container statuses to take over after a reload, until the first sync does. */
  private resumable: Map<string, Json> | undefined;

  constructor(
    private readonly ctx: KubeletContext,
    pod: Pod,
  ) {
    this.pod = pod;
    this.statusWriter = ctx.client.withOptions({ handOverBodies: true });
    this.inits = ((pod.spec.initContainers ?? []) as ContainerSpecJson[]).map((spec) => newRecord(spec, true));
    this.containers = ((pod.spec.containers ?? []) as ContainerSpecJson[]).map((spec) => newRecord(spec, false));
    this.startTime = Date.parse(pod.status?.startTime ?? '') || ctx.clock.now();
    this.probes = new ProbeSet(
      ctx,
      () => this.pod,
      (record, kind) => this.containerFailedProbe(record, kind),
      () => this.kick(),
    );
    this.addEphemerals();
    this.adopt();
  }

  /** Records for ephemeral containers the spec has and the worker does not yet. */
  private addEphemerals(): void {
    for (const spec of (this.pod.spec.ephemeralContainers ?? []) as ContainerSpecJson[]) {
      if (this.ephemerals.some((r) => r.spec.name === spec.name)) continue;
      this.ephemerals.push({ ...newRecord(spec, false), ephemeral: true });
    }
  }

  get uid(): string {
    return this.pod.metadata?.uid ?? '';
  }

  /** The containers (for logs, exec and attach). */
  record(name: string): ContainerRecord | undefined {
    return [...this.containers, ...this.inits, ...this.ephemerals].find((r) => r.spec.name === name);
  }

  /**
   * The pod changed in the API. As the kubelet's config source does, only a change to what the
   * pod asks for (its spec, a deletion) starts a sync; status writes, its own included, do not.
   */
  update(pod: Pod): void {
    const meta = pod.metadata ?? {};
    const seen = `${meta.generation}|${meta.deletionTimestamp}|${meta.deletionGracePeriodSeconds}`;
    const changed = seen !== this.observed;
    this.observed = seen;
    this.pod = pod;
    this.addEphemerals();
    if (changed) this.kick();
  }

  /** The pod is gone from the API (force-deleted): kill everything at once. */
  remove(): void {
    this.terminating = true;
    this.finished = true;
    this.probes.stopAll();
    for (const record of [...this.inits, ...this.containers, ...this.ephemerals]) record.current?.signal('SIGKILL');
    this.teardownSandbox();
    this.timer?.cancel();
  }

  /** Asks for a sync; one runs at a time, and a request during one runs another after it. */
  kick(): void {
    if (this.finished) return;
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.sync();
        } catch (error) {
          this.ctx.onError(error);
          this.wakeAt(this.ctx.clock.now() + RETRY_MS);
        }
      } while (this.again && !this.finished);
    } finally {
      this.syncing = false;
    }
  }

  /** Syncs again at `time` on the clock (the earliest request wins). */
  private wakeAt(time: number): void {
    if (time >= this.timerAt) return;
    this.timer?.cancel();
    this.timerAt = time;
    this.timer = this.ctx.clock.setTimer(time - this.ctx.clock.now(), () => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.kick();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.ctx.clock.setTimer(ms, resolve));
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string, record?: ContainerRecord): void {
    const list = record?.ephemeral ? 'ephemeralContainers' : record?.init ? 'initContainers' : 'containers';
    const fieldPath = record ? `spec.${list}{${record.spec.name}}` : undefined;
    this.ctx.recorder.event(
      { apiVersion: 'v1', kind: 'Pod', metadata: this.pod.metadata },
      type,
      reason,
      message,
      fieldPath,
    );
  }

  private podRef(): string {
    const meta = this.pod.metadata ?? {};
    return `${meta.name}_${meta.namespace}(${meta.uid})`;
  }

  private async sync(): Promise<void> {
    if (this.pod.metadata?.deletionTimestamp) return this.terminate();
    if (this.completed) return;
    if (this.isTerminal()) {
      // Every container is done for good (restartPolicy Never or OnFailure): report, tear down.
      this.completed = true;
      this.finish();
      await this.writeStatus();
      return;
    }
    if (!this.volumes) {
      if (!this.resumable) await this.writeStatus();
      try {
        this.volumes = await setUpVolumes(this.pod, {
          client: this.ctx.client,
          sources: this.ctx.sources,
          nodeName: this.ctx.nodeName,
          podIP: '',
          hostIP: this.ctx.nodeIP,
          hostFs: this.ctx.hostFs,
        });
      } catch (error) {
        if (!(error instanceof MountError)) throw error;
        this.event('Warning', 'FailedMount', error.message);
        this.wakeAt(this.ctx.clock.now() + MOUNT_RETRY_MS);
        return;
      }
    }
    if (this.resumable) {
      const statuses = this.resumable;
      this.resumable = undefined;
      await this.resumeContainers(statuses);
    }
    if (!this.sandboxReady) {
      await this.sleep(SANDBOX_MS);
      if (this.pod.metadata?.deletionTimestamp || this.finished) return this.kick();
      this.sandboxIp ??= this.pod.spec.hostNetwork ? this.ctx.nodeIP : this.ctx.allocateIp();
      this.sandboxReady = true;
    }
    if (await this.syncInits()) {
      for (const record of this.containers) await this.syncContainer(record);
      // Ephemeral containers start once the pod's containers are up, and run once.
      for (const record of this.ephemerals) if (!record.current) await this.startContainer(record);
    }
    if (this.isTerminal()) {
      this.completed = true;
      this.finish();
    }
    await this.writeStatus();
  }

  private isTerminal(): boolean {
    const phase = podPhase(this.pod, this.inits, this.containers);
    return this.sandboxReady && (phase === 'Succeeded' || phase === 'Failed');
  }

  /** Runs the init containers in order; true once all are done (sidecars started). */
  private async syncInits(): Promise<boolean> {
    for (const record of this.inits) {
      const sidecar = record.spec.restartPolicy === 'Always';
      const current = record.current;
      if (!sidecar && current?.state === 'exited' && current.exitCode === 0 && !record.waiting) continue;
      if (current?.state === 'running') {
        if (sidecar && record.started) continue;
        return false;
      }
      if (current?.state === 'exited' && this.pod.spec.restartPolicy === 'Never' && !sidecar) return false;
      await this.syncContainer(record);
      if (!(sidecar && record.current?.state === 'running')) return false;
    }
    return true;
  }

  /** Starts a container that has not run, or restarts an exited one when its policy says so. */
  private async syncContainer(record: ContainerRecord): Promise<void> {
    const current = record.current;
    if (current?.state === 'running') return;
    if (current?.state === 'exited') {
      const policy = record.spec.restartPolicy ?? this.pod.spec.restartPolicy ?? 'Always';
      const restart =
        policy === 'Always' ||
        (policy === 'OnFailure' && current.exitCode !== 0) ||
        (record.init && policy !== 'Never' && current.exitCode !== 0);
      if (!restart) {
        record.waiting = undefined;
        return;
      }
      const now = this.ctx.clock.now();
      if (current.finishedAt - current.startedAt >= BACKOFF_RESET_MS) record.backoffDelayMs = 0;
      const restartAt = current.finishedAt + record.backoffDelayMs;
      if (now < restartAt) {
        if (record.waiting?.reason !== 'CrashLoopBackOff') {
          this.event(
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${record.spec.name} in pod ${this.podRef()}`,
            record,
          );
        }
        record.waiting = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(record.backoffDelayMs)} restarting failed container=${record.spec.name} pod=${this.podRef()}`,
        };
        this.wakeAt(restartAt);
        return;
      }
      record.backoffDelayMs =
        record.backoffDelayMs === 0 ? BACKOFF_INITIAL_MS : Math.min(2 * record.backoffDelayMs, BACKOFF_MAX_MS);
      record.restartCount++;
      record.previous = current;
    }
    await this.startContainer(record);
  }

  private async startContainer(record: ContainerRecord): Promise<void> {
    const { spec } = record;
    const pulled = await this.ctx.images.ensureImage(
      this.uid,
      spec.image,
      spec.imagePullPolicy,
      (type, reason, message) => this.event(type, reason, message, record),
    );
    if (this.pod.metadata?.deletionTimestamp || this.finished) return;
    if (!pulled.ok) {
      // In back-off the message names the back-off and the pull error that caused it.
      if (pulled.reason === 'ErrImagePull') record.pullError = pulled.message;
      const message =
        pulled.reason === 'ImagePullBackOff' && record.pullError
          ? `${pulled.message}: ErrImagePull: ${record.pullError}`
          : pulled.message;
      this.event('Warning', 'Failed', `Error: ${pulled.reason}`, record);
      record.waiting = { reason: pulled.reason, message };
      // A failed pull is retried soon, and finds itself in back-off (ImagePullBackOff) until it ends.
      this.wakeAt(this.ctx.clock.now() + (pulled.reason === 'ErrImagePull' ? PULL_RESYNC_MS : RETRY_MS));
      return;
    }
    let env: Record<string, string>;
    try {
      env = await containerEnv(this.pod, spec, this.envContext(pulled.image));
    } catch (error) {
      if (!(error instanceof ContainerConfigError)) throw error;
      this.event('Warning', 'Failed', `Error: ${error.message}`, record);
      record.waiting = { reason: 'CreateContainerConfigError', message: error.message };
      this.wakeAt(this.ctx.clock.now() + RETRY_MS);
      return;
    }
    await this.sleep(CREATE_MS);
    if (this.pod.metadata?.deletionTimestamp || this.finished) return;
    const container = this.createContainer(record, pulled.image, env);
    this.event('Normal', 'Created', `Created container: ${spec.name}`, record);
    container.start();
    if (container.state === 'exited' && container.reason === 'StartError') {
      this.event(
        'Warning',
        'Failed',
        `Error: failed to start container "${spec.name}": Error response from daemon: ${container.message}`,
        record,
      );
    } else {
      this.event('Normal', 'Started', `Started container ${spec.name}`, record);
    }
    this.watchContainer(record, container);
  }

  private createContainer(
    record: ContainerRecord,
    image: ResolvedImage,
    env: Record<string, string>,
    id?: string,
  ): Container {
    const { spec } = record;
    const config = image.module.config;
    const command = spec.command ?? config.entrypoint ?? [];
    const args = spec.args ?? (spec.command ? [] : (config.cmd ?? []));
    const argv = [...command, ...args].map((arg) => expandVars(arg, env));
    const ip = this.sandboxIp ?? '';
    this.holdAddress(ip);
    const podFiles = this.podFiles();
    const volumes = this.volumes;
    let fs: Volume | undefined;
    const filesystem = (): Volume => {
      if (fs) return fs;
      // The image's files carry the image's time; files written in the container the cluster
      // clock's (nginx's Last-Modified, ls -l).
      let building = true;
      const imageTime = image.module.filesTime ?? 0;
      fs = new Volume(image.module.files(), { now: () => (building ? imageTime : this.ctx.clock.now()) });
      building = false;
      // Every image the learner uses has a world-writable /tmp (busybox, Debian, Alpine alike).
      if (!fs.exists('/tmp')) {
        fs.mkdir('/tmp');
        fs.chmod('/tmp', 0o1777);
      }
      for (const dir of [...CONTAINER_DIRECTORIES, ...(image.module.directories ?? [])]) {
        if (!fs.exists(dir)) fs.mkdir(dir);
      }
      for (const [path, text] of podFiles) fs.writeFile(path, text);
      for (const mount of spec.volumeMounts ?? []) {
        const volume = volumes?.get(mount.name);
        if (volume) fs.mount(mount.mountPath, volume, !!mount.readOnly, mount.subPath ? `/${mount.subPath}` : '/');
      }
      return fs;
    };
    const container = new Container(
      {
        id: id ?? randomString(this.ctx.rng, 64, HEX),
        name: spec.name,
        image,
        argv,
        env,
        cwd: spec.workingDir ?? config.workingDir ?? '/',
        filesystem,
        hostname: this.pod.spec.hostname ?? this.pod.metadata?.name ?? '',
        tty: !!spec.tty,
        stdin: !!spec.stdin,
        attempt: record.restartCount,
        listen: (port: number, listener: Listener) => this.listen(ip, port, listener),
        network: (ended) => this.ctx.containerNetwork(ip, ended),
        kubernetes: this.ctx.api,
      },
      this.ctx.clock,
    );
    record.current = container;
    record.waiting = undefined;
    record.imageName = image.reference.familiar;
    record.imageID = `docker-pullable://${image.reference.familiarName}@${image.digest}`;
    return container;
  }

  /** The sandbox's address answers on the cluster network (with resets where nothing listens). */
  private holdAddress(ip: string): void {
    if (this.addressHeld || !ip || this.pod.spec.hostNetwork) return;
    this.addressHeld = true;
    this.closers.push(this.ctx.addHost(ip));
  }

  private listen(ip: string, port: number, listener: Listener): () => void {
    const close = this.ctx.listen(ip, port, listener);
    this.closers.push(close);
    return close;
  }

  /** /etc/hosts, /etc/hostname and /etc/resolv.conf as the kubelet writes them into containers. */
  private podFiles(): Array<[path: string, text: string]> {
    const name = this.pod.spec.hostname ?? this.pod.metadata?.name ?? '';
    const namespace = this.pod.metadata?.namespace ?? 'default';
    const ip = this.sandboxIp ?? '';
    const fqdn = this.pod.spec.subdomain ? `${name}.${this.pod.spec.subdomain}.${namespace}.svc.cluster.local\t` : '';
    const files: Array<[string, string]> = [];
    if (!this.pod.spec.hostNetwork) {
      files.push([
        '/etc/hosts',
        `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${fqdn}${name}\n${hostAliases(this.pod.spec)}`,
      ]);
    }
    files.push(['/etc/hostname', `${this.pod.spec.hostNetwork ? this.ctx.nodeName : name}\n`]);
    files.push(['/etc/resolv.conf', podResolvConf(this.pod.spec, namespace)]);
    return files;
  }

  /** Readiness and probes for a started container, and a sync when it exits. */
  private watchContainer(record: ContainerRecord, container: Container): void {
    record.started = !record.spec.startupProbe;
    record.ready = record.started && !record.spec.readinessProbe;
    if (container.state === 'running') this.probes.start(record, container);
    container.onExit(() => {
      this.probes.stop(record);
      this.kick();
    });
  }

  /** A liveness or startup probe failed for good: kill the container; the sync restarts it. */
  private containerFailedProbe(record: ContainerRecord, kind: string): void {
    const container = record.current;
    if (!container || container.state !== 'running') return;
    this.event('Normal', 'Killing', `Container ${record.spec.name} failed ${kind} probe, will be restarted`, record);
    void this.stopContainer(container, this.pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  /** Sends the stop signal, then SIGKILL when the grace period runs out. */
  private async stopContainer(container: Container, graceSeconds: number): Promise<void> {
    if (container.state !== 'running') return;
    container.signal(container.spec.image.module.config.stopSignal ?? 'SIGTERM');
    const timer = this.ctx.clock.setTimer(Math.max(graceSeconds, 0) * 1000, () => container.signal('SIGKILL'));
    await container.waitExit();
    timer.cancel();
  }

  /** The pod is being deleted: stop its containers within the grace period, report, delete it for good. */
  private async terminate(): Promise<void> {
    if (this.terminating) return;
    this.terminating = true;
    this.probes.stopAll();
    const grace = this.pod.metadata?.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    const running = [...this.containers, ...this.inits, ...this.ephemerals].filter(
      (r) => r.current?.state === 'running',
    );
    for (const record of running) this.event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
    await Promise.all(running.map((r) => this.stopContainer(r.current as Container, grace)));
    for (const record of [...this.inits, ...this.containers]) {
      if (record.waiting?.reason !== 'CrashLoopBackOff') record.waiting = undefined;
    }
    if (this.sandboxReady) await this.sleep(SANDBOX_TEARDOWN_MS);
    this.teardownSandbox();
    await this.writeStatus(true);
    const meta = this.pod.metadata ?? {};
    try {
      await this.ctx.client.resource(PODS, meta.namespace).delete(meta.name ?? '', {
        gracePeriodSeconds: 0,
        preconditions: { uid: meta.uid },
      });
    } catch (error) {
      if (!hasStatusCode(error, 404) && !hasStatusCode(error, 409)) throw error;
    }
    this.finished = true;
    this.timer?.cancel();
    this.ctx.forget(this.uid);
  }

  /** The pod completed: its sandbox goes away. */
  private finish(): void {
    this.probes.stopAll();
    this.teardownSandbox();
  }

  private teardownSandbox(): void {
    for (const close of this.closers.splice(0)) close();
    this.addressHeld = false;
    if (this.sandboxIp && this.sandboxIp !== this.ctx.nodeIP) this.ctx.releaseIp(this.sandboxIp);
    this.sandboxReady = false;
  }

  /** Writes the pod's status when it changed (the status manager's merge patch). */
  private async writeStatus(terminal = false): Promise<void> {
    const pod = this.pod;
    const phase = terminal ? this.terminalPhase() : podPhase(pod, this.inits, this.containers);
    const status: Json = {
      conditions: podConditions(
        pod,
        { sandboxReady: this.sandboxReady, phase, inits: this.inits, containers: this.containers },
        this.ctx.clock.now(),
      ),
      containerStatuses: this.containers.map(containerStatus),
      hostIP: this.ctx.nodeIP,
      hostIPs: [{ ip: this.ctx.nodeIP }],
    };
    if (this.inits.length > 0) status.initContainerStatuses = this.inits.map(containerStatus);
    if (this.ephemerals.length > 0) status.ephemeralContainerStatuses = this.ephemerals.map(containerStatus);
    if (pod.metadata?.generation !== undefined) status.observedGeneration = pod.metadata.generation;
    status.phase = phase;
    if (this.sandboxIp) {
      status.podIP = this.sandboxIp;
      status.podIPs = [{ ip: this.sandboxIp }];
    }
    if (pod.status?.qosClass) status.qosClass = pod.status.qosClass;
    status.startTime = formatTime(this.startTime);
    if (this.lastStatus && deepEqual(status, this.lastStatus)) return;
    const body = { status };
    const meta = pod.metadata ?? {};
    try {
      const updated = (await this.statusWriter
        .resource<Pod>(PODS, meta.namespace)
        .patch(meta.name ?? '', 'merge', body, { subresource: 'status' })) as Pod;
      this.lastStatus = status;
      if (!this.pod.metadata?.deletionTimestamp || updated.metadata?.deletionTimestamp) this.pod = updated;
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }

  /** The phase reported once every container has stopped for a deletion. */
  private terminalPhase(): string {
    const phase = podPhase(this.pod, this.inits, this.containers);
    if (phase === 'Succeeded' || phase === 'Failed') return phase;
    const all = [...this.containers];
    if (all.length > 0 && all.every((r) => r.current?.state === 'exited' && r.current.exitCode === 0))
      return 'Succeeded';
    return all.some((r) => r.current) ? 'Failed' : phase;
  }

  /** Takes over what a pod's status says is running, after a reload of the page. */
  private adopt(): void {
    const status = this.pod.status ?? {};
    const statuses = [
      ...((status.containerStatuses ?? []) as Json[]),
      ...((status.initContainerStatuses ?? []) as Json[]),
    ];
    const started = (s: Json): boolean => !!(s.state?.running || s.state?.terminated || s.lastState?.terminated);
    if (!status.podIP || !statuses.some(started)) return;
    this.sandboxIp = status.podIP;
    if (!this.pod.spec.hostNetwork) this.ctx.reserveIp(status.podIP);
    this.resumable = new Map(statuses.map((s) => [s.name, s]));
  }

  /** Restarts the processes of containers that were running when the page closed, from their start time. */
  private async resumeContainers(statuses: Map<string, Json>): Promise<void> {
    for (const record of [...this.inits, ...this.containers]) {
      const s = statuses.get(record.spec.name);
      if (!s) continue;
      record.restartCount = s.restartCount ?? 0;
      const running = s.state?.running;
      const found = lookupImage(record.spec.image);
      if (!found.ok) continue;
      // An exited container (completed, or crash-looping in back-off): its record, without a process.
      const ended = s.state?.terminated ?? s.lastState?.terminated;
      if (!running && ended) {
        const id = String(ended.containerID ?? s.containerID ?? '').replace(/^docker:\/\//, '') || undefined;
        const container = this.createContainer(record, found.image, {}, id);
        container.restoreExited(
          Date.parse(ended.startedAt),
          Date.parse(ended.finishedAt),
          ended.exitCode ?? 0,
          ended.reason,
        );
        if (s.state?.waiting) {
          record.waiting = { reason: s.state.waiting.reason, message: s.state.waiting.message };
          record.backoffDelayMs = parseBackoff(s.state.waiting.message);
        }
        continue;
      }
      if (!running || !s.containerID) continue;
      const env = await containerEnv(this.pod, record.spec, this.envContext(found.image)).catch(() => ({}));
      const container = this.createContainer(
        record,
        found.image,
        env,
        String(s.containerID).replace(/^docker:\/\//, ''),
      );
      container.start(Date.parse(running.startedAt));
      this.watchContainer(record, container);
    }
    this.sandboxReady = true;
  }

  private envContext(image: ResolvedImage): Parameters<typeof containerEnv>[2] {
    return {
      sources: this.ctx.sources,
      nodeName: this.ctx.nodeName,
      podIP: this.sandboxIp ?? '',
      hostIP: this.ctx.nodeIP,
      imageEnv: image.module.config.env ?? {},
      services: this.ctx.servicesFor(this.pod.metadata?.namespace ?? 'default'),
      allocatable: this.ctx.allocatable,
    };
  }
}

/** The delay in a CrashLoopBackOff message (`back-off 40s restarting failed container=…`), in ms. */
function parseBackoff(message: string | undefined): number {
  const match = /back-off (?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)? restarting/.exec(message ?? '');
  if (!match) return 0;
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 1000;
}
