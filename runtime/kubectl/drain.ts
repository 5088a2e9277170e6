import { CancelledError } from '../cancel';
import { sleep } from '../clock';
import { parseGoDuration } from '../util/go-duration';
import { cordonNodes, selectNodes, type NodeObject } from './cordon';
import { errorsText } from './error-text';
import { ApiError, type KubectlClient } from './kubectl-client';
import { queryString } from './resource-url';
import { kubectlSetup } from './setup';
import type { KubectlContext, KubectlSubcommand } from './subcommand';

/** A pod as drain's filters read it. */
interface Pod {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion?: string; kind?: string; name?: string; controller?: boolean }>;
  };
  spec?: { volumes?: Array<{ emptyDir?: unknown }> };
  status?: { phase?: string };
}

/** A filter's verdict (drain filters.go PodDeleteStatus). */
interface Verdict {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

const OKAY: Verdict = { delete: true, reason: 'Okay' };
const warning = (del: boolean, message: string): Verdict => ({ delete: del, reason: 'Warning', message });
const error = (message: string): Verdict => ({ delete: false, reason: 'Error', message });

/** What drain's filters need to know besides the pod. */
interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** Whether the DaemonSet a pod names exists (an orphan's pod may go with --force). */
  daemonSetError(namespace: string, name: string): Promise<ApiError | undefined>;
}

const finished = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata.ownerReferences?.find((o) => o.controller);

/** makeFilters in their order; a filter that does not delete ends the chain. */
async function verdictFor(pod: Pod, o: DrainOptions): Promise<Verdict> {
  const filters: Array<() => Promise<Verdict> | Verdict> = [
    async () => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished(pod)) return OKAY;
      const missing = await o.daemonSetError(pod.metadata.namespace, ref.name ?? '');
      if (missing) return missing.code === 404 && o.force ? warning(true, missing.message) : error(missing.message);
      if (!o.ignoreDaemonSets) return error('DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
      return warning(false, 'ignoring DaemonSet-managed Pods');
    },
    () =>
      pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined
        ? { delete: false, reason: 'Skip' }
        : OKAY,
    () => {
      if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return OKAY;
      if (!o.deleteEmptyDirData) return error('Pods with local storage (use --delete-emptydir-data to override)');
      return warning(true, 'deleting Pods with local storage');
    },
    () => {
      if (finished(pod) || controllerOf(pod)) return OKAY;
      if (o.force) return warning(true, 'deleting Pods that declare no controller');
      return error('cannot delete Pods that declare no controller (use --force to override)');
    },
  ];
  let verdict = OKAY;
  for (const filter of filters) {
    verdict = await filter();
    if (!verdict.delete) break;
  }
  return verdict;
}

/** Pods grouped by message, in order of first appearance (Go ranges over a map here; one order of it). */
function byMessage(list: Array<{ pod: Pod; verdict: Verdict }>, reason: string): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const { pod, verdict } of list) {
    if (verdict.reason !== reason) continue;
    const key = verdict.message || 'unexpected error';
    groups.set(key, [...(groups.get(key) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  }
  return [...groups];
}

/** Evicts the pods (policy/v1 Eviction) and waits, polling each second, until each is gone. */
async function evictPods(ctx: KubectlContext, client: KubectlClient, pods: Pod[], grace: number): Promise<string[]> {
  const { stdout, stderr } = ctx;
  const timeoutText = String(ctx.flags.get('timeout') ?? '0s');
  const timeout = parseGoDuration(timeoutText) ?? 0;
  const deadline = timeout > 0 ? ctx.clock.now() + timeout : Infinity;
  const errors: string[] = [];
  const podPath = (pod: Pod): string =>
    `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace)}/pods/${encodeURIComponent(pod.metadata.name)}`;
  const pending: Pod[] = [];
  for (const pod of pods) {
    const { name, namespace } = pod.metadata;
    for (;;) {
      stdout.write(`evicting pod ${namespace}/${name}\n`);
      if (ctx.clock.now() >= deadline) {
        errors.push(
          `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: global timeout reached: ${timeoutText}`,
        );
        break;
      }
      try {
        await client.json(`${podPath(pod)}/eviction`, {
          method: 'POST',
          contentType: 'application/json',
          value: {
            kind: 'Eviction',
            apiVersion: 'policy/v1',
            metadata: { name, namespace },
            deleteOptions: grace >= 0 ? { gracePeriodSeconds: grace } : {},
          },
          verb: 'create',
          target: `pods ${name}`,
        });
        pending.push(pod);
        break;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.code === 404) break;
        if (err.code !== 429) {
          errors.push(
            `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${err.message}`,
          );
          break;
        }
        stderr.write(
          `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${err.message}\n`,
        );
        await sleep(ctx.clock, 5000, ctx.signal);
      }
    }
  }
  // waitForDelete: polls at once, then every second, until each pod is gone or replaced.
  let waiting = pending;
  while (waiting.length) {
    const still: Pod[] = [];
    for (const pod of waiting) {
      try {
        const live = await client.json<Pod>(podPath(pod), { target: `pods ${pod.metadata.name}` });
        if (live.metadata.uid !== pod.metadata.uid) stdout.write(`pod/${pod.metadata.name} evicted\n`);
        else still.push(pod);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.code === 404) stdout.write(`pod/${pod.metadata.name} evicted\n`);
        else {
          stdout.write(`pod/${pod.metadata.name} eviction failed\n`);
          errors.push(
            `error when waiting for pod ${JSON.stringify(pod.metadata.name)} in namespace ${JSON.stringify(pod.metadata.namespace)} to terminate: ${err.message}`,
          );
        }
      }
    }
    waiting = still;
    if (!waiting.length) break;
    if (ctx.clock.now() + 1000 > deadline) {
      for (const pod of waiting)
        errors.push(
          `error when waiting for pod ${JSON.stringify(pod.metadata.name)} in namespace ${JSON.stringify(pod.metadata.namespace)} to terminate: global timeout reached: ${timeoutText}`,
        );
      break;
    }
    await sleep(ctx.clock, 1000, ctx.signal);
  }
  return errors;
}

/** Go's utilerrors aggregate text: one message alone, several as `[a, b]`. */
const aggregate = (messages: string[]): string => (messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);

/**
 * `kubectl drain NODE` (kubectl pkg/cmd/drain, pkg/drain): cordons the node, then evicts its pods
 * but mirror pods, refusing (unless told) DaemonSet pods, pods with emptyDir data and pods no
 * controller recreates, and waits until they are gone.
 */
export const drain: KubectlSubcommand = {
  name: 'drain',
  flags: [
    { name: 'chunk-size', type: 'int' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'pod-selector', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'timeout', type: 'string' },
  ],
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    const setup = await kubectlSetup(ctx);
    const nodes = await selectNodes(ctx, setup.client, 'drain');
    if (typeof nodes === 'number') return nodes;
    const podSelector = String(flags.get('pod-selector') ?? '');
    const dryRun = String(flags.get('dry-run') ?? 'none');
    const grace = flags.has('grace-period') ? Number(flags.get('grace-period')) : -1;
    const options: DrainOptions = {
      force: flags.get('force') === true,
      ignoreDaemonSets: flags.get('ignore-daemonsets') === true,
      deleteEmptyDirData: flags.get('delete-emptydir-data') === true,
      async daemonSetError(namespace, name) {
        try {
          await setup.client.json(`/apis/apps/v1/namespaces/${namespace}/daemonsets/${name}`, {
            target: `daemonsets.apps ${name}`,
          });
          return undefined;
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          return err;
        }
      },
    };
    try {
      await cordonNodes(ctx, setup.client, nodes, true);
      const fatal: string[] = [];
      const remaining: string[] = [];
      for (const node of nodes) {
        const problems = await drainNode(ctx, setup.client, node, podSelector, options, dryRun, grace);
        if (problems.length === 0) {
          stdout.write(
            `node/${node.metadata.name} drained${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`,
          );
          continue;
        }
        stderr.write(
          `error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${aggregate(problems)}, continuing command...\n`,
        );
        fatal.push(...problems);
        remaining.push(node.metadata.name);
      }
      if (remaining.length === 0) return 0;
      stderr.write(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
      stderr.write(fatal.map((m) => `${m}\n`).join(''));
      return 1;
    } catch (err) {
      if (err instanceof CancelledError) return 130;
      if (err instanceof ApiError) {
        stderr.write(errorsText([err]));
        return 1;
      }
      throw err;
    }
  },
};

/** deleteOrEvictPodsSimple for one node: the errors that stop it, none when it drained. */
async function drainNode(
  ctx: KubectlContext,
  client: KubectlClient,
  node: NodeObject,
  podSelector: string,
  options: DrainOptions,
  dryRun: string,
  grace: number,
): Promise<string[]> {
  const query = queryString({
    fieldSelector: `spec.nodeName=${node.metadata.name}`,
    labelSelector: podSelector || undefined,
    limit: '500',
  });
  const pods = (await client.json<{ items?: Pod[] }>(`/api/v1/pods${query}`, { target: 'pods' })).items ?? [];
  const list: Array<{ pod: Pod; verdict: Verdict }> = [];
  for (const pod of pods) list.push({ pod, verdict: await verdictFor(pod, options) });
  const errors = byMessage(list, 'Error').map(([message, names]) => `cannot delete ${message}: ${names.join(', ')}`);
  if (errors.length) return errors;
  const warnings = byMessage(list, 'Warning').map(([message, names]) => `${message}: ${names.join(', ')}`);
  if (warnings.length) ctx.stderr.write(`Warning: ${warnings.join('; ')}\n`);
  const doomed = list.filter((p) => p.verdict.delete).map((p) => p.pod);
  if (dryRun === 'client') {
    for (const pod of doomed)
      ctx.stdout.write(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return [];
  }
  const errs = await evictPods(ctx, client, doomed, grace);
  if (errs.length) {
    ctx.stderr.write(
      `There are pending pods in node ${JSON.stringify(node.metadata.name)} when an error occurred: ${aggregate(errs)}\n`,
    );
    return [aggregate(errs)];
  }
  return [];
}
