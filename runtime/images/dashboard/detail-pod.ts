// The sections of a pod's detail page: where and how it runs, its containers and conditions.
import type { Json } from './api';
import { conditionsTable } from './detail-helpers';
import { card, dot, escapeHtml, fields, link } from './html';
import { pagePath } from './http';
import { referenceLink } from './links';
import type { View } from './page';
import { podRestarts, podStatus } from './status';

/** The QoS class the API server set, else the one the requests and limits make. */
function qosClass(pod: Json): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Json[] = pod.spec?.containers ?? [];
  const resources = containers.map((c) => c.resources ?? {});
  if (resources.every((r) => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = resources.every(
    (r) => r.limits?.cpu && r.limits?.memory && (!r.requests || (r.requests.cpu ?? r.limits.cpu) === r.limits.cpu),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** A container's state as one line (`Running since …`, `Waiting: ImagePullBackOff`). */
function stateText(status: Json | undefined): string {
  const state = status?.state ?? {};
  if (state.running) return `Running, started ${state.running.startedAt ?? ''}`.trim();
  if (state.waiting)
    return `Waiting: ${state.waiting.reason ?? ''}${state.waiting.message ? ` (${state.waiting.message})` : ''}`;
  if (state.terminated)
    return `Terminated: ${state.terminated.reason ?? ''} (exit code ${state.terminated.exitCode ?? 0})`;
  return 'Waiting';
}

function container(spec: Json, status: Json | undefined): string {
  const ports: Json[] = spec.ports ?? [];
  const env: Json[] = spec.env ?? [];
  const envText = (e: Json): string => {
    if (e.value !== undefined) return `${e.name}: ${e.value}`;
    const from = e.valueFrom ?? {};
    const ref = from.configMapKeyRef ?? from.secretKeyRef;
    if (ref) return `${e.name}: ${from.secretKeyRef ? 'secret' : 'config map'} ${ref.name} (${ref.key})`;
    if (from.fieldRef) return `${e.name}: ${from.fieldRef.fieldPath}`;
    return `${e.name}: `;
  };
  const running = status?.state?.running && status?.ready;
  return fields([
    ['Name', escapeHtml(spec.name)],
    ['Image', escapeHtml(spec.image)],
    ['Status', dot(running ? 'ok' : status?.state?.terminated ? 'failed' : 'pending', stateText(status))],
    ['Ready', escapeHtml(String(status?.ready ?? false))],
    ['Restarts', escapeHtml(status?.restartCount ?? 0)],
    [
      'Ports',
      ports.length
        ? ports
            .map((p) => escapeHtml(`${p.name ? `${p.name}: ` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`))
            .join('<br>')
        : '-',
    ],
    ['Environment variables', env.length ? env.map((e) => escapeHtml(envText(e))).join('<br>') : '-'],
    ['Command', escapeHtml((spec.command ?? []).join(' ') || '-')],
    ['Arguments', escapeHtml((spec.args ?? []).join(' ') || '-')],
  ]);
}

async function pod(object: Json, view: View): Promise<string[]> {
  const { namespace, name } = object.metadata;
  const status = podStatus(object);
  const node = object.spec?.nodeName;
  const info = fields([
    ['Node', node ? link(view.prefix + pagePath('node', node), node) : '-'],
    ['Status', dot(status.health, status.text)],
    ['IP', escapeHtml(object.status?.podIP ?? '-')],
    ['QoS Class', escapeHtml(qosClass(object))],
    ['Restarts', escapeHtml(podRestarts(object))],
    ['Service Account', escapeHtml(object.spec?.serviceAccountName ?? 'default')],
    [
      'Controlled by',
      ((object.metadata.ownerReferences ?? []) as Json[]).map((o) => referenceLink(view, o, namespace)).join(', ') ||
        '-',
    ],
    ['Logs', link(view.prefix + pagePath('log', namespace, name), 'View logs')],
  ]);
  const statuses: Json[] = object.status?.containerStatuses ?? [];
  const containers = ((object.spec?.containers ?? []) as Json[]).map((c) =>
    container(
      c,
      statuses.find((s) => s.name === c.name),
    ),
  );
  const init: Json[] = object.spec?.initContainers ?? [];
  const initStatuses: Json[] = object.status?.initContainerStatuses ?? [];
  return [
    card('Resource information', info),
    card('Conditions', conditionsTable(object.status?.conditions, view)),
    ...(init.length
      ? [
          card(
            'Init containers',
            init
              .map((c) =>
                container(
                  c,
                  initStatuses.find((s) => s.name === c.name),
                ),
              )
              .join('<hr>'),
          ),
        ]
      : []),
    card('Containers', containers.join('<hr>')),
  ];
}

/** The pod's sections. */
export const POD_SECTIONS: Record<string, (object: Json, view: View) => Promise<string[]>> = { pods: pod };
