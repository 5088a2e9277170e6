/**
 * The pods/ephemeralcontainers subresource (pkg/registry/core/pod/storage EphemeralContainersREST
 * with podEphemeralContainersStrategy): GET answers the pod; PATCH and PUT change nothing of it
 * but spec.ephemeralContainers, which may only grow (ValidatePodEphemeralContainersUpdate).
 */
import { decodeObject } from './body';
import { reply, type ServerContext } from './handler-context';
import { fieldForbidden, fieldRequired } from './field-error';
import { clone, deepEqual, isObject, type KubeObject } from './object';
import { patchFromRequest } from './patch-request';
import type { FieldError, ResourceType } from './resource';
import { defaultContainer } from './resources/pods';
import { invalid } from './status';
import type { ApiRequest, ApiResponse } from './types';
import { isDnsLabel } from './validation';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** EphemeralContainerCommon's fields that allowedEphemeralContainerFields leaves out. */
const NOT_FOR_EPHEMERAL = [
  'ports',
  'resources',
  'resizePolicy',
  'lifecycle',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'restartPolicy',
];

/** Go's zero value test (validateFieldAllowList): absent, empty, false or an empty struct. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.values(value).some(isSet);
  return true;
}

/** validateEphemeralContainers and the update rule: existing ones stay as they were. */
function validateEphemeralContainers(spec: Json, old: Json): FieldError[] {
  const errors: FieldError[] = [];
  const path = 'spec.ephemeralContainers';
  const others = new Set([...list(spec.containers), ...list(spec.initContainers)].map((c) => String(c.name)));
  const all = new Set(others);
  const volumes = new Set(list(spec.volumes).map((v) => String(v.name)));
  list(spec.ephemeralContainers).forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) errors.push(fieldRequired(`${at}.name`));
    else if (!isDnsLabel(String(c.name)))
      errors.push({
        type: 'FieldValueInvalid',
        field: `${at}.name`,
        message: `Invalid value: "${c.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      });
    if (typeof c.image !== 'string' || c.image.trim() === '') errors.push(fieldRequired(`${at}.image`));
    list(c.volumeMounts).forEach((m, j) => {
      if (!volumes.has(String(m.name)))
        errors.push({
          type: 'FieldValueNotFound',
          field: `${at}.volumeMounts[${j}].name`,
          message: `Not found: "${m.name}"`,
        });
    });
    if (all.has(c.name))
      errors.push({ type: 'FieldValueDuplicate', field: `${at}.name`, message: `Duplicate value: "${c.name}"` });
    else all.add(c.name);
    if (c.targetContainerName && !others.has(c.targetContainerName))
      errors.push({
        type: 'FieldValueNotFound',
        field: `${at}.targetContainerName`,
        message: `Not found: "${c.targetContainerName}"`,
      });
    for (const field of NOT_FOR_EPHEMERAL) {
      if (isSet(c[field])) errors.push(fieldForbidden(`${at}.${field}`, 'cannot be set for an Ephemeral Container'));
    }
    list(c.volumeMounts).forEach((m, j) => {
      for (const field of ['subPath', 'subPathExpr'])
        if (m[field])
          errors.push(fieldForbidden(`${at}.volumeMounts[${j}].${field}`, 'cannot be set for an Ephemeral Container'));
    });
  });
  const byName = new Map(list(spec.ephemeralContainers).map((c) => [c.name, c]));
  for (const before of list(old.ephemeralContainers)) {
    const now = byName.get(before.name);
    // The real text continues with a cmp.Diff of the two, which is left out here.
    if (!now) errors.push(fieldForbidden(path, `existing ephemeral containers "${before.name}" may not be removed\n`));
    else if (!deepEqual(now, before))
      errors.push(fieldForbidden(path, `existing ephemeral containers "${before.name}" may not be changed\n`));
  }
  return errors;
}

/**
 * GET, PATCH or PUT pods/NAME/ephemeralcontainers. A write takes only the body's
 * spec.ephemeralContainers (defaulted as containers are), and bumps the pod's generation.
 */
export async function serveEphemeralContainers(
  ctx: ServerContext,
  request: ApiRequest,
  type: ResourceType,
  namespace: string,
  name: string,
  verb: string,
  dryRun: boolean,
): Promise<ApiResponse> {
  const current = ctx.objects.get(type, namespace, name);
  if (verb === 'get') return reply(ctx, request, type, 200, current);
  const body = verb === 'patch' ? patchFromRequest(request, current) : await decodeObject(request);
  const oldSpec = (current.spec ?? {}) as Json;
  const ephemerals = clone(list((body.spec as Json | undefined)?.ephemeralContainers));
  for (const container of ephemerals) defaultContainer(container, undefined);
  const spec: Json = { ...oldSpec, ephemeralContainers: ephemerals };
  if (ephemerals.length === 0) delete spec.ephemeralContainers;
  const errors = validateEphemeralContainers(spec, oldSpec);
  if (errors.length > 0) throw invalid(type.kind, type.group, name, errors);
  const meta = current.metadata ?? {};
  const changed = !deepEqual(spec.ephemeralContainers, oldSpec.ephemeralContainers);
  const next: KubeObject = {
    ...current,
    metadata: { ...meta, generation: (meta.generation ?? 1) + (changed ? 1 : 0) },
    spec,
  };
  const written = await ctx.objects.writeThrough(type, namespace, name, next, dryRun);
  return reply(ctx, request, type, 200, written);
}
