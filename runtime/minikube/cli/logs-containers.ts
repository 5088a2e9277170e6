import type { ApiClient } from '../../api/client';
import { driverClient } from '../../api/connection-refused';
import { humanDuration, shortId } from './docker-ps';

// The control-plane node's containers as cri-dockerd keeps them: the running one of each pod's
// container and the one before it when it restarted, named `k8s_<container>_<pod>_<ns>_<uid>_<attempt>`.

interface ContainerStateJson {
  running?: { startedAt?: string };
  terminated?: { startedAt?: string; containerID?: string };
}

interface PodJson {
  metadata: { name: string; namespace: string; uid: string };
  status?: {
    containerStatuses?: Array<{
      name: string;
      containerID?: string;
      imageID?: string;
      image?: string;
      restartCount?: number;
      state?: ContainerStateJson;
      lastState?: ContainerStateJson;
    }>;
  };
}

/** One container on the node, running or exited. */
export interface NodeContainer {
  /** The full 64-hex ID (the pod status's containerID without `docker://`). */
  id: string;
  name: string;
  pod: string;
  namespace: string;
  podUid: string;
  imageId: string;
  attempt: number;
  running: boolean;
  created: number;
  /** Whether the API serves its log as `previous` (the instance before a restart). */
  previous: boolean;
}

const bareId = (containerID: string | undefined): string => (containerID ?? '').replace(/^\w+:\/\//, '');

/** The containers of the pods on `node`, newest first as `docker ps -a` and `crictl ps -a` list them. */
export async function nodeContainers(api: ApiClient, node: string): Promise<NodeContainer[]> {
  const path = `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`;
  const pods = await driverClient(api).getJson<{ items: PodJson[] }>(path);
  const containers: NodeContainer[] = [];
  for (const pod of pods.items) {
    const { name: podName, namespace, uid } = pod.metadata;
    for (const status of pod.status?.containerStatuses ?? []) {
      const base = { name: status.name, pod: podName, namespace, podUid: uid, imageId: status.imageID ?? '' };
      const attempt = status.restartCount ?? 0;
      const current = status.state?.running;
      if (current && status.containerID) {
        const created = Date.parse(current.startedAt ?? '') || 0;
        const id = bareId(status.containerID);
        containers.push({ ...base, id, attempt, running: true, created, previous: false });
      }
      const last = status.lastState?.terminated ?? status.state?.terminated;
      if (last && (last.containerID || status.containerID)) {
        const created = Date.parse(last.startedAt ?? '') || 0;
        const id = bareId(last.containerID ?? status.containerID);
        const previous = status.lastState?.terminated !== undefined;
        containers.push({ ...base, id, attempt: previous ? attempt - 1 : attempt, running: false, created, previous });
      }
    }
  }
  return containers.sort((a, b) => b.created - a.created);
}

/** The containers `docker ps -a --filter=name=k8s_<name>` finds (the filter is a regexp on the name). */
export function containersNamed(containers: readonly NodeContainer[], name: string): NodeContainer[] {
  const pattern = new RegExp(`k8s_${name}`);
  return containers.filter((c) => pattern.test(`k8s_${c.name}_${c.pod}_${c.namespace}_${c.podUid}_${c.attempt}`));
}

/**
 * `sudo crictl ps -a` (cruntime.ContainerStatusCommand) through cri-dockerd: crictl's table
 * (text/tabwriter, minwidth 20, padding 3), IDs cut to 13 digits, images shown by their ID.
 */
export function crictlPs(containers: readonly NodeContainer[], now: number): string {
  const rows = [
    ['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'],
    ...containers.map((c) => [
      c.id.slice(0, 13),
      shortId(c.imageId, 13),
      `${humanDuration(now - c.created)} ago`,
      c.running ? 'Running' : 'Exited',
      c.name,
      String(c.attempt),
      shortId(`sandbox/${c.podUid}`, 13),
      c.pod,
      c.namespace,
    ]),
  ];
  // tabwriter: every cell but the last is padded to its column's width plus 3, at least 20.
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length + 3), 20));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

/** `docker logs --tail N ID` (N 0: the whole log) read through the API's pods/log. */
export async function containerLog(api: ApiClient, container: NodeContainer, lines: number): Promise<string> {
  const query = [
    `container=${encodeURIComponent(container.name)}`,
    ...(container.previous ? ['previous=true'] : []),
    ...(lines > 0 ? [`tailLines=${lines}`] : []),
  ].join('&');
  const path = `/api/v1/namespaces/${container.namespace}/pods/${container.pod}/log?${query}`;
  const response = await driverClient(api).handler({ method: 'GET', path, headers: { accept: '*/*' } });
  if (response.status >= 400) return '';
  const text = response.body;
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
