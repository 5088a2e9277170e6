import { ApiClient } from './client';
import type { ApiHandler } from './types';

/** Where the API server listens on the minikube network (the kubeconfig's server). */
export const API_SERVER_HOST = '192.168.49.2:8443';

/**
 * A request the API server's address refused: nothing listens there (a stopped minikube).
 * Clients print Go's `dial tcp HOST: connect: connection refused` for it.
 */
export class ConnectionRefusedError extends Error {
  constructor(readonly host: string = API_SERVER_HOST) {
    super(`dial tcp ${host}: connect: connection refused`);
  }
}

/** The handler behind each refusing one, for minikube's own reads (driverClient). */
const behind = new WeakMap<ApiHandler, ApiHandler>();

/** `handler`, refusing every request (ConnectionRefusedError) while `refusing()` says the server is down. */
export function refusingWhile(handler: ApiHandler, refusing: () => boolean): ApiHandler {
  const refuser: ApiHandler = (request) =>
    refusing() ? Promise.reject(new ConnectionRefusedError()) : handler(request);
  behind.set(refuser, handler);
  return refuser;
}

/**
 * A client that is never refused, over the same cluster: minikube reads its machine's state
 * (nodes, addons) from the docker driver and its profile, not from the API server, so a stopped
 * cluster still answers it.
 */
export function driverClient(api: ApiClient): ApiClient {
  const handler = behind.get(api.handler);
  return handler ? new ApiClient(handler) : api;
}
