/** A Kubernetes object as kustomize's YAML sees it. */
export type KObject = Record<string, unknown>;

/** One object of a build, with what kustomize remembers about it (resource.Resource). */
export interface KResource {
  object: KObject;
  /** The names and namespaces it had before each rename, oldest first (PrevIds). */
  previousIds: Array<{ name: string; namespace: string }>;
  /** Made by a generator and not opted out: its name gets the content hash at the end. */
  needsHash?: boolean;
  /** A generator's `behavior` (create, merge, replace). */
  behavior?: string;
}

/** The map at `object[key]`, created when absent. */
export function mapAt(object: KObject, key: string): KObject {
  const value = object[key];
  if (isMap(value)) return value;
  const created: KObject = {};
  object[key] = created;
  return created;
}

export const isMap = (value: unknown): value is KObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** metadata of an object (empty when absent). */
export const metadataOf = (object: KObject): KObject => (isMap(object.metadata) ? object.metadata : {});

export const kindOf = (r: KResource): string => (typeof r.object.kind === 'string' ? r.object.kind : '');
export const nameOf = (r: KResource): string => String(metadataOf(r.object).name ?? '');
export const namespaceOf = (r: KResource): string => String(metadataOf(r.object).namespace ?? '');

/** The group and version of an object's apiVersion. */
export function groupVersionOf(object: KObject): { group: string; version: string } {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Renames a resource, remembering the id it had (StorePreviousId), so references can follow. */
export function rename(r: KResource, name: string, namespace = namespaceOf(r)): void {
  r.previousIds.push({ name: nameOf(r), namespace: namespaceOf(r) });
  const metadata = mapAt(r.object, 'metadata');
  metadata.name = name;
  if (namespace !== namespaceOf(r)) metadata.namespace = namespace;
}

/** Kinds kustomize's built-in schema knows as cluster-scoped (the ones tutorials meet). */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export const isClusterScoped = (r: KResource): boolean => CLUSTER_SCOPED.has(kindOf(r));
