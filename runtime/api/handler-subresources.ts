/** Subresource dispatch: status, scale, logs, exec, attach, proxies, tokens, binding, eviction, finalize. */
import { decodeObject } from './body';
import { evictPod } from './eviction';
import { reply, type ServerContext } from './handler-context';
import { writeOptions } from './handler-write-options';
import { patchFromRequest } from './patch-request';
import { podLog, podStream } from './pod-connect';
import { serveEphemeralContainers } from './pod-ephemeral-containers';
import { proxy } from './proxy';
import type { RequestInfo } from './request-info';
import type { ResourceType } from './resource';
import { respond } from './respond';
import { issueToken } from './service-account-token';
import { methodNotSupported, notFound, pathNotFound } from './status';
import { bindPod, serveScale } from './subresources';
import type { ApiRequest, ApiResponse } from './types';

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/** A request for a subresource of one object, served by the module that answers that subresource. */
export async function serveSubresource(
  ctx: ServerContext,
  request: ApiRequest,
  info: RequestInfo,
  type: ResourceType,
): Promise<ApiResponse> {
  const namespace = type.namespaced ? info.namespace : undefined;
  const name = info.name as string;
  const sub = type.subresources?.find((s) => s.name === info.subresource);
  if (!sub || info.name === undefined) throw pathNotFound();
  const verb = info.verb;
  if (!sub.verbs.includes(verb))
    throw methodNotSupported({ group: type.group, resource: `${type.plural}/${sub.name}` }, verb);
  const options = writeOptions(info, request);
  if (sub.name === 'status') {
    if (verb === 'get') return reply(ctx, request, type, 200, ctx.objects.get(type, namespace, name));
    const current = ctx.objects.get(type, namespace, name);
    const body = verb === 'patch' ? patchFromRequest(request, current) : await decodeObject(request);
    if (verb === 'patch') body.metadata = { ...body.metadata, resourceVersion: current.metadata?.resourceVersion };
    const updated = await ctx.objects.update(type, namespace, name, body, { ...options, subresource: 'status' });
    return reply(ctx, request, type, 200, updated);
  }
  if (sub.name === 'scale' && SCALABLE.has(type.plural))
    return serveScale(ctx.objects, request, type, namespace, name, verb, options);
  if (type.group === '' && (type.plural === 'pods' || type.plural === 'services' || type.plural === 'nodes')) {
    if (sub.name === 'proxy') return proxy(ctx.objects, ctx.network, request, info, (n) => ctx.rng.int(n));
    if (sub.name === 'log' && type.plural === 'pods')
      return podLog(ctx.objects, ctx.network, info.query, namespace as string, name);
    if ((sub.name === 'exec' || sub.name === 'attach') && type.plural === 'pods')
      return podStream(ctx.objects, ctx.network, request, info.query, sub.name, namespace as string, name);
  }
  if (sub.name === 'token' && type.plural === 'serviceaccounts') {
    const tokenRequest = await decodeObject(request);
    const issued = issueToken(ctx.objects, namespace as string, name, tokenRequest, ctx.clock.now(), ctx.rng);
    return respond(request, 201, issued);
  }
  if (sub.name === 'ephemeralcontainers' && type.plural === 'pods')
    return serveEphemeralContainers(ctx, request, type, namespace as string, name, verb, options.dryRun);
  if (sub.name === 'binding' && type.plural === 'pods')
    return bindPod(ctx.objects, request, type, namespace, name, options, ctx.clock.now());
  if (sub.name === 'eviction' && type.plural === 'pods')
    return evictPod(ctx.objects, request, type, namespace, name, options, ctx.clock);
  if (sub.name === 'finalize' && type.plural === 'namespaces') {
    const finalized = await ctx.objects.finalizeNamespace(type, name, await decodeObject(request), options);
    return reply(ctx, request, type, 200, finalized);
  }
  throw notFound({ group: type.group, resource: `${type.plural}/${sub.name}` }, name);
}
