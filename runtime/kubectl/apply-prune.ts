// `kubectl apply --prune` without an applyset (kubectl pkg/cmd/apply/prune.go): once everything
// is applied, objects of the default prune kinds that carry the last-applied annotation, match
// the selector and were not applied this time are deleted, each printed as `pruned`.
import type { Clock } from '../clock';
import { klogTime } from '../images/log-time';
import type { OutputStream } from '../shell/command';
import { kindPrefix, type ApiResourceInfo } from './discovery';
import { queryString, resourceUrl } from './resource-url';
import type { KubectlSetup } from './setup';

/** prune.defaultNamespacedPruneResources then defaultNonNamespacedPruneResources: [group, kind]. */
const NAMESPACED: Array<[string, string]> = [
  ['', 'ConfigMap'],
  ['', 'Endpoints'],
  ['', 'PersistentVolumeClaim'],
  ['', 'Pod'],
  ['', 'ReplicationController'],
  ['', 'Secret'],
  ['', 'Service'],
  ['batch', 'Job'],
  ['batch', 'CronJob'],
  ['networking.k8s.io', 'Ingress'],
  ['apps', 'DaemonSet'],
  ['apps', 'Deployment'],
  ['apps', 'ReplicaSet'],
  ['apps', 'StatefulSet'],
];
const CLUSTER_SCOPED: Array<[string, string]> = [
  ['', 'Namespace'],
  ['', 'PersistentVolume'],
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The key an applied object is remembered by (kubectl remembers its UID; names are as unique). */
export const visitedKey = (info: ApiResourceInfo, namespace: string | undefined, name: string): string =>
  `${info.group}/${info.resource}/${namespace ?? ''}/${name}`;

type Item = { metadata?: { name?: string; annotations?: Record<string, string> } };

/** What pruning needs from the apply that ran. */
export interface PruneOptions {
  selector: string;
  /** Namespaces applied objects live in, in the order first met. */
  namespaces: ReadonlySet<string>;
  visited: ReadonlySet<string>;
  dryRun: string;
  output: string | undefined;
  stdout: OutputStream;
  stderr: OutputStream;
  clock: Clock;
}

/** Deletes what the apply left out and prints each (pruner.pruneAll). */
export async function pruneAll(setup: KubectlSetup, options: PruneOptions): Promise<void> {
  // GetRESTMappings warns through klog whenever a namespace is in effect, which it always is.
  const now = options.clock.now();
  const pid = String(1000 + (now % 60_000)).padStart(7, ' ');
  options.stderr.write(
    `W${klogTime(now)} ${pid} prune.go:71] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.\n`,
  );
  const mapping = (group: string, kind: string): ApiResourceInfo | undefined =>
    setup.resources.find((r) => r.group === group && r.kind === kind);
  for (const namespace of options.namespaces) {
    for (const [group, kind] of NAMESPACED) {
      const info = mapping(group, kind);
      if (info) await pruneResource(setup, info, namespace, options);
    }
  }
  for (const [group, kind] of CLUSTER_SCOPED) {
    const info = mapping(group, kind);
    if (info) await pruneResource(setup, info, undefined, options);
  }
}

async function pruneResource(
  setup: KubectlSetup,
  info: ApiResourceInfo,
  namespace: string | undefined,
  options: PruneOptions,
): Promise<void> {
  const list = await setup.client.json<{ items?: Item[] }>(
    `${resourceUrl(info, namespace)}${queryString({ labelSelector: options.selector || undefined })}`,
    { target: info.resource },
  );
  for (const item of list.items ?? []) {
    const name = item.metadata?.name ?? '';
    if (item.metadata?.annotations?.[LAST_APPLIED] === undefined) continue;
    if (options.visited.has(visitedKey(info, namespace, name))) continue;
    if (options.dryRun !== 'client') {
      await setup.client.json(resourceUrl(info, namespace, name), {
        method: 'DELETE',
        contentType: 'application/json',
        value: {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          propagationPolicy: 'Background',
          ...(options.dryRun === 'server' ? { dryRun: ['All'] } : {}),
        },
        verb: 'delete',
        target: `${info.resource} ${name}`,
      });
    }
    const printed = `${kindPrefix(info)}/${name}`;
    const suffix = options.dryRun === 'server' ? ' (server dry run)' : options.dryRun === 'client' ? ' (dry run)' : '';
    options.stdout.write(options.output === 'name' ? `${printed}\n` : `${printed} pruned${suffix}\n`);
  }
}
