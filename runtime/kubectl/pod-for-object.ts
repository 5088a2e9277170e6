import type { ServedObject } from './served-object';
import { sleep } from '../clock';
import { selectorString, type LabelSelectorSpec } from './describe/go-format';
import { resolveResource, type ApiResourceInfo } from './discovery';
import type { KubectlClient } from './kubectl-client';
import { activePodsLess, byLoggingLess, sortPods } from './pod-ordering';
import { queryString, resourceUrl } from './resource-url';
import type { KubectlSetup } from './setup';
import type { KubectlContext } from './subcommand';

// How logs, exec, attach and port-forward find their pod (kubectl's polymorphichelpers): the
// object an argument names (`bb`, `pod/bb`, `deploy/web`), and for a workload or service the
// pods its selector matches, sorted, the first one taken.

/** An error kubectl prints as `error: <message>`. */
export class CommandError extends Error {}

/** The object `arg` names, a bare name meaning a pod (builder.ResourceNames("pods", arg)). */
export async function getNamedObject(
  setup: KubectlSetup,
  arg: string,
  type = 'pods',
): Promise<{ info: ApiResourceInfo; object: ServedObject }> {
  const [kind, name] = arg.includes('/') ? arg.split('/', 2) : [type, arg];
  if (arg.split('/').length > 2)
    throw new CommandError('arguments in resource/name form may not have more than one slash');
  const info = resolveResource(setup.resources, kind);
  if (!info) throw new CommandError(`the server doesn't have a resource type ${JSON.stringify(kind)}`);
  const object = await setup.client.json<ServedObject>(resourceUrl(info, setup.namespace, name), {
    accept: 'application/json',
    target: `${info.resource} ${name}`,
  });
  return { info, object };
}

/** Go's `%T` of a typed object: `*v1.ConfigMap`. */
const goType = (object: ServedObject): string => `*${object.apiVersion.split('/').pop() ?? ''}.${object.kind}`;

/** The namespace and label selector of a workload or service (SelectorsForObject); the real errors otherwise. */
export function selectorForObject(object: ServedObject): string {
  const spec = (object.spec ?? {}) as { selector?: unknown };
  switch (object.kind) {
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Deployment':
    case 'Job':
      return selectorString(spec.selector as LabelSelectorSpec | undefined);
    case 'ReplicationController':
      return selectorString({ matchLabels: spec.selector as Record<string, string> | undefined });
    case 'Service': {
      const selector = spec.selector as Record<string, string> | undefined;
      if (!selector || Object.keys(selector).length === 0) {
        throw new CommandError(`invalid service '${object.metadata.name}': Service is defined without a selector`);
      }
      return selectorString({ matchLabels: selector });
    }
    default:
      throw new CommandError(`selector for ${goType(object)} not implemented`);
  }
}

/** Go's error for a watch that timed out (wait.ErrWaitTimeout). */
const WAIT_TIMEOUT = 'timed out waiting for the condition';

/**
 * The pods `selector` matches in `namespace`, sorted by `less` (GetPodList); when there are none,
 * waits up to `timeoutMs` for one to be added or modified, as kubectl watches for it.
 */
export async function podsForSelector(
  ctx: KubectlContext,
  client: KubectlClient,
  namespace: string,
  selector: string,
  less: (a: ServedObject, b: ServedObject) => boolean,
  timeoutMs: number,
): Promise<ServedObject[]> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  const list = await client.json<{ items: ServedObject[]; metadata: { resourceVersion?: string } }>(
    `${path}${queryString({ labelSelector: selector })}`,
  );
  if (list.items.length > 0) return sortPods(list.items, less);
  const query = queryString({ labelSelector: selector, resourceVersion: list.metadata.resourceVersion, watch: 'true' });
  const reply = await client.send(`${path}${query}`);
  const stream = reply.stream;
  if (!stream) throw new CommandError(WAIT_TIMEOUT);
  const timeout = sleep(ctx.clock, timeoutMs, ctx.signal).then(
    () => undefined,
    () => undefined,
  );
  const found = (async (): Promise<ServedObject | undefined> => {
    let buffer = '';
    for await (const chunk of stream) {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const event = JSON.parse(buffer.slice(0, nl)) as { type: string; object: ServedObject };
        buffer = buffer.slice(nl + 1);
        if (event.type === 'ADDED' || event.type === 'MODIFIED') return event.object;
      }
    }
    return undefined;
  })();
  const pod = await Promise.race([found, timeout]);
  stream.close();
  if (!pod) throw new CommandError(WAIT_TIMEOUT);
  return [pod];
}

/** The pod timeout flag (--pod-running-timeout, 20s by default) in milliseconds. */
export const DEFAULT_POD_TIMEOUT_MS = 20_000;

/** The pod exec, attach and port-forward use for an object (AttachablePodForObject). */
export async function attachablePod(
  ctx: KubectlContext,
  setup: KubectlSetup,
  object: ServedObject,
  timeoutMs = DEFAULT_POD_TIMEOUT_MS,
): Promise<ServedObject> {
  if (object.kind === 'Pod') return object;
  let selector: string;
  try {
    selector = selectorForObject(object);
  } catch (error) {
    if (error instanceof CommandError) throw new CommandError(`cannot attach to ${goType(object)}: ${error.message}`);
    throw error;
  }
  const namespace = object.metadata.namespace ?? setup.namespace;
  const pods = await podsForSelector(ctx, setup.client, namespace, selector, (a, b) => activePodsLess(b, a), timeoutMs);
  return pods[0];
}

/** The pods logs reads for an object, and how many matched (the first one taken unless all are wanted). */
export async function loggablePods(
  ctx: KubectlContext,
  setup: KubectlSetup,
  object: ServedObject,
  timeoutMs: number,
): Promise<ServedObject[]> {
  let selector: string;
  try {
    selector = selectorForObject(object);
  } catch (error) {
    if (error instanceof CommandError)
      throw new CommandError(`cannot get the logs from ${goType(object)}: ${error.message}`);
    throw error;
  }
  const namespace = object.metadata.namespace ?? setup.namespace;
  return podsForSelector(ctx, setup.client, namespace, selector, byLoggingLess, timeoutMs);
}
