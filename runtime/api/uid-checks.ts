import type { KubeObject } from './object';
import type { ResourceType } from './resource';
import { conflict, invalid } from './status';
import { errorTarget } from './store-errors';

// A write that names a UID other than the stored object's: a PUT makes it a storage precondition
// (DefaultUpdatedObjectInfo.Preconditions), which etcd3's store refuses with a StorageError the
// registry turns into a Conflict; a PATCH that changes it fails the ObjectMeta update validation.

/** The etcd key kube-apiserver keeps an object under (its registry prefixes). */
function etcdKey(type: ResourceType, namespace: string | undefined, name: string): string {
  const prefix =
    type.plural === 'services' && type.group === ''
      ? 'services/specs'
      : type.plural === 'endpoints' && type.group === ''
        ? 'services/endpoints'
        : type.plural === 'nodes' && type.group === ''
          ? 'minions'
          : type.schema
            ? `${type.group}/${type.plural}`
            : type.plural;
  return `/registry/${prefix}/${namespace ? `${namespace}/` : ''}${name}`;
}

/** PUT: a body's UID must be the stored one's (when it names one). */
export function checkUidPrecondition(
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  body: KubeObject,
  current: KubeObject,
): void {
  const uid = body.metadata?.uid;
  if (!uid || uid === current.metadata?.uid) return;
  throw conflict(
    errorTarget(type),
    name,
    `StorageError: invalid object, Code: 4, Key: ${etcdKey(type, namespace, name)}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata?.uid}`,
  );
}

/** PATCH: the UID cannot be changed. */
export function checkUidUnchanged(type: ResourceType, name: string, patched: KubeObject, current: KubeObject): void {
  const uid = patched.metadata?.uid;
  if (!uid || uid === current.metadata?.uid) return;
  throw invalid(type.kind, type.group, name, [
    {
      type: 'FieldValueInvalid',
      field: 'metadata.uid',
      message: `Invalid value: ${JSON.stringify(uid)}: field is immutable`,
    },
  ]);
}
