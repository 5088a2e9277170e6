import { visitField } from './field-specs';
import { isClusterScoped, isMap, kindOf, namespaceOf, nameOf, type KObject, type KResource } from './resource';

/** Where pod specs sit in the kinds that hold one. */
const POD_SPECS = ['spec', 'spec/template/spec', 'spec/jobTemplate/spec/template/spec', 'template/spec'];
const inPodSpecs = (...paths: string[]): string[] => POD_SPECS.flatMap((p) => paths.map((path) => `${p}/${path}`));
const containerPaths = (suffix: string): string[] => [`containers/${suffix}`, `initContainers/${suffix}`];

/** The fields that name an object of each kind (namereference.go's defaults, the common ones). */
const REFERENCES: Record<string, string[]> = {
  ConfigMap: inPodSpecs(
    'volumes/configMap/name',
    'volumes/projected/sources/configMap/name',
    ...containerPaths('env/valueFrom/configMapKeyRef/name'),
    ...containerPaths('envFrom/configMapRef/name'),
  ),
  Secret: [
    ...inPodSpecs(
      'volumes/secret/secretName',
      'volumes/projected/sources/secret/name',
      'imagePullSecrets/name',
      ...containerPaths('env/valueFrom/secretKeyRef/name'),
      ...containerPaths('envFrom/secretRef/name'),
    ),
    'spec/tls/secretName',
    'imagePullSecrets/name',
  ],
  Service: [
    'spec/serviceName',
    'spec/rules/http/paths/backend/service/name',
    'spec/defaultBackend/service/name',
    'spec/rules/http/paths/backend/serviceName',
    'spec/backend/serviceName',
  ],
  ServiceAccount: inPodSpecs('serviceAccountName'),
  PersistentVolumeClaim: inPodSpecs('volumes/persistentVolumeClaim/claimName'),
  PersistentVolume: ['spec/volumeName'],
  PriorityClass: inPodSpecs('priorityClassName'),
  StorageClass: ['spec/storageClassName', 'spec/volumeClaimTemplates/spec/storageClassName'],
  Role: ['roleRef/name'],
  ClusterRole: ['roleRef/name'],
  Deployment: ['spec/scaleTargetRef/name'],
  StatefulSet: ['spec/scaleTargetRef/name'],
  ReplicaSet: ['spec/scaleTargetRef/name'],
  ReplicationController: ['spec/scaleTargetRef/name'],
};

/** Fields that carry the kind they name next to the name (roleRef, scaleTargetRef). */
const KIND_BESIDE = new Set(['roleRef', 'scaleTargetRef']);

/** The object a reference names, now that names have changed (nameref.Filter.selectReferral). */
function selectReferral(referrer: KResource, candidates: KResource[], oldName: string): KResource | undefined {
  const sameNamespace = (r: KResource): boolean =>
    isClusterScoped(referrer) ||
    isClusterScoped(r) ||
    kindOf(r) === 'ServiceAccount' ||
    (namespaceOf(referrer) || 'default') === (namespaceOf(r) || 'default');
  const matches = candidates.filter((r) => r.previousIds.some((id) => id.name === oldName) && sameNamespace(r));
  if (matches.length === 0) return undefined;
  return matches.every((r) => nameOf(r) === nameOf(matches[0])) ? matches[0] : undefined;
}

/** RoleBinding subjects naming service accounts: name and namespace follow the account. */
function fixSubjects(referrer: KResource, accounts: KResource[]): void {
  if (!Array.isArray(referrer.object.subjects)) return;
  for (const subject of referrer.object.subjects) {
    if (!isMap(subject) || subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string') continue;
    const name = subject.name;
    const namespace = typeof subject.namespace === 'string' ? subject.namespace : '';
    const matches = accounts.filter((r) =>
      r.previousIds.some(
        (id) => id.name === name && (!namespace || id.namespace === namespace || namespaceOf(r) === namespace),
      ),
    );
    if (matches.length !== 1) continue;
    subject.name = nameOf(matches[0]);
    if (namespaceOf(matches[0])) subject.namespace = namespaceOf(matches[0]);
  }
}

/** Points every reference at the current name of the object it named (FixBackReferences). */
export function fixBackReferences(resources: readonly KResource[]): void {
  for (const referrer of resources) {
    for (const [kind, paths] of Object.entries(REFERENCES)) {
      const candidates = resources.filter((r) => kindOf(r) === kind && r.previousIds.length > 0);
      if (candidates.length === 0) continue;
      for (const path of paths) {
        visitField(referrer.object, path, false, (parent: KObject, key) => {
          const value = parent[key];
          if (typeof value !== 'string') return;
          if (KIND_BESIDE.has(path.split('/').slice(-2)[0]) && parent.kind !== kind) return;
          const referral = selectReferral(referrer, candidates, value);
          if (referral) parent[key] = nameOf(referral);
        });
      }
    }
    if (kindOf(referrer) === 'RoleBinding' || kindOf(referrer) === 'ClusterRoleBinding') {
      fixSubjects(
        referrer,
        resources.filter((r) => kindOf(r) === 'ServiceAccount' && r.previousIds.length > 0),
      );
    }
  }
}
