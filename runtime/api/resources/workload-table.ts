import { column, formatLabels } from '../table';

type Container = { name?: string; image?: string };
type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
};

/** The wide columns of workload tables: Containers, Images, Selector. */
export const WORKLOAD_WIDE_COLUMNS = [
  column('Containers', 'string', 'Names of each container in the template.', 1),
  column('Images', 'string', 'Images referenced by each container in the template.', 1),
  column(
    'Selector',
    'string',
    'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
    1,
  ),
];

/** Container names, images and the selector of a pod template, as the wide cells print them. */
export function workloadWideCells(spec: {
  template?: { spec?: { containers?: Container[] } };
  selector?: Selector;
}): string[] {
  const containers = spec.template?.spec?.containers ?? [];
  return [
    containers.map((c) => c.name ?? '').join(','),
    containers.map((c) => c.image ?? '').join(','),
    formatSelector(spec.selector),
  ];
}

/** metav1.FormatLabelSelector: `a=b,c in (d,e)`, `<none>` for an empty selector. */
export function formatSelector(selector: Selector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${(selector.matchLabels as Record<string, string>)[k]}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  const text = parts.join(',');
  return text === '' ? '<none>' : text;
}

export { formatLabels };
