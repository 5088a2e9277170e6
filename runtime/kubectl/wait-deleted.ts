import type { ApiResourceInfo } from './discovery';
import { ApiError, type KubectlClient } from './kubectl-client';
import { queryString, resourceUrl } from './resource-url';
import type { CancelSignal } from '../cancel';

/** One object kubectl deleted and now waits for: where it was and the uid the DELETE answered with. */
export interface DeletedObject {
  info: ApiResourceInfo;
  namespace?: string;
  name: string;
  uid?: string;
}

interface Metadata {
  uid?: string;
  resourceVersion?: string;
}

/**
 * Waits until each object is gone, as `kubectl delete --wait` does (kubectl wait's IsDeleted):
 * a GET, and while the same object (same uid) is still there, a watch on its name until it is
 * deleted. Resolves false when `signal` stops the wait.
 */
export async function waitDeleted(
  client: KubectlClient,
  objects: readonly DeletedObject[],
  signal: CancelSignal,
): Promise<boolean> {
  for (const object of objects) {
    if (!(await waitOne(client, object, signal))) return false;
  }
  return true;
}

async function waitOne(client: KubectlClient, object: DeletedObject, signal: CancelSignal): Promise<boolean> {
  const { info, namespace, name } = object;
  while (!signal.aborted) {
    let metadata: Metadata;
    try {
      const live = await client.json<{ metadata?: Metadata }>(resourceUrl(info, namespace, name));
      metadata = live.metadata ?? {};
    } catch (error) {
      if (error instanceof ApiError && error.code === 404) return true;
      throw error;
    }
    if (object.uid && metadata.uid !== object.uid) return true;
    const query = queryString({
      fieldSelector: `metadata.name=${name}`,
      resourceVersion: metadata.resourceVersion,
      watch: 'true',
    });
    const response = await client.send(`${resourceUrl(info, namespace)}${query}`);
    const stream = response.stream;
    if (!stream) return true;
    const stop = signal.onAbort(() => stream.close());
    try {
      for await (const chunk of stream) {
        for (const line of chunk.split('\n')) {
          if (line.trim() === '') continue;
          const event = JSON.parse(line) as { type?: string; object?: { metadata?: Metadata } };
          const uid = event.object?.metadata?.uid;
          if (event.type === 'DELETED' && (!object.uid || uid === object.uid)) return true;
        }
      }
    } finally {
      stop();
      stream.close();
    }
  }
  return false;
}
