import { setCondition } from './conditions';
import { formatTime } from '../util/time';
import { decodeObject } from './body';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { patchFromRequest } from './patch-request';
import type { ResourceType } from './resource';
import { formatSelector } from './resources/workload-table';
import { respond } from './respond';
import { badRequest, StatusError, type Status } from './status';
import type { ApiRequest, ApiResponse } from './types';

/** The autoscaling/v1 Scale of a workload. */
function toScale(object: KubeObject): KubeObject {
  const meta = object.metadata ?? {};
  const spec = (object.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (object.status ?? {}) as { replicas?: number };
  const selector =
    isObject(spec.selector) && !('matchLabels' in spec.selector || 'matchExpressions' in spec.selector)
      ? formatSelector({ matchLabels: spec.selector as Record<string, string> })
      : formatSelector(spec.selector as Parameters<typeof formatSelector>[0]);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector === '<none>' ? {} : { selector }) },
  };
}

export async function serveScale(
  objects: ObjectStore,
  request: ApiRequest,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  verb: string,
  options: { dryRun: boolean },
): Promise<ApiResponse> {
  const current = objects.get(type, namespace, name);
  const scale = toScale(current);
  if (verb === 'get') return respond(request, 200, scale);
  const next = verb === 'patch' ? patchFromRequest(request, scale) : await decodeObject(request);
  const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
      reason: 'Invalid',
      details: {
        name,
        group: 'autoscaling',
        kind: 'Scale',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
            field: 'spec.replicas',
          },
        ],
      },
      code: 422,
    } satisfies Status);
  }
  const expected = verb === 'update' ? next.metadata?.resourceVersion : current.metadata?.resourceVersion;
  const updated = await objects.update(
    type,
    namespace,
    name,
    {
      ...current,
      spec: { ...(current.spec as object), replicas },
      metadata: { ...current.metadata, resourceVersion: expected },
    },
    options,
  );
  return respond(request, 200, toScale(updated));
}

/** pods/binding: the scheduler's write, which sets spec.nodeName once. */
export async function bindPod(
  objects: ObjectStore,
  request: ApiRequest,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  options: { dryRun: boolean },
  now: number,
): Promise<ApiResponse> {
  const binding = await decodeObject(request);
  const node = (binding.target as { name?: string } | undefined)?.name;
  if (!node) throw badRequest('target.name: Required value');
  const pod = objects.get(type, namespace, name);
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${spec.nodeName}"`,
      reason: 'Conflict',
      details: { name, kind: 'pods/binding' },
      code: 409,
    });
  }
  // assignPod: the node, the binding's annotations and PodScheduled=True, in one write.
  const annotations = (binding.metadata as { annotations?: Record<string, string> } | undefined)?.annotations;
  const status = (pod.status ?? {}) as { conditions?: unknown };
  const scheduled = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: null };
  const bound: KubeObject = {
    ...pod,
    metadata: {
      ...pod.metadata,
      ...(annotations ? { annotations: { ...pod.metadata?.annotations, ...annotations } } : {}),
    },
    spec: { ...spec, nodeName: node },
    status: { ...status, conditions: setCondition(status.conditions, scheduled, formatTime(now)) },
  };
  // assignPod updates storage directly: the pod's managed fields and generation stay as they were.
  await objects.writeThrough(type, namespace, name, bound, options.dryRun);
  return respond(request, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
