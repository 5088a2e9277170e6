import type { CrdStatus } from '../crd-names';
import { crdSupport } from '../crd-support';
import { clone, isObject, type KubeObject } from '../object';
import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { formatTime } from '../../util/time';
import { CREATED_AT_TABLE } from './created-at-table';

type Spec = {
  names?: Record<string, unknown>;
  conversion?: { strategy?: string; webhook?: { clientConfig?: { service?: Record<string, unknown> } } };
};

/** SetDefaults_CustomResourceDefinitionSpec: singular and listKind from the kind, no conversion. */
function defaultSpec(spec: Spec): void {
  if (isObject(spec.names)) {
    const kind = typeof spec.names.kind === 'string' ? spec.names.kind : '';
    if (!spec.names.singular) spec.names.singular = kind.toLowerCase();
    if (!spec.names.listKind && kind) spec.names.listKind = `${kind}List`;
  }
  spec.conversion ??= { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service;
  if (isObject(service)) service.port ??= 443;
}

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition. It has no printer: the default Name and
 * Created At table. Writes are validated as the apiextensions-apiserver does (crd-validation.ts,
 * loaded with the rest of the CRD code through crd-support.ts before the handler serves the group),
 * and each write runs the naming and establishing controllers (crd-names.ts): a definition whose
 * names no other definition of its group holds is Established at once, and its resource served.
 */
export const customresourcedefinitions: ResourceType = resourceType(
  'CustomResourceDefinition',
  'customresourcedefinitions',
  'apiextensions.k8s.io/v1',
  {
    namespaced: false,
    // apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go: generation 1, and one more on spec changes.
    generation: SPEC_GENERATION,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    hasStatus: true,
    subresources: [STATUS_SUBRESOURCE],
    table: CREATED_AT_TABLE,
    defaults(crd, context) {
      if (!isObject(crd.spec)) return;
      const { reconcileCrdNames, storedVersions } = crdSupport();
      defaultSpec(crd.spec as Spec);
      // Creation starts from an empty status; an update keeps its own (a copy, changed below).
      if (context.operation === 'create') crd.status = { storedVersions: storedVersions(crd, undefined) };
      else if (isObject(crd.status)) {
        const status = clone(crd.status) as CrdStatus;
        crd.status = { ...status, storedVersions: storedVersions(crd, { status } as KubeObject) };
      } else return;
      reconcileCrdNames(crd, context.list(customresourcedefinitions), formatTime(context.now));
    },
    validate: (crd, old) => crdSupport().validateCrd(crd, old),
    validateStatus: (crd) => crdSupport().validateCrdStatus(crd),
  },
);
