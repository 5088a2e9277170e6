import type { FieldError } from './resource';
import type { ApiResponse } from './types';

/** meta/v1 Status: how the API server reports every failure (apimachinery pkg/api/errors). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: Array<{ reason?: string; message?: string; field?: string }>;
    retryAfterSeconds?: number;
  };
  code: number;
}

/** A Status to return, thrown inside the handler and caught at its edge. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.name = 'StatusError';
  }
}

/** A Failure Status with `reason` and `code`, thrown as a StatusError. */
export function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details: details ?? {},
    code,
  });
}

/** Names an object for errors: its qualified resource (`pods`, `deployments.apps`) and group. */
export interface ErrorTarget {
  group: string;
  /** The resource's plural name (what errors call its kind). */
  resource: string;
}

const qualified = (t: ErrorTarget): string => (t.group ? `${t.resource}.${t.group}` : t.resource);
const targetDetails = (t: ErrorTarget, name: string): Status['details'] => ({
  name,
  ...(t.group ? { group: t.group } : {}),
  kind: t.resource,
});

/** 404 for a path the server does not serve. */
export const pathNotFound = (): StatusError =>
  failure(404, 'NotFound', 'the server could not find the requested resource');

/** 404 `pods "x" not found`. */
export const notFound = (t: ErrorTarget, name: string): StatusError =>
  failure(404, 'NotFound', `${qualified(t)} "${name}" not found`, targetDetails(t, name));

/** 409 `pods "x" already exists`. */
export const alreadyExists = (t: ErrorTarget, name: string): StatusError =>
  failure(409, 'AlreadyExists', `${qualified(t)} "${name}" already exists`, targetDetails(t, name));

/** 409 Conflict, e.g. for a stale resourceVersion. */
export const conflict = (t: ErrorTarget, name: string, detail: string): StatusError =>
  failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(t)} "${name}": ${detail}`,
    targetDetails(t, name),
  );

/** The text of a stale resourceVersion conflict. */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/**
 * 422 Invalid: `Pod "x" is invalid: field: message` (one cause) or `[a, b]` (several, each text
 * once, as the error aggregate prints them); the kind is qualified by its group
 * (`Deployment.apps`), while details.kind stays bare for kubectl.
 */
export function invalid(kind: string, group: string, name: string, errors: readonly FieldError[]): StatusError {
  const texts = [...new Set(errors.map((e) => `${e.field}: ${e.message}`))];
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${aggregate}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.message, field: e.field })),
  });
}

/** 400 BadRequest. */
export const badRequest = (message: string): StatusError => failure(400, 'BadRequest', message);

/** 403 Forbidden `pods "x" is forbidden: detail`. */
export const forbidden = (t: ErrorTarget, name: string, detail: string): StatusError =>
  failure(403, 'Forbidden', `${qualified(t)} "${name}" is forbidden: ${detail}`, targetDetails(t, name));

/** 405 for a verb the resource does not support. */
export const methodNotSupported = (t: ErrorTarget, verb: string): StatusError =>
  failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`, {
    ...(t.group ? { group: t.group } : {}),
    kind: t.resource,
    causes: [{ message: `${verb} is not supported on resources of kind "${qualified(t)}"` }],
  });

/** 410 Expired for a watch from a compacted revision. */
export const expired = (message: string): StatusError => failure(410, 'Expired', message);

/** 406 when no representation the client accepts can be produced. */
export const notAcceptable = (accept: string): StatusError =>
  failure(
    406,
    'NotAcceptable',
    `only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf (requested ${accept})`,
  );

/** 415 for a body type the server cannot decode. */
export const unsupportedMediaType = (type: string): StatusError =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${type})`,
  );

/** 413 for a body (or a patched object) over the limit. */
export const entityTooLarge = (detail = 'limit is 3145728'): StatusError =>
  failure(413, 'RequestEntityTooLarge', `Request entity too large: ${detail}`);

/** 500 InternalError. */
export const internalError = (detail: string): StatusError =>
  failure(500, 'InternalError', `Internal error occurred: ${detail}`, { causes: [{ message: detail }] });

/** 503 when storage has failed. */
export const serviceUnavailable = (detail: string): StatusError => failure(503, 'ServiceUnavailable', detail);

/**
 * 429 TooManyRequests (NewTooManyRequests), with `causes` saying why. A retryAfterSeconds of 0
 * (the default) leaves the field out; a positive one the caller also sends as Retry-After.
 */
export const tooManyRequests = (
  message: string,
  retryAfterSeconds = 0,
  causes?: NonNullable<Status['details']>['causes'],
): StatusError =>
  failure(429, 'TooManyRequests', message, {
    ...(causes ? { causes } : {}),
    ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}),
  });

/** A JSON response carrying `status`, with its code as the HTTP status. */
export function statusResponse(status: Status): ApiResponse {
  return jsonResponse(status.code, status);
}

/** A JSON response; the API server's default serialisation is compact JSON. */
export function jsonResponse(code: number, value: unknown): ApiResponse {
  return { status: code, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** 500 without a reason: how the API server reports an error that is not a Status (a failed dial). */
export const unknownError = (message: string): StatusError =>
  new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
