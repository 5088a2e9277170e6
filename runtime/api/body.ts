import { MAX_NESTING, nestingDepth } from '../util/nesting';
import { goJsonUnmarshalError } from '../util/go-json-syntax';
import { decodeUtf8 } from '../util/utf8';
import { clone, isObject, type KubeObject } from './object';
import { badRequest, entityTooLarge, unsupportedMediaType } from './status';
import type { ApiRequest } from './types';
import { yamlParser } from './yaml-parser';

/** The largest request body the API server takes (kube-apiserver's 3 MiB limit). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** The media type of a request's body, without parameters (`application/json` when absent). */
export function contentType(request: ApiRequest): string {
  const header = request.headers?.['content-type'] ?? '';
  return header.split(';')[0].trim().toLowerCase() || 'application/json';
}

/** The body as text, checked against the size limit. */
export function bodyText(request: ApiRequest): string {
  const body = request.body ?? '';
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  if (text.length > MAX_BODY_BYTES) throw entityTooLarge();
  return text;
}

/** Decodes a JSON or YAML request body into a value; malformed input is a 400. */
export function decodeValue(request: ApiRequest, type = contentType(request), readOnly = false): unknown {
  // An in-process client's value is its own: copied unless the caller only reads it.
  if (request.value !== undefined && type.endsWith('json')) {
    return readOnly || request.valueHandedOver ? request.value : clone(request.value);
  }
  const text = bodyText(request);
  if (type === PROTOBUF) throw unsupportedMediaType(type);
  if (!type.endsWith('yaml') && !type.endsWith('json')) throw unsupportedMediaType(type);
  if (nestingDepth(text) > MAX_NESTING) {
    throw badRequest(
      `${type.endsWith('yaml') ? 'error converting YAML to JSON: yaml' : 'json'}: exceeded max depth of ${MAX_NESTING}`,
    );
  }
  if (type.endsWith('yaml')) {
    try {
      return yamlParser()(text, { maxAliasCount: 100 });
    } catch (error) {
      throw badRequest(
        `error converting YAML to JSON: yaml: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Go's words for the syntax error, as the apiserver's JSON serializer reports it.
    const message = goJsonUnmarshalError(text) ?? (error instanceof Error ? error.message : String(error));
    throw badRequest(`couldn't get version/kind; json parse error: ${message}`);
  }
}

/** A Kubernetes protobuf body as its object's JSON; the decoder is loaded on first use. */
async function decodeProtobuf(request: ApiRequest): Promise<KubeObject> {
  const body = request.body ?? new Uint8Array();
  const bytes = typeof body === 'string' ? new Uint8Array([...body].map((c) => c.charCodeAt(0) & 0xff)) : body;
  if (bytes.length > MAX_BODY_BYTES) throw entityTooLarge();
  const { decodeKubernetesProtobuf } = await import('./protobuf/decode');
  try {
    return decodeKubernetesProtobuf(bytes).object as KubeObject;
  } catch (error) {
    throw badRequest(`couldn't decode the protobuf body: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `decodeValue`, and Kubernetes protobuf too (the DeleteOptions of a typed client's DELETE). */
export async function decodeAnyValue(request: ApiRequest): Promise<unknown> {
  return contentType(request) === PROTOBUF ? decodeProtobuf(request) : decodeValue(request);
}

/**
 * Decodes a body that must be one object (create, update), from JSON, YAML or the Kubernetes
 * protobuf that kubectl's typed clients send. The protobuf decoder is loaded only when needed.
 */
export async function decodeObject(request: ApiRequest): Promise<KubeObject> {
  if (contentType(request) === PROTOBUF) return decodeProtobuf(request);
  const value = decodeValue(request);
  if (!isObject(value)) {
    throw badRequest(
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonType(value)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  return value as KubeObject;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value;
}
