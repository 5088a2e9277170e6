import { visitSpecs } from './field-specs';
import type { Kustomization } from './kustomization';
import { REPLICA_SPECS } from './metadata-specs';
import { nameOf, type KResource } from './resource';

/** `replicas`: the count for workloads named so now or before (ReplicaCountTransformer). */
export function transformReplicas(resources: readonly KResource[], replicas: Kustomization['replicas'] = []): void {
  for (const { name, count } of replicas) {
    for (const r of resources) {
      if (nameOf(r) !== name && !r.previousIds.some((id) => id.name === name)) continue;
      visitSpecs(r.object, REPLICA_SPECS, (parent, key) => (parent[key] = count ?? 0));
    }
  }
}
