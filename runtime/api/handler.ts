import { jsonResponse, pathNotFound, statusResponse } from './status';
import type { ApiHandler, ApiRequest, ApiResponse } from './types';
import { SERVER_VERSION } from './version';

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/**
 * The API server's request handler. This first version serves /version and the health checks;
 * discovery, resources and watches arrive with the API-server issue.
 */
export function createApiHandler(): ApiHandler {
  return async (request: ApiRequest): Promise<ApiResponse> => {
    const path = request.path.split('?')[0];
    if (request.method !== 'GET') return statusResponse(pathNotFound());
    if (path === '/version') return jsonResponse(200, SERVER_VERSION);
    if (HEALTH_PATHS.has(path)) {
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
    }
    return statusResponse(pathNotFound());
  };
}
