import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE } from '../resource';

type Spec = { finalizers?: string[] };

/** core/v1 Namespace: Active until deleted, then Terminating until emptied. */
export const namespaces: ResourceType = resourceType('Namespace', 'namespaces', 'v1', {
  namespaced: false,
  shortNames: ['ns'],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  hasStatus: true,
  subresources: [{ name: 'finalize', verbs: ['update'] }, STATUS_SUBRESOURCE],
  table: {
    columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
    row: (ns, context) => [ns.metadata?.name ?? '', (ns.status as { phase?: string })?.phase ?? '', age(ns, context)],
  },
  defaults(ns) {
    const meta = (ns.metadata ??= {});
    if (meta.name) meta.labels = { ...meta.labels, 'kubernetes.io/metadata.name': meta.name };
    const status = (ns.status ??= {}) as { phase?: string };
    status.phase ??= 'Active';
  },
  // pkg/registry/core/namespace/strategy.go: the namespace controller's finalizer is added on
  // create (after the field manager, so no one owns it), and only /finalize changes the list.
  prepareForCreate(ns) {
    const spec = (ns.spec ?? {}) as Spec;
    const finalizers = spec.finalizers ?? [];
    if (!finalizers.includes('kubernetes')) ns.spec = { ...spec, finalizers: [...finalizers, 'kubernetes'] };
  },
  prepareForUpdate(ns, old) {
    const { finalizers: _sent, ...spec } = (ns.spec ?? {}) as Spec;
    const finalizers = (old.spec as Spec | undefined)?.finalizers;
    ns.spec = finalizers ? { ...spec, finalizers } : spec;
  },
  selectableFields: (ns) => ({ 'status.phase': String((ns.status as { phase?: string })?.phase ?? '') }),
});
