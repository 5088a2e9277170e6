import type { KubeObject } from '../object';
import type { ApiHandler } from '../types';

/** kube-apiserver's loopback client: the field manager of what it creates for itself. */
const USER_AGENT = 'kube-apiserver/v1.34.0 (linux/amd64) kubernetes/f28b4c9';

/**
 * POSTs `object` to `collection` as kube-apiserver's own write (no field validation, as all the
 * cluster's writes); one that already exists (409, a race with another start) counts as done.
 */
export async function createAsApiServer(api: ApiHandler, collection: string, object: KubeObject): Promise<void> {
  const created = await api({
    method: 'POST',
    path: `${collection}?fieldValidation=Ignore`,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    body: JSON.stringify(object),
  });
  if (created.status !== 201 && created.status !== 409) {
    throw new Error(`could not create ${object.kind} ${object.metadata?.name ?? ''}: ${created.body}`);
  }
}
