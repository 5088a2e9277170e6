import type { ObjectStore } from './object-store';
import { authorize, type Attributes } from './rbac';
import type { RequestInfo } from './request-info';
import { StatusError } from './status';
import type { UserInfo } from './user';

// The authorization filter: every request is checked against the authorizers before it reaches a
// handler (k8s.io/apiserver filters/authorization.go; texts from responsewriters/errors.go).

/** What the request asks to do, as the authorizers see it. */
export function requestAttributes(info: RequestInfo, method: string): Attributes {
  if (!info.isResourceRequest) return { kind: 'nonResource', verb: method.toLowerCase(), path: info.path };
  let name = info.name ?? '';
  // A list or watch of one object by name is authorized as that object (request_info.go).
  if (!name && (info.verb === 'list' || info.verb === 'watch')) {
    const match = /^metadata\.name==?([^,]*)$/.exec(info.query.get('fieldSelector') ?? '');
    if (match) name = match[1];
  }
  return {
    kind: 'resource',
    verb: info.verb,
    namespace: info.namespace ?? '',
    group: info.group,
    resource: info.resource ?? '',
    subresource: info.subresource ?? '',
    name,
  };
}

/** forbiddenMessage: who cannot do what, where. */
function forbiddenMessage(user: UserInfo, a: Attributes): string {
  if (a.kind === 'nonResource')
    return `User ${JSON.stringify(user.username)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${JSON.stringify(user.username)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.group)} ${where}`;
}

/** Throws the real 403 unless the authorizers allow the request. */
export function authorizeRequest(objects: ObjectStore, user: UserInfo, info: RequestInfo, method: string): void {
  const attributes = requestAttributes(info, method);
  const decision = authorize(objects, user, attributes);
  if (decision.allowed) return;
  const detail = decision.reason
    ? `${forbiddenMessage(user, attributes)}: ${decision.reason}`
    : forbiddenMessage(user, attributes);
  let message: string;
  const details: { name?: string; group?: string; kind?: string } = {};
  if (attributes.kind === 'nonResource') message = `forbidden: ${detail}`;
  else {
    const qualified = attributes.group ? `${attributes.resource}.${attributes.group}` : attributes.resource;
    message = attributes.name
      ? `${qualified} ${JSON.stringify(attributes.name)} is forbidden: ${detail}`
      : `${qualified} is forbidden: ${detail}`;
    if (attributes.name) details.name = attributes.name;
    if (attributes.group) details.group = attributes.group;
    details.kind = attributes.resource;
  }
  throw new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details,
    code: 403,
  });
}
