import { goJsonUnmarshalError } from '../util/go-json-syntax';
import { bodyText, contentType, decodeValue } from './body';
import { isObject, type KubeObject } from './object';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';
import { badRequest, StatusError } from './status';
import type { ApiRequest } from './types';

/** The object `patch` makes of `current`, by the request's patch type. */
export function patchFromRequest(request: ApiRequest, current: KubeObject): KubeObject {
  const type = contentType(request);
  // The patch functions copy what they take from a patch, so it is only read.
  const patch =
    type === 'application/apply-patch+yaml'
      ? decodeValue(request, 'application/yaml', true)
      : decodePatch(request, type);
  let result: unknown;
  switch (type) {
    case 'application/merge-patch+json':
      result = mergePatch(current, patch, request.valueHandedOver === true);
      break;
    case 'application/json-patch+json':
      result = jsonPatch(current, patch);
      break;
    case 'application/strategic-merge-patch+json':
    case 'application/apply-patch+yaml':
      if (!isObject(patch)) throw badRequest('patch: must be an object');
      result = strategicMergePatch(current, patch);
      break;
    default:
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        reason: 'UnsupportedMediaType',
        code: 415,
      });
  }
  if (!isObject(result)) throw badRequest('the patch produced something that is not an object');
  return result as KubeObject;
}

/**
 * A JSON patch body. One that is not JSON gets json.Unmarshal's error as the apiserver words it
 * for each patch type (patch.go: the strategic merge patch's bare, the others' `error decoding patch:`).
 */
function decodePatch(request: ApiRequest, type: string): unknown {
  if (request.value !== undefined) return request.value;
  const text = bodyText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = goJsonUnmarshalError(text) ?? (error instanceof Error ? error.message : String(error));
    throw badRequest(type === 'application/strategic-merge-patch+json' ? message : `error decoding patch: ${message}`);
  }
}
