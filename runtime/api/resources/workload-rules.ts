import { isObject, type KubeObject } from '../object';
import type { FieldError } from '../resource';
import { parseLabelSelector } from '../selectors';
import { formatSelector } from './workload-table';
import { defaultPodTemplate, validatePodSpecContainers } from './pods';

type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
};

/** Go's %#v of a map[string]string, keys sorted: `map[string]string{"app":"web"}`. */
export function goStringMap(map: Record<string, string> | undefined): string {
  if (!map) return 'map[string]string(nil)';
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** Go's %#v of a metav1.LabelSelector, as immutable-selector errors print it. */
export function goLabelSelector(selector: Selector | undefined): string {
  const expressions = selector?.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(selector?.matchLabels)}, MatchExpressions:${expressions}}`;
}

/** True when the label selector selects `labels`. */
function selects(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const text = formatSelector(selector);
  if (text === '<none>') return false;
  try {
    return parseLabelSelector(text).matches(labels);
  } catch {
    return false;
  }
}

/** Defaults of a workload's pod template at `spec.template` (or a CronJob's nested one). */
export function defaultWorkloadTemplate(
  object: KubeObject,
  path: 'spec.template' | 'spec.jobTemplate.spec.template',
): void {
  let spec: unknown = object.spec;
  if (path === 'spec.jobTemplate.spec.template')
    spec = isObject(spec) && isObject(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
  if (isObject(spec)) defaultPodTemplate(spec.template);
}

/**
 * apps/v1 validation shared by Deployments, ReplicaSets, DaemonSets and StatefulSets (and v1
 * ReplicationControllers, whose selector is a plain map): a selector that selects the template's
 * labels, non-negative replicas, valid template containers, and on update an unchanged selector.
 */
export function validateWorkload(
  object: KubeObject,
  old: KubeObject | undefined,
  options: { emptySelectorWord: string; mapSelector?: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  const spec = (isObject(object.spec) ? object.spec : {}) as {
    selector?: unknown;
    replicas?: unknown;
    template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown };
  };
  const selector: Selector | undefined = options.mapSelector
    ? isObject(spec.selector)
      ? { matchLabels: spec.selector as Record<string, string> }
      : undefined
    : (spec.selector as Selector | undefined);
  const labels = spec.template?.metadata?.labels;
  const empty = formatSelector(selector) === '<none>';
  if (!isObject(spec.selector)) {
    errors.push({ type: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
  } else if (empty && !options.mapSelector) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.selector',
      message: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for ${options.emptySelectorWord}`,
    });
  }
  // A missing selector selects nothing, so the template check fails too, as upstream reports it.
  if (!(isObject(spec.selector) && empty) && !(selector && selects(selector, labels))) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.template.metadata.labels',
      message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
    });
  }
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.replicas',
      message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0`,
    });
  }
  errors.push(...validatePodSpecContainers(spec.template?.spec, 'spec.template.spec'));
  const oldSelector = (old?.spec as { selector?: Selector } | undefined)?.selector;
  if (old && !options.mapSelector && JSON.stringify(oldSelector) !== JSON.stringify(spec.selector)) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.selector',
      message: `Invalid value: ${goLabelSelector(selector)}: field is immutable`,
    });
  }
  return errors;
}
