import { visitSpecs, type FieldSpec } from './field-specs';
import type { LabelEntry } from './kustomization';
import { COMMON_ANNOTATION_SPECS, COMMON_LABEL_SPECS, TEMPLATE_LABEL_SPECS } from './metadata-specs';
import { isMap, type KResource } from './resource';

/** Sets `pairs` in the map at every spec's field (LabelTransformer, AnnotationsTransformer). */
function setPairs(resources: readonly KResource[], pairs: Record<string, string>, specs: readonly FieldSpec[]): void {
  if (Object.keys(pairs).length === 0) return;
  for (const r of resources) {
    visitSpecs(r.object, specs, (parent, key) => {
      if (!isMap(parent[key])) parent[key] = {};
      Object.assign(parent[key] as Record<string, unknown>, stringValues(pairs));
    });
  }
}

/** Label values are strings even when YAML read `true` or `1`. */
const stringValues = (pairs: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, v === null ? '' : String(v)]));

/** The field specs a `labels` entry writes to (configureBuiltinTransformers' LabelTransformer). */
function labelSpecs(entry: LabelEntry): FieldSpec[] {
  if (entry.includeSelectors) return COMMON_LABEL_SPECS;
  return [...(entry.includeTemplates ? TEMPLATE_LABEL_SPECS : []), { path: 'metadata/labels', create: true }];
}

/** `labels` entries, then `commonLabels` (into selectors and templates too). */
export function transformLabels(
  resources: readonly KResource[],
  labels: readonly LabelEntry[],
  commonLabels: Record<string, string> | undefined,
): void {
  for (const entry of labels) setPairs(resources, entry.pairs ?? {}, labelSpecs(entry));
  setPairs(resources, commonLabels ?? {}, COMMON_LABEL_SPECS);
}

/** `commonAnnotations`: on objects and their pod templates. */
export function transformAnnotations(resources: readonly KResource[], annotations: Record<string, string>): void {
  setPairs(resources, annotations, COMMON_ANNOTATION_SPECS);
}
