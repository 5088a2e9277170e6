import type { ApiResponse } from './types';

/** meta/v1 Status: how the API server reports every failure (apimachinery pkg/api/errors). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: unknown[] };
  code: number;
}

/** The Status the API server sends for a path it does not serve (apimachinery NewNotFound on ""). */
export function pathNotFound(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  };
}

/** A JSON response carrying `status`, with its code as the HTTP status. */
export function statusResponse(status: Status): ApiResponse {
  return jsonResponse(status.code, status);
}

/** A JSON response; the API server's default serialisation is compact JSON. */
export function jsonResponse(code: number, value: unknown): ApiResponse {
  return { status: code, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** A Status received by a client, thrown as an error that keeps the Status whole. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'StatusError';
  }
}
