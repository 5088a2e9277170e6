import { tabulate } from './printers/tabwriter';

/** An rbac/v1 PolicyRule, as SelfSubjectRulesReview's resource and non-resource rules become one. */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** The status of a SelfSubjectRulesReview. */
export interface RulesReviewStatus {
  resourceRules?: Array<{ verbs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }>;
  nonResourceRules?: Array<{ verbs?: string[]; nonResourceURLs?: string[] }>;
  incomplete?: boolean;
  evaluationError?: string;
}

const rule = (fields: Partial<PolicyRule>): PolicyRule => ({
  verbs: fields.verbs ?? [],
  apiGroups: fields.apiGroups ?? [],
  resources: fields.resources ?? [],
  resourceNames: fields.resourceNames ?? [],
  nonResourceURLs: fields.nonResourceURLs ?? [],
});

/** Go's %v of a []string: `[a b]`. */
const list = (items: readonly string[]): string => `[${items.join(' ')}]`;

/** kubectl's rbac.BreakdownRule: one rule per group, resource, verb (and name); one per URL and verb. */
function breakdown(r: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of r.apiGroups)
    for (const resource of r.resources)
      for (const verb of r.verbs) {
        const base = { apiGroups: [group], resources: [resource], verbs: [verb] };
        if (r.resourceNames.length === 0) out.push(rule(base));
        else for (const name of r.resourceNames) out.push(rule({ ...base, resourceNames: [name] }));
      }
  for (const url of r.nonResourceURLs)
    for (const verb of r.verbs) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** kubectl's rbac.CompactRules: rules on one resource (and at most one name) merge their verbs. */
function compact(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple =
      r.resourceNames.length <= 1 &&
      r.nonResourceURLs.length === 0 &&
      r.apiGroups.length === 1 &&
      r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const verb of r.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...out, ...simple.values()];
}

/** PolicyRule.String() (gogo protobuf), which `can-i --list` sorts by. */
const ruleString = (r: PolicyRule): string =>
  `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;

/** describe.CombineResourceGroup: `pods`, `deployments.apps`, `pods.metrics.k8s.io/log`. */
function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  if (resources.length === 0) return '';
  const [name, sub] = resources[0].split(/\/(.*)/s);
  let combined = name;
  if (groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  return sub === undefined ? combined : `${combined}/${sub}`;
}

/** The table `kubectl auth can-i --list` prints for a rules review's status. */
export function accessTable(status: RulesReviewStatus, noHeaders: boolean): string {
  const rules = [
    ...(status.resourceRules ?? []).map((r) =>
      rule({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames }),
    ),
    ...(status.nonResourceRules ?? []).map((r) => rule({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const sorted = compact(rules.flatMap(breakdown))
    .map((r) => ({ r, key: ruleString(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);
  let text = noHeaders ? '' : 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n';
  for (const r of sorted)
    text += `${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`;
  return tabulate(text);
}
