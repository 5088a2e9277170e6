/** How the registry names a resource in its errors, and the Status a storage failure becomes. */
import { StoreError } from '../storage/store';
import type { ResourceType } from './resource';
import { alreadyExists, conflict, notFound, OPTIMISTIC_LOCK_MESSAGE, serviceUnavailable } from './status';

/** How errors name the resource. */
export function errorTarget(type: ResourceType): { group: string; resource: string } {
  return { group: type.group, resource: type.plural };
}

/** A storage failure as the Status the apiserver answers with; other errors pass through as they are. */
export function storeFailure(type: ResourceType, name: string, error: unknown): unknown {
  if (!(error instanceof StoreError)) return error;
  const target = errorTarget(type);
  switch (error.code) {
    case 'KeyExists':
      return alreadyExists(target, name);
    case 'NotFound':
      return notFound(target, name);
    case 'Conflict':
      return conflict(target, name, OPTIMISTIC_LOCK_MESSAGE);
    case 'Unavailable':
      return serviceUnavailable(error.message);
    default:
      return error;
  }
}
