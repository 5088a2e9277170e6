import type { DescribeContext } from './context';
import { goStringSlice } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed } from './object-reads';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** rbac/v1 PolicyRule. */
interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** BreakdownRule: one rule per group, resource, verb (and resource name); one per URL and verb. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length)
          for (const name of rule.resourceNames)
            out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** CompactRules: rules on one group, resource (and name) merge their verbs; others stay. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const others: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    if (rule.nonResourceURLs?.length || rule.apiGroups?.length !== 1 || rule.resources?.length !== 1) {
      others.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
    else for (const verb of rule.verbs ?? []) if (!existing.verbs?.includes(verb)) existing.verbs?.push(verb);
  }
  return [...others, ...simple.values()];
}

/** PolicyRule.String(), the key kubectl sorts rules by. */
const ruleString = (r: PolicyRule): string =>
  `&PolicyRule{Verbs:${goStringSlice(r.verbs)},APIGroups:${goStringSlice(r.apiGroups)},Resources:${goStringSlice(r.resources)},` +
  `ResourceNames:${goStringSlice(r.resourceNames)},NonResourceURLs:${goStringSlice(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `resource.group/subresource` of a rule's first resource and group. */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [resource, sub] = resources[0].split(/\/(.*)/s);
  let text = resource;
  if (groups?.length && groups[0] !== '') text += `.${groups[0]}`;
  if (sub !== undefined) text += `/${sub}`;
  return text;
}

/** RoleDescriber and ClusterRoleDescriber: the rules broken down, compacted and sorted (no events). */
export async function describeRole(ctx: DescribeContext): Promise<string> {
  const role = await getDescribed<KubeObject & { rules?: PolicyRule[] }>(ctx);
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const sorted = rules
    .map((r) => [ruleString(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, r]) => r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted)
      w.write(
        LEVEL_1,
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${goStringSlice(r.nonResourceURLs)}\t${goStringSlice(r.resourceNames)}\t${goStringSlice(r.verbs)}\n`,
      );
  });
}

/** RoleBindingDescriber and ClusterRoleBindingDescriber: the role and the subjects (no events). */
export async function describeRoleBinding(ctx: DescribeContext): Promise<string> {
  const binding = await getDescribed<
    KubeObject & {
      roleRef?: { kind?: string; name?: string };
      subjects?: Array<{ kind?: string; name?: string; namespace?: string }>;
    }
  >(ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of binding.subjects ?? [])
      w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}
