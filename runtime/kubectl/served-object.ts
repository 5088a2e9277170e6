import type { KubeObject, ObjectMeta } from '../api/object';

/** An object as the API server returns it: its type and name always set. */
export type ServedObject = KubeObject & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
};
