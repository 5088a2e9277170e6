import type { ApiResourceInfo } from './discovery';

/** The API path of a resource's collection (in `namespace` when namespaced and given) or of one object. */
export function resourceUrl(info: ApiResourceInfo, namespace?: string, name?: string, subresource?: string): string {
  // An object without apiVersion keeps its empty version, which client-go's path.Join drops.
  let path = (info.group ? `/apis/${info.group}` : '/api') + (info.version ? `/${info.version}` : '');
  if (info.namespaced && namespace !== undefined) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${info.resource}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

/** `?k=v&…` from the set values, keys in Go's url.Values order (sorted); empty when none is set. */
export function queryString(params: Record<string, string | undefined>): string {
  const parts = Object.keys(params)
    .sort()
    .filter((key) => params[key])
    .map((key) => `${key}=${encodeURIComponent(params[key] as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
