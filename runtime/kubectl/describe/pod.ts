import { StatusError } from '../../api/status';
import { collectionPath, getJson, listAll } from './api-reads';
import { describeContainers, describeResources, type EnvResolver } from './containers';
import type { DescribeContext } from './context';
import { describeEvents, searchEvents } from './events';
import { rfc1123z, selectorString, timestampSince } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './meta-lines';
import { podQos } from './pod-resources';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import type { CoreEvent, KubeObject, Pod, PodSpec } from './types';
import { describeVolumes } from './volumes';

/** printController: `Kind/name` of the object's controller, or empty. */
export function controllerOf(object: KubeObject): string {
  const ref = object.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** EnvValueRetriever: a fieldRef's value in `pod` (fieldpath.ExtractFieldPathAsString). */
function envResolver(pod: Pod): EnvResolver {
  return (env) => {
    const path = env.valueFrom?.fieldRef?.fieldPath ?? '';
    const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (subscript)
      return (subscript[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[subscript[2]] ?? '';
    const values: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': pod.spec?.nodeName,
      'spec.serviceAccountName': pod.spec?.serviceAccountName,
      'status.hostIP': pod.status?.hostIP,
      'status.podIP': pod.status?.podIP,
      'status.podIPs': pod.status?.podIPs?.map((p) => p.ip).join(','),
    };
    return values[path] ?? '';
  };
}

/** describeTopologySpreadConstraints: one line each, sorted by topology key. */
export function describeTopologySpread(spec: PodSpec | undefined, w: PrefixWriter, space: string): void {
  const constraints = [...(spec?.topologySpreadConstraints ?? [])].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  );
  if (constraints.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  constraints.forEach((c, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${selectorString(c.labelSelector) || '<none>'}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** describePod: the pod's text, with `events` (undefined: no Events section). */
export function describePod(pod: Pod, events: CoreEvent[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec ?? {};
    const status = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs?.length) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = controllerOf(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolve = envResolver(pod);
    if (spec.initContainers?.length)
      describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '');
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolve, w, '');
    if (spec.ephemeralContainers?.length)
      describeContainers(
        'Ephemeral Containers',
        spec.ephemeralContainers,
        status.ephemeralContainerStatuses,
        resolve,
        w,
        '',
      );
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const gate of spec.readinessGates) {
        const condition = status.conditions?.find((c) => c.type === gate.conditionType);
        w.write(LEVEL_1, `${gate.conditionType} \t${condition ? condition.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQos(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpread(spec, w, '');
    if (events) describeEvents(events, w, now);
  });
}

/** The mirror pod annotation: a static pod's events name the kubelet's own pod UID. */
const MIRROR_POD = 'kubernetes.io/config.mirror';

/**
 * PodDescriber: GETs the pod and its events (by name, namespace and UID; no kind). A missing pod
 * whose events remain is described by those events alone; otherwise the NotFound is thrown.
 */
export async function describePodObject(ctx: DescribeContext): Promise<string> {
  const { api, namespace = '', name, options } = ctx;
  let pod: Pod;
  try {
    pod = await getJson<Pod>(api, `${collectionPath('', 'v1', 'pods', namespace)}/${name}`);
  } catch (error) {
    if (options.showEvents && error instanceof StatusError) {
      const path = `${collectionPath('', 'v1', 'events', namespace)}`;
      const selector = `involvedObject.name=${name},involvedObject.namespace=${namespace}`;
      const events = await listAll<CoreEvent>(api, path, { fieldSelector: selector }, options.chunkSize).catch(
        () => [],
      );
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, `Pod '${name}': error '${error.message}', but found events.\n`);
          describeEvents(events, w, options.now);
        });
      }
    }
    throw error;
  }
  let events: CoreEvent[] | undefined;
  if (options.showEvents) {
    const uid = pod.metadata.annotations?.[MIRROR_POD] ?? pod.metadata.uid ?? '';
    events = await searchEvents(api, { kind: '', name: pod.metadata.name ?? name, namespace, uid }, options.chunkSize);
  }
  return describePod(pod, events, options.now);
}
