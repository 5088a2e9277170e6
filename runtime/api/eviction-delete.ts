/** The eviction's delete: the Eviction's deleteOptions, BeforeDelete's checks, the pod's DisruptionTarget. */
import { setCondition } from './conditions';
import type { Clock } from '../clock';
import { formatTime } from '../util/time';
import type { PropagationPolicy } from './graceful-deletion';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import type { FieldError, ResourceType } from './resource';
import { conflict, invalid, StatusError, type Status } from './status';

type Json = Record<string, unknown>;

/** The Eviction's deleteOptions, as the pod's delete takes them. */
export interface Deletion {
  dryRun: string[];
  gracePeriodSeconds?: number;
  preconditionUid?: string;
  preconditionVersion?: string;
  propagationPolicy?: string;
  orphanDependents?: boolean;
}

/** One eviction under way: where the pod is, how to delete it, and the clock. */
export interface Evicting {
  objects: ObjectStore;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  deletion: Deletion;
  fieldManager: string | undefined;
  clock: Clock;
}

/** Whether the request's dryRun asks for a dry run (any value; only `All` is valid). */
export const isDryRun = (dryRun: readonly string[]): boolean => dryRun.length > 0;

/**
 * addConditionAndDeletePod: outside a dry run the pod first gets the DisruptionTarget
 * condition (the latest pod, checked against the preconditions), then it is deleted.
 */
export async function addConditionAndDeletePod(e: Evicting, deletion: Deletion): Promise<void> {
  const { objects, type, namespace, name } = e;
  let options = deletion;
  if (!isDryRun(deletion.dryRun)) {
    const latest = objects.get(type, namespace, name);
    checkPreconditions(latest, deletion);
    const status = (latest.status ?? {}) as Json;
    const conditions = disruptionTarget(status.conditions, formatTime(e.clock.now()));
    // An update that changes nothing leaves the pod (and its resourceVersion) as it was.
    if (JSON.stringify(conditions) !== JSON.stringify(status.conditions)) {
      const updated = await objects.update(
        type,
        namespace,
        name,
        { ...latest, status: { ...status, conditions } },
        { dryRun: false, fieldManager: e.fieldManager, subresource: 'status' },
      );
      if (deletion.preconditionVersion !== undefined) {
        options = { ...deletion, preconditionVersion: updated.metadata?.resourceVersion };
      }
    }
  }
  // The registry's BeforeDelete: the options must be valid and the preconditions hold.
  validateDeleteOptions(options);
  checkPreconditions(objects.get(type, namespace, name), options);
  const grace = options.gracePeriodSeconds;
  const policy = options.propagationPolicy ?? (options.orphanDependents ? 'Orphan' : undefined);
  await objects.delete(type, namespace, name, {
    dryRun: isDryRun(options.dryRun),
    // A negative grace period means one second (the pod strategy's CheckGracefulDelete).
    gracePeriodSeconds: grace === undefined ? undefined : grace < 0 ? 1 : grace,
    preconditionUid: options.preconditionUid,
    preconditionVersion: options.preconditionVersion,
    propagationPolicy: policy as PropagationPolicy | undefined,
  });
}

/**
 * The pod's conditions with DisruptionTarget=True (podutil.UpdatePodCondition): an existing one
 * is replaced, keeping its transition time when its status does not change.
 */
function disruptionTarget(existing: unknown, now: string): Json[] {
  const condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: null,
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
  };
  return setCondition(existing, condition, now);
}

/** The delete's preconditions, with the registry's texts (BeforeDelete, and the update before it). */
function checkPreconditions(pod: KubeObject, deletion: Deletion): void {
  const target = { group: '', resource: 'Pod' };
  const name = pod.metadata?.name ?? '';
  const { uid, resourceVersion } = pod.metadata ?? {};
  if (deletion.preconditionUid && deletion.preconditionUid !== uid) {
    throw conflict(
      target,
      name,
      `the UID in the precondition (${deletion.preconditionUid}) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
    );
  }
  if (deletion.preconditionVersion && deletion.preconditionVersion !== resourceVersion) {
    throw conflict(
      target,
      name,
      `the ResourceVersion in the precondition (${deletion.preconditionVersion}) does not match the ResourceVersion in record (${resourceVersion}). The object might have been modified`,
    );
  }
}

const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'];

/** apimachinery's ValidateDeleteOptions, as BeforeDelete runs it: a 422 on DeleteOptions. */
function validateDeleteOptions(deletion: Deletion): void {
  const errors: FieldError[] = [];
  const policy = deletion.propagationPolicy;
  if (deletion.orphanDependents !== undefined && policy !== undefined) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'propagationPolicy',
      message: `Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    });
  }
  if (policy !== undefined && !PROPAGATION_POLICIES.includes(policy)) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'propagationPolicy',
      message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`,
    });
  }
  if (deletion.dryRun.some((v) => v !== 'All')) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'dryRun',
      message: `Unsupported value: []string{${deletion.dryRun.map((v) => JSON.stringify(v)).join(', ')}}: supported values: "All"`,
    });
  }
  if (errors.length === 0) return;
  const status = invalid('DeleteOptions', 'meta.k8s.io', '', errors).status;
  // An unnamed object's details carry no name.
  delete status.details?.name;
  throw new StatusError(status);
}

/**
 * The Eviction's deleteOptions, with the request's dryRun pushed into them (propagateDryRun):
 * both may say dryRun only if they say the same.
 */
export function deleteOptions(eviction: KubeObject, queryDryRun: string[]): Deletion {
  const raw = isObject(eviction.deleteOptions) ? eviction.deleteOptions : {};
  const bodyDryRun = Array.isArray(raw.dryRun) ? raw.dryRun.map(String) : [];
  if (bodyDryRun.length > 0 && queryDryRun.length > 0 && bodyDryRun.join('\0') !== queryDryRun.join('\0')) {
    // A plain error in the registry, which the handler reports as a 500 with reason Unknown.
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Non-matching dry-run options in request and content: [${queryDryRun.join(' ')}] and [${bodyDryRun.join(' ')}]`,
      reason: 'Unknown',
      code: 500,
    } satisfies Status);
  }
  const preconditions = isObject(raw.preconditions) ? raw.preconditions : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const grace = raw.gracePeriodSeconds;
  return {
    dryRun: bodyDryRun.length > 0 ? bodyDryRun : queryDryRun,
    gracePeriodSeconds: typeof grace === 'number' && Number.isInteger(grace) ? grace : undefined,
    preconditionUid: text(preconditions.uid),
    preconditionVersion: text(preconditions.resourceVersion),
    propagationPolicy: text(raw.propagationPolicy),
    orphanDependents: typeof raw.orphanDependents === 'boolean' ? raw.orphanDependents : undefined,
  };
}
