/**
 * The API handler's HTTP-shaped request and response. Every client — our kubectl, controllers,
 * the dashboard, `kubectl proxy`, and the Node HTTP adapter for the real kubectl — speaks this.
 */
export interface ApiRequest {
  method: string;
  /** The path with its query string, e.g. `/api/v1/namespaces/default/pods?limit=500`. */
  path: string;
  /** Header names in lower case. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface ApiResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** The API server as a function. */
export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
