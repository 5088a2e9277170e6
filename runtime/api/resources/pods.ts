import { deepEqual, isObject, type KubeObject } from '../object';
import {
  ALL_VERBS,
  type AdmissionContext,
  type FieldError,
  type PrintContext,
  type ResourceType,
  STATUS_SUBRESOURCE,
  SPEC_GENERATION,
} from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { humanDuration } from '../../util/duration';
import { parseTime } from '../../util/time';
import { isDnsLabel } from '../validation';

type Json = Record<string, unknown>;
type ContainerStatus = {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: Json; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
};
type Terminated = { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The STATUS cell and READY/RESTARTS of a pod, as printers.go printPod computes them. */
function podCells(pod: KubeObject, context: PrintContext): [string, string, string] {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const containers = list<Json>(spec.containers);
  const initContainers = list<Json>(spec.initContainers);
  const sidecars = new Set(initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let total = containers.length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  const noteRestart = (cs: ContainerStatus): void => {
    restarts += cs.restartCount ?? 0;
    const finished = parseTime(cs.lastState?.terminated?.finishedAt);
    if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
  };

  let reason = String(status.phase ?? '');
  if (typeof status.reason === 'string' && status.reason !== '') reason = status.reason;
  for (const condition of list<Json>(status.conditions)) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const initStatuses = list<ContainerStatus>(status.initContainerStatuses);
  initStatuses.forEach((cs, i) => {
    noteRestart(cs);
    if (sidecars.has(cs.name) && cs.started) ready++;
    if (initializing) return;
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) return;
    if (sidecars.has(cs.name) && cs.started) return;
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
  });

  if (!initializing) {
    restarts = 0;
    lastRestart = undefined;
    initStatuses.forEach(noteRestart);
    let hasRunning = false;
    const statuses = list<ContainerStatus>(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      noteRestart(cs);
      const { waiting, terminated, running } = cs.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (running && cs.ready) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = list<Json>(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const phase = status.phase;
  if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }
  if (total === 0) total = containers.length;
  let restartText = String(restarts);
  if (restarts > 0 && lastRestart !== undefined) {
    restartText = `${restarts} (${humanDuration(context.now - lastRestart)} ago)`;
  }
  return [`${ready}/${total}`, reason, restartText];
}

function podRow(pod: KubeObject, context: PrintContext): unknown[] {
  const [ready, reason, restarts] = podCells(pod, context);
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const ips = list<Json>(status.podIPs);
  const gates = list<Json>(spec.readinessGates);
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const conditions = list<Json>(status.conditions);
    const met = gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length;
    readinessGates = `${met}/${gates.length}`;
  }
  return [
    pod.metadata?.name ?? '',
    ready,
    reason,
    restarts,
    age(pod, context),
    ips.length > 0 ? ips[0].ip : '<none>',
    spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates,
  ];
}

/** imagePullPolicy's default: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_Container (and the service account mount, given the token volume's name). */
export function defaultContainer(container: Json, tokenVolume: string | undefined): void {
  if (typeof container.image === 'string' && container.imagePullPolicy === undefined) {
    container.imagePullPolicy = defaultPullPolicy(container.image);
  }
  container.resources ??= {};
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  for (const port of list<Json>(container.ports)) port.protocol ??= 'TCP';
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) defaultProbe(probe);
  if (tokenVolume) {
    const mounts = list<Json>(container.volumeMounts);
    if (!mounts.some((m) => m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) {
      container.volumeMounts = [
        ...mounts,
        { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: tokenVolume, readOnly: true },
      ];
    }
  }
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe: unknown): void {
  if (!isObject(probe)) return;
  const p = probe as Json;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (isObject(p.httpGet)) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

/** SetDefaults_*VolumeSource: file modes 0644 (420) for configMap, secret, downwardAPI and projected; hostPath type "". */
function defaultVolumes(spec: Json): void {
  for (const volume of list<Json>(spec.volumes)) {
    for (const kind of ['configMap', 'secret', 'downwardAPI', 'projected']) {
      if (isObject(volume[kind])) volume[kind].defaultMode ??= 420;
    }
    if (isObject(volume.hostPath)) volume.hostPath.type ??= '';
  }
}

/** SetDefaults_Pod: a resource with a limit and no request requests its limit (pods only, not templates). */
function requestsFromLimits(container: Json): void {
  const resources = container.resources as { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  if (!isObject(resources) || !isObject(resources.limits)) return;
  const requests = (resources.requests ??= {});
  for (const [name, quantity] of Object.entries(resources.limits)) requests[name] ??= quantity;
}

function defaultPod(pod: KubeObject, context: AdmissionContext): void {
  const spec = (pod.spec ??= {}) as Json;
  if (!isObject(spec)) return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.enableServiceLinks ??= true;
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (context.operation === 'update') {
    // Scheme defaulting runs on every write; the admission plugins below only on create.
    for (const container of [...list<Json>(spec.containers), ...list<Json>(spec.initContainers)]) {
      defaultContainer(container, undefined);
      requestsFromLimits(container);
    }
    aliasServiceAccount(spec);
    return;
  }
  // Admission on create: Priority, ServiceAccount, DefaultTolerationSeconds.
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  // Mirror pods of static pods get no service account (ServiceAccount admission skips them).
  const annotations = (pod.metadata?.annotations ?? {}) as Record<string, string>;
  const mirror = annotations['kubernetes.io/config.mirror'] !== undefined;
  if (!mirror) {
    spec.serviceAccountName ||= spec.serviceAccount || 'default';
  }
  aliasServiceAccount(spec);
  const tolerations = list<Json>(spec.tolerations);
  const toleratesAll = tolerations.some(
    (t) => !t.key && t.operator === 'Exists' && (!t.effect || t.effect === 'NoExecute'),
  );
  for (const key of toleratesAll ? [] : ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && t.effect === 'NoExecute')) {
      tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
    }
  }
  spec.tolerations = tolerations;
  let tokenVolume: string | undefined;
  if (spec.automountServiceAccountToken !== false && !mirror) {
    const volumes = list<Json>(spec.volumes);
    const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith('kube-api-access-'));
    tokenVolume = (existing?.name as string | undefined) ?? `kube-api-access-${context.randomSuffix()}`;
    if (!existing) {
      volumes.push({
        name: tokenVolume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            {
              downwardAPI: {
                items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
              },
            },
          ],
        },
      });
    }
    spec.volumes = volumes;
  }
  for (const container of list<Json>(spec.containers)) defaultContainer(container, tokenVolume);
  for (const container of list<Json>(spec.initContainers)) defaultContainer(container, tokenVolume);
  defaultVolumes(spec);
  const status = (pod.status ??= {}) as Json;
  status.phase ??= 'Pending';
  status.qosClass ??= qosClass(spec);
}

/** The pod's QoS class from its containers' requests and limits. */
function qosClass(spec: Json): string {
  const containers = [...list<Json>(spec.containers), ...list<Json>(spec.initContainers)];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const resources = (c.resources ?? {}) as { requests?: Json; limits?: Json };
    const requests = resources.requests ?? {};
    const limits = resources.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const name of ['cpu', 'memory']) {
      if (limits[name] === undefined || (requests[name] !== undefined && requests[name] !== limits[name])) {
        guaranteed = false;
      }
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * The defaults of a pod template (SetDefaults_PodSpec and its containers): what a Deployment's,
 * ReplicaSet's or Job's template shows in `-o yaml`. Pod-only admission (service account,
 * tolerations, priority) does not touch templates.
 */
export function defaultPodTemplate(template: unknown): void {
  if (!isObject(template)) return;
  const spec = (template.spec ??= {}) as Json;
  if (!isObject(spec)) return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  for (const container of list<Json>(spec.containers)) defaultContainer(container, undefined);
  for (const container of list<Json>(spec.initContainers)) defaultContainer(container, undefined);
  defaultVolumes(spec);
  aliasServiceAccount(spec);
}

/**
 * The v1 PodSpec's `serviceAccount`, the deprecated alias of `serviceAccountName`
 * (core/v1 conversion.go): read as the name when no name is given, and always written back as
 * the name (left out when there is none).
 */
function aliasServiceAccount(spec: Json): void {
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
}

/** The containers of a pod spec at `path` (`spec`, `spec.template.spec`), validated. */
export function validatePodSpecContainers(spec: unknown, path: string): FieldError[] {
  const podSpec = (isObject(spec) ? spec : {}) as Json;
  return [
    ...validateContainers(podSpec.containers, `${path}.containers`, true),
    ...validateContainers(podSpec.initContainers, `${path}.initContainers`, false),
  ];
}

function validateContainers(containers: unknown, path: string, required: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(containers) || containers.length === 0) {
    if (required) errors.push({ type: 'FieldValueRequired', field: path, message: 'Required value' });
    return errors;
  }
  const names = new Set<string>();
  containers.forEach((c: Json, i) => {
    const at = `${path}[${i}]`;
    if (typeof c.name !== 'string' || c.name === '') {
      errors.push({ type: 'FieldValueRequired', field: `${at}.name`, message: 'Required value' });
    } else if (!isDnsLabel(c.name)) {
      errors.push({
        type: 'FieldValueInvalid',
        field: `${at}.name`,
        message: `Invalid value: "${c.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      });
    } else if (names.has(c.name)) {
      errors.push({ type: 'FieldValueDuplicate', field: `${at}.name`, message: `Duplicate value: "${c.name}"` });
    }
    if (typeof c.name === 'string') names.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '') {
      errors.push({ type: 'FieldValueRequired', field: `${at}.image`, message: 'Required value' });
    }
  });
  return errors;
}

/** What ValidatePodUpdate lets change, word for word as it says so. */
const POD_UPDATE_FORBIDDEN =
  'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * Whether a pod spec update changes only what it may: the spec compared with the old one
 * without the containers' images, activeDeadlineSeconds, terminationGracePeriodSeconds, the
 * tolerations added after the old ones, and a nodeName set for the first time (by the binding).
 */
function changesOnlyMutable(spec: Json, old: Json): boolean {
  for (const key of new Set([...Object.keys(spec), ...Object.keys(old)])) {
    switch (key) {
      case 'activeDeadlineSeconds':
      case 'terminationGracePeriodSeconds':
        continue;
      case 'containers':
      case 'initContainers': {
        const now = list<Json>(spec[key]);
        const before = list<Json>(old[key]);
        if (now.length !== before.length) return false;
        if (now.some((c, i) => !deepEqual({ ...c, image: undefined }, { ...before[i], image: undefined })))
          return false;
        continue;
      }
      case 'tolerations': {
        const before = list<Json>(old.tolerations);
        if (!deepEqual(list<Json>(spec.tolerations).slice(0, before.length), before)) return false;
        continue;
      }
      default:
        if (key === 'nodeName' && !old.nodeName) continue;
        if (!deepEqual(spec[key], old[key])) return false;
    }
  }
  return true;
}

function validatePod(pod: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors = validatePodSpecContainers(pod.spec, 'spec');
  if (old && pod.spec !== old.spec && isObject(pod.spec) && isObject(old.spec)) {
    if (!changesOnlyMutable(pod.spec as Json, old.spec as Json)) {
      errors.push({ type: 'FieldValueForbidden', field: 'spec', message: POD_UPDATE_FORBIDDEN });
    }
  }
  return errors;
}

/** core/v1 Pod. */
export const pods: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  namespaced: true,
  // pkg/registry/core/pod/strategy.go (since v1.33): generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['po'],
  categories: ['all'],
  verbs: ALL_VERBS,
  hasStatus: true,
  subresources: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'ephemeralcontainers', verbs: ['get', 'patch', 'update'] },
    { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'proxy', kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    { name: 'resize', verbs: ['get', 'patch', 'update'] },
    STATUS_SUBRESOURCE,
  ],
  table: {
    columns: [
      NAME_COLUMN,
      column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
      column('Status', 'string', 'The aggregate status of the containers in this pod.'),
      column(
        'Restarts',
        'string',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      AGE_COLUMN,
      column('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster.', 1),
      column('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
      column(
        'Nominated Node',
        'string',
        'nominatedNodeName is set only when this pod preempts other pods on the node.',
        1,
      ),
      column('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
    ],
    row: podRow,
  },
  defaults: defaultPod,
  validate: validatePod,
  selectableFields(pod) {
    const spec = (pod.spec ?? {}) as Json;
    const status = (pod.status ?? {}) as Json;
    return {
      'spec.nodeName': String(spec.nodeName ?? ''),
      'spec.restartPolicy': String(spec.restartPolicy ?? ''),
      'spec.schedulerName': String(spec.schedulerName ?? ''),
      'spec.serviceAccountName': String(spec.serviceAccountName ?? ''),
      'spec.hostNetwork': String(spec.hostNetwork ?? false),
      'status.phase': String(status.phase ?? ''),
      'status.podIP': String(status.podIP ?? ''),
      'status.nominatedNodeName': String(status.nominatedNodeName ?? ''),
    };
  },
};
