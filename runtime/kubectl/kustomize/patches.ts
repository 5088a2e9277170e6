import { parseAllDocuments } from 'yaml';
import { jsonPatch, strategicMergePatch } from '../../api/patch';
import { parseLabelSelector } from '../../api/selectors';
import { KustomizeError } from './errors';
import type { PatchEntry, PatchTarget } from './kustomization';
import {
  groupVersionOf,
  isMap,
  kindOf,
  metadataOf,
  nameOf,
  namespaceOf,
  type KObject,
  type KResource,
} from './resource';

/** The YAML documents of a patch's text (null documents dropped). */
function documentsOf(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as unknown)
    .filter((doc) => doc !== null && doc !== undefined);
}

/** `ns` as a ResId compares it: no namespace and `default` are the same (IsNsEquals). */
const sameNamespace = (a: string, b: string): boolean => (a || 'default') === (b || 'default');

/** Whether a resource is, or was, the object a patch names (GetMatchingResourcesByAnyId). */
function namedBy(r: KResource, patch: KObject): boolean {
  if (kindOf(r) !== patch.kind) return false;
  const { group, version } = groupVersionOf(patch);
  const own = groupVersionOf(r.object);
  if (group !== own.group || (version && version !== own.version)) return false;
  const name = String(metadataOf(patch).name ?? '');
  const namespace = String(metadataOf(patch).namespace ?? '');
  const ids = [{ name: nameOf(r), namespace: namespaceOf(r) }, ...r.previousIds];
  return ids.some((id) => id.name === name && sameNamespace(id.namespace, namespace));
}

/** Whether a patch's target selects a resource (types.Selector: name and namespace are anchored patterns). */
function targets(target: PatchTarget, r: KResource): boolean {
  const { group, version } = groupVersionOf(r.object);
  const anchored = (pattern: string, value: string): boolean => new RegExp(`^(?:${pattern})$`).test(value);
  if (target.kind && target.kind !== kindOf(r)) return false;
  if (target.group && target.group !== group) return false;
  if (target.version && target.version !== version) return false;
  if (target.name && !anchored(target.name, nameOf(r))) return false;
  if (target.namespace && !anchored(target.namespace, namespaceOf(r))) return false;
  const metadata = metadataOf(r.object);
  const labels = (metadata.labels ?? {}) as Record<string, string>;
  const annotations = (metadata.annotations ?? {}) as Record<string, string>;
  if (target.labelSelector && !parseLabelSelector(target.labelSelector).matches(labels)) return false;
  return !target.annotationSelector || parseLabelSelector(target.annotationSelector).matches(annotations);
}

/** The id kustomize prints for a patch (`Deployment.v1.apps/web.[noNs]`). */
function patchId(patch: KObject): string {
  const { group, version } = groupVersionOf(patch);
  const gvk = [String(patch.kind ?? ''), version, group].filter((part) => part !== '').join('.');
  const namespace = String(metadataOf(patch).namespace ?? '') || '[noNs]';
  return `${gvk}/${String(metadataOf(patch).name ?? '')}.${namespace}`;
}

/** Applies one strategic merge patch; `$patch: delete` removes the object. */
function mergeInto(resources: KResource[], r: KResource, patch: KObject, keepIdentity: boolean): void {
  const identity = { kind: r.object.kind, apiVersion: r.object.apiVersion, name: nameOf(r) };
  const merged = strategicMergePatch(r.object, patch) as KObject | undefined;
  if (merged === undefined || !isMap(merged)) {
    resources.splice(resources.indexOf(r), 1);
    return;
  }
  if (keepIdentity) Object.assign(merged, { kind: identity.kind, apiVersion: identity.apiVersion });
  r.object = merged;
  if (keepIdentity) (r.object.metadata as KObject).name = identity.name;
}

/** A strategic merge patch without a target: applied to the one object it names. */
function applyNamedPatch(resources: KResource[], patch: KObject): void {
  const matches = resources.filter((r) => namedBy(r, patch));
  if (matches.length !== 1) {
    const id = patchId(patch);
    throw new KustomizeError(
      matches.length === 0
        ? `no resource matches strategic merge patch "${id}": no matches for Id ${id}; failed to find unique target for patch ${id}`
        : `multiple matches for Id ${id}; failed to find unique target for patch ${id}`,
    );
  }
  mergeInto(resources, matches[0], patch, false);
}

/** One `patches` entry: a JSON 6902 list or strategic merge documents, with or without a target. */
export function applyPatch(resources: KResource[], entry: PatchEntry, read: (path: string) => string): void {
  const text = entry.patch ?? (entry.path ? read(entry.path) : '');
  const documents = documentsOf(text);
  if (documents.length === 1 && Array.isArray(documents[0])) {
    if (!entry.target) throw new KustomizeError('must specify a target for JSON patch');
    for (const r of resources.filter((r) => targets(entry.target as PatchTarget, r))) {
      r.object = jsonPatch(r.object, documents[0]) as KObject;
    }
    return;
  }
  for (const patch of documents.filter(isMap)) {
    if (!entry.target) applyNamedPatch(resources, patch);
    else
      for (const r of resources.filter((r) => targets(entry.target as PatchTarget, r)))
        mergeInto(resources, r, patch, true);
  }
}

/** `patchesStrategicMerge`: each entry a file or an inline patch. */
export function applyStrategicMergePatches(
  resources: KResource[],
  entries: readonly string[],
  read: (path: string) => string,
  isFile: (path: string) => boolean,
): void {
  for (const entry of entries) {
    const text = isFile(entry) ? read(entry) : entry;
    for (const patch of documentsOf(text).filter(isMap)) applyNamedPatch(resources, patch);
  }
}
