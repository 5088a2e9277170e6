import { openApiV2 } from './openapi-v2';
import {
  aggregatedDiscovery,
  AGGREGATED_DISCOVERY_TYPE,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  rootPaths,
} from './discovery';
import { openApiDocument, openApiRoot } from './openapi';
import type { ResourceRegistry } from './registry';
import type { RequestInfo } from './request-info';
import { respond } from './respond';
import { pathNotFound } from './status';
import type { ApiRequest, ApiResponse } from './types';
import { SERVER_VERSION } from './version';

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/** Paths that name no resource: the root, /version, health checks, discovery and OpenAPI. */
export async function serveNonResource(
  registry: ResourceRegistry,
  request: ApiRequest,
  info: RequestInfo,
): Promise<ApiResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw pathNotFound();
  const accept = request.headers?.accept ?? '';
  const aggregated = accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2');
  const path = info.path.replace(/\/$/, '') || '/';
  if (path === '/') return respond(request, 200, rootPaths(registry));
  if (path === '/version') return respond(request, 200, SERVER_VERSION);
  if (HEALTH_PATHS.has(path))
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
  if (path === '/api') {
    return aggregated
      ? respond(request, 200, aggregatedDiscovery(registry, true), AGGREGATED_DISCOVERY_TYPE)
      : respond(request, 200, apiVersions());
  }
  if (path === '/apis') {
    return aggregated
      ? respond(request, 200, aggregatedDiscovery(registry, false), AGGREGATED_DISCOVERY_TYPE)
      : respond(request, 200, apiGroupList(registry));
  }
  const parts = path.split('/').slice(1);
  let served: unknown;
  if (path === '/openapi/v2') {
    const { type, body } = openApiV2(request.headers?.accept);
    return { status: 200, headers: { 'content-type': type }, body };
  }
  if (path === '/openapi/v3') return respond(request, 200, await openApiRoot(registry));
  if (parts[0] === 'openapi' && parts[1] === 'v3') {
    const [, , root, a, b] = parts;
    served = await (root === 'api' ? openApiDocument(registry, '', a) : openApiDocument(registry, a, b ?? ''));
    if (served === undefined) throw pathNotFound();
    return respond(request, 200, served);
  }
  if (parts[0] === 'api' && parts.length === 2) served = apiResourceList(registry, '', parts[1]);
  else if (parts[0] === 'apis' && parts.length === 2) served = apiGroup(registry, parts[1]);
  else if (parts[0] === 'apis' && parts.length === 3) served = apiResourceList(registry, parts[1], parts[2]);
  if (served === undefined) throw pathNotFound();
  return respond(request, 200, served);
}
