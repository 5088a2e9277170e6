import type { StreamSession } from './node-connection';

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
  /**
   * An in-process client's JSON body as a value rather than text (`body` is then unset): the
   * server copies it before use, so the client keeps its own.
   */
  value?: unknown;
  /**
   * The client hands `value` over: it was built for this request alone and is never touched
   * again, so the server may keep and change it instead of copying it first.
   */
  valueHandedOver?: boolean;
}

/** A streamed body (a watch): chunks as they come, until the server or the client closes it. */
export interface ResponseStream extends AsyncIterable<string> {
  /** Stops the stream; the iteration ends. */
  close(): void;
  /**
   * The same chunks for an in-process reader, with each JSON value the producer pushed whole as
   * `{value}` rather than as its text line: the value is shared with the producer (and every
   * other reader) and must never be changed. Read either this or the text, not both.
   */
  frames?(): AsyncIterable<string | { value: unknown }>;
}

export interface ApiResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The whole body; empty when `stream` carries it. */
  body: string;
  /**
   * A JSON body as the value it encodes, for in-process clients: deep-frozen and shared with
   * the server (and other clients), so read-only. Reading it instead of `body` skips the text.
   */
  value?: unknown;
  /** The same body in pieces, when it was built so: adapters write them without joining. */
  pieces?: readonly string[];
  stream?: ResponseStream;
  /** An upgraded exec or attach (status 101): the Node adapter carries it over WebSocket. */
  session?: StreamSession;
  /**
   * A pod's answer as its server wrote it (names, case and order), for what carries its bytes
   * unchanged (`kubectl port-forward`); Go's proxy passes `headers` on, canonicalized.
   */
  wireHeaders?: Record<string, string>;
}

/** The API server as a function. */
export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
