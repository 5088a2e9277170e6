import { driverClient } from '../../api/connection-refused';
import { lookupImage } from '../../images/catalog';
import type { CommandContext } from '../../shell/command';
import { sha256 } from '../../util/sha256';

// `docker ps` inside a minikube node (the docker runtime through cri-dockerd): each running pod's
// sandbox (pause) container and its running containers, named as dockershim names them, newest
// first, in docker's default table.

interface TerminatedJson {
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

interface PodJson {
  metadata: { name: string; namespace: string; uid: string; creationTimestamp?: string };
  spec: { nodeName?: string; containers: Array<{ name: string; image: string; command?: string[]; args?: string[] }> };
  status?: {
    phase?: string;
    startTime?: string;
    containerStatuses?: Array<{
      name: string;
      containerID?: string;
      imageID?: string;
      restartCount?: number;
      state?: { running?: { startedAt?: string }; terminated?: TerminatedJson };
      lastState?: { terminated?: TerminatedJson };
    }>;
  };
}

/** The pause image minikube v1.37's kubelet sandboxes use. */
const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

/** go-units HumanDuration, as `docker ps` prints ages. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** Hex digits (twelve, as docker shows them; crictl shows 13) standing for a container's or an image's ID. */
export const shortId = (seed: string, digits = 12): string =>
  [...sha256(seed).slice(0, Math.ceil(digits / 2))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, digits);

/** docker's COMMAND column: the command line, cut to 20 characters with an ellipsis, quoted. */
function commandColumn(command: string): string {
  const chars = [...command];
  return `"${chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : command}"`;
}

interface Row {
  id: string;
  image: string;
  command: string;
  created: number;
  name: string;
  /** When it exited and with what code; running when absent. */
  exited?: { at: number; code: number };
}

/** One pod's containers: its sandbox, then each running container (and, with `all`, each exited one). */
function podRows(pod: PodJson, all: boolean): Row[] {
  const { name, namespace, uid } = pod.metadata;
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '') || 0;
  const rows: Row[] = [
    {
      id: shortId(`sandbox/${uid}`),
      image: PAUSE_IMAGE,
      command: '"/pause"',
      created: started,
      name: `k8s_POD_${name}_${namespace}_${uid}_0`,
    },
  ];
  const phase = pod.status?.phase;
  if (phase !== 'Running' && phase !== 'Pending') {
    // A finished pod's sandbox stopped with its last container.
    const ends = (pod.status?.containerStatuses ?? []).map(
      (s) => Date.parse(s.state?.terminated?.finishedAt ?? '') || 0,
    );
    rows[0].exited = { at: Math.max(started, ...ends), code: 0 };
  }
  for (const status of pod.status?.containerStatuses ?? []) {
    const running = status.state?.running;
    const terminated = status.lastState?.terminated ?? status.state?.terminated;
    if (all && terminated) rows.push(exitedRow(pod, status.name, status.imageID, terminated, status));
    if (!running) continue;
    const spec = pod.spec.containers.find((c) => c.name === status.name);
    const found = spec ? lookupImage(spec.image) : undefined;
    const config = found?.ok ? found.image.module.config : {};
    // The pod's command replaces the entrypoint, its args the image's cmd (and a command drops cmd).
    const argv = spec?.command ?? config.entrypoint ?? [];
    const args = spec?.args ?? (spec?.command ? [] : (config.cmd ?? []));
    rows.push({
      id: (status.containerID ?? '').replace(/^\w+:\/\//, '').slice(0, 12) || shortId(`${uid}/${status.name}`),
      // cri-dockerd creates containers from the image's ID, which docker shows cut to 12 digits.
      image: shortId(status.imageID ?? spec?.image ?? ''),
      command: commandColumn([...argv, ...args].join(' ')),
      created: Date.parse(running.startedAt ?? '') || started,
      name: `k8s_${status.name}_${name}_${namespace}_${uid}_${status.restartCount ?? 0}`,
    });
  }
  return rows;
}

/** A container that has exited: the one before a restart, or the pod's last. */
function exitedRow(
  pod: PodJson,
  name: string,
  imageID: string | undefined,
  terminated: TerminatedJson,
  status: { restartCount?: number; lastState?: { terminated?: TerminatedJson } },
): Row {
  const { name: podName, namespace, uid } = pod.metadata;
  const attempt = (status.restartCount ?? 0) - (status.lastState?.terminated ? 1 : 0);
  const spec = pod.spec.containers.find((c) => c.name === name);
  const found = spec ? lookupImage(spec.image) : undefined;
  const config = found?.ok ? found.image.module.config : {};
  const argv = spec?.command ?? config.entrypoint ?? [];
  const args = spec?.args ?? (spec?.command ? [] : (config.cmd ?? []));
  const created = Date.parse(terminated.startedAt ?? '') || 0;
  return {
    id: (terminated.containerID ?? '').replace(/^\w+:\/\//, '').slice(0, 12) || shortId(`${uid}/${name}/${attempt}`),
    image: shortId(imageID ?? spec?.image ?? ''),
    command: commandColumn([...argv, ...args].join(' ')),
    created,
    name: `k8s_${name}_${podName}_${namespace}_${uid}_${Math.max(attempt, 0)}`,
    exited: { at: Date.parse(terminated.finishedAt ?? '') || created, code: terminated.exitCode ?? 0 },
  };
}

/** `docker ps [-a]` on node `node`: the table, newest container first. */
export async function dockerPs(ctx: CommandContext, node: string, all = false): Promise<string> {
  const path = `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`;
  const pods = await driverClient(ctx.shell.api).getJson<{ items: PodJson[] }>(path);
  const now = ctx.shell.clock.now();
  const rows = pods.items
    .filter((pod) => all || pod.status?.phase === 'Running' || pod.status?.phase === 'Pending')
    .flatMap((pod) => podRows(pod, all))
    .sort((a, b) => b.created - a.created);
  const table = [
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...rows.map((r) => [
      r.id,
      r.image,
      r.command,
      `${humanDuration(now - r.created)} ago`,
      r.exited
        ? `Exited (${r.exited.code}) ${humanDuration(now - r.exited.at)} ago`
        : `Up ${humanDuration(now - r.created)}`,
      '',
      r.name,
    ]),
  ];
  // text/tabwriter with padding 3 (docker's formatter), the last column unpadded.
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}
