import { strategicMergePatch } from '../api/patch';
import { selectorString, type LabelSelectorSpec } from './describe/go-format';
import type { PodTemplate } from './describe/types';
import type { ApiResourceInfo } from './discovery';
import type { KubectlClient } from './kubectl-client';
import { queryString } from './resource-url';
import type { LiveObject } from './visit-objects';

/** One revision of a workload: its number, its pod template, and the object that records it. */
export interface Revision {
  revision: number;
  template: PodTemplate;
  /** The ReplicaSet or ControllerRevision. */
  source: LiveObject;
}

type Owned = LiveObject & {
  metadata: { ownerReferences?: Array<{ uid?: string; controller?: boolean }>; annotations?: Record<string, string> };
  spec?: { template?: PodTemplate };
  revision?: number;
  data?: Record<string, unknown>;
};

/** The change-cause annotation `rollout history` lists. */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The annotation a Deployment's ReplicaSets carry their revision in. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

const controlledBy = (item: Owned, uid: unknown): boolean =>
  (item.metadata.ownerReferences ?? []).some((ref) => ref.controller === true && ref.uid === uid);

/**
 * The revisions of a Deployment (its ReplicaSets, by their revision annotation), DaemonSet or
 * StatefulSet (its ControllerRevisions, applied to the live object), as polymorphichelpers'
 * history viewers find them; undefined for kinds without history.
 */
export async function workloadRevisions(
  client: KubectlClient,
  info: ApiResourceInfo,
  workload: LiveObject,
): Promise<Revision[] | undefined> {
  const kind = `${info.group}/${info.kind}`;
  if (!['apps/Deployment', 'apps/DaemonSet', 'apps/StatefulSet'].includes(kind)) return undefined;
  const namespace = workload.metadata.namespace ?? 'default';
  const selector = selectorString((workload.spec as { selector?: LabelSelectorSpec } | undefined)?.selector);
  const collection = kind === 'apps/Deployment' ? 'replicasets' : 'controllerrevisions';
  const list = await client.json<{ items?: Owned[] }>(
    `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${collection}${queryString({ labelSelector: selector })}`,
    { target: collection },
  );
  const out: Revision[] = [];
  for (const item of list.items ?? []) {
    if (!controlledBy(item, workload.metadata.uid)) continue;
    if (kind === 'apps/Deployment') {
      const text = item.metadata.annotations?.[REVISION_ANNOTATION];
      if (text === undefined || !/^\d+$/.test(text)) continue;
      out.push({ revision: Number(text), template: item.spec?.template ?? {}, source: item });
    } else {
      const applied = strategicMergePatch(workload, item.data ?? {}) as { spec?: { template?: PodTemplate } };
      out.push({ revision: item.revision ?? 0, template: applied.spec?.template ?? {}, source: item });
    }
  }
  return out.sort((a, b) => a.revision - b.revision);
}
