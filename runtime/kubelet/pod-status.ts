import { formatTime } from '../util/time';
import type { Container } from './container';
import type { ContainerRecord } from './container-record';
import type { Json, Pod } from './pod-types';

/** A terminated state of a container instance. */
function terminated(container: Container): Json {
  const state: Json = {
    containerID: `docker://${container.id}`,
    exitCode: container.exitCode,
    finishedAt: formatTime(container.finishedAt),
  };
  if (container.message) state.message = container.message;
  state.reason = container.reason;
  state.startedAt = formatTime(container.startedAt || container.finishedAt);
  return state;
}

/** containerStatuses[] entry of one container, as the kubelet reports it (fields in API order). */
export function containerStatus(record: ContainerRecord): Json {
  const { spec, current, previous } = record;
  const running = current?.state === 'running';
  const status: Json = {};
  if (current && !record.waiting) status.containerID = `docker://${current.id}`;
  status.image = record.imageName ?? spec.image;
  status.imageID = record.imageID ?? '';
  const last = record.waiting ? current : previous;
  status.lastState = last && last.state === 'exited' ? { terminated: terminated(last) } : {};
  status.name = spec.name;
  status.ready = running && record.ready;
  // Ephemeral containers report neither resources nor started (the prober never sees them).
  if (!record.ephemeral)
    status.resources = spec.resources && Object.keys(spec.resources).length > 0 ? spec.resources : {};
  status.restartCount = record.restartCount;
  if (!record.ephemeral) status.started = running && record.started;
  if (record.waiting)
    status.state = {
      waiting: {
        ...(record.waiting.message ? { message: record.waiting.message } : {}),
        reason: record.waiting.reason,
      },
    };
  else if (running && current) status.state = { running: { startedAt: formatTime(current.startedAt) } };
  else if (current) status.state = { terminated: terminated(current) };
  else status.state = { waiting: { reason: 'ContainerCreating' } };
  if (spec.volumeMounts?.length) {
    status.volumeMounts = spec.volumeMounts.map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
  }
  return status;
}

/** The phase of a pod from its containers (kubelet_pods.go getPhase). */
export function podPhase(pod: Pod, inits: ContainerRecord[], containers: ContainerRecord[]): string {
  const policy = pod.spec.restartPolicy ?? 'Always';
  for (const init of inits) {
    if (init.spec.restartPolicy === 'Always') {
      if (!init.started) return 'Pending';
      continue;
    }
    const exited = init.current?.state === 'exited' && !init.waiting;
    if (exited && init.current?.exitCode === 0) continue;
    const failed = (init.current?.state === 'exited' && init.current.exitCode !== 0) || (init.waiting && init.current);
    if (failed && policy === 'Never') return 'Failed';
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const record of containers) {
    const { current } = record;
    if (current?.state === 'running' && !record.waiting) running++;
    else if (current?.state === 'exited') {
      stopped++;
      if (current.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (policy === 'Always') return 'Running';
  if (succeeded === stopped) return 'Succeeded';
  if (policy === 'OnFailure') return 'Running';
  return 'Failed';
}

const names = (records: ContainerRecord[]): string => `[${records.map((r) => r.spec.name).join(' ')}]`;

/** What the pod's conditions are made of. */
export interface ConditionInputs {
  sandboxReady: boolean;
  phase: string;
  inits: ContainerRecord[];
  containers: ContainerRecord[];
}

/**
 * The pod's conditions in the kubelet's order (PodReadyToStartContainers, Initialized, Ready,
 * ContainersReady, then PodScheduled and any others from the API), keeping each
 * lastTransitionTime while its status is unchanged.
 */
export function podConditions(pod: Pod, inputs: ConditionInputs, now: number): Json[] {
  const previous = new Map<string, Json>(((pod.status?.conditions ?? []) as Json[]).map((c) => [c.type, c]));
  const generation = pod.metadata?.generation;
  const condition = (type: string, ok: boolean, reason?: string, message?: string): Json => {
    const status = ok ? 'True' : 'False';
    const old = previous.get(type);
    const c: Json = {
      lastProbeTime: null,
      lastTransitionTime: old?.status === status ? old.lastTransitionTime : formatTime(now),
    };
    if (message) c.message = message;
    if (generation !== undefined) c.observedGeneration = generation;
    if (reason) c.reason = reason;
    c.status = status;
    c.type = type;
    return c;
  };
  const completed = inputs.phase === 'Succeeded';
  const pendingInits = inputs.inits.filter((r) =>
    r.spec.restartPolicy === 'Always'
      ? !r.started
      : !(r.current?.state === 'exited' && r.current.exitCode === 0 && !r.waiting),
  );
  const initialized = completed || pendingInits.length === 0;
  const unready = inputs.containers.filter((r) => !(r.current?.state === 'running' && r.ready && !r.waiting));
  const containersReady = !completed && unready.length === 0;
  const readyReason = completed ? 'PodCompleted' : containersReady ? undefined : 'ContainersNotReady';
  const readyMessage = completed || containersReady ? undefined : `containers with unready status: ${names(unready)}`;
  const conditions = [
    condition('PodReadyToStartContainers', inputs.sandboxReady),
    condition(
      'Initialized',
      initialized,
      completed && pendingInits.length === 0 && inputs.inits.length > 0
        ? 'PodCompleted'
        : initialized
          ? undefined
          : 'ContainersNotInitialized',
      initialized ? undefined : `containers with incomplete status: ${names(pendingInits)}`,
    ),
    condition('Ready', containersReady, readyReason, readyMessage),
    condition('ContainersReady', containersReady, readyReason, readyMessage),
  ];
  const own = new Set(conditions.map((c) => c.type));
  for (const [type, c] of previous) if (!own.has(type)) conditions.push(c);
  return conditions;
}
