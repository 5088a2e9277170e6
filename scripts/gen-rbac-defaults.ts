/**
 * Generates runtime/api/bootstrap/rbac-defaults.json: the RBAC objects kube-apiserver's
 * `rbac/bootstrap-roles` post-start hook creates (Kubernetes v1.34), read from the bootstrap
 * policy's golden files as saved in scripts/data/rbac/ (see its README for where they come from).
 *
 * - Every object gets the `kubernetes.io/bootstrapping: rbac-defaults` label and the
 *   `rbac.authorization.kubernetes.io/autoupdate: "true"` annotation (addDefaultMetadata).
 * - Each controller role gets its ClusterRoleBinding to the kube-system ServiceAccount named by
 *   the part after `system:controller:` (addControllerRole), as controller-role-bindings.yaml has.
 * - Aggregated ClusterRoles (admin, edit, view) carry the rules the clusterrole-aggregation
 *   controller fills in (pkg/controller/clusterroleaggregation): for each selector in order, the
 *   matching ClusterRoles sorted by name, the role itself skipped, each rule appended unless an
 *   equal one is already there; repeated until nothing changes, as the controller's resyncs do.
 * - Fields are written in the order the API server's Go types serialise them.
 *
 * Run: npx tsx scripts/gen-rbac-defaults.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
interface Rule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}
interface Item {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  rules?: Rule[] | null;
  aggregationRule?: { clusterRoleSelectors: { matchLabels: Record<string, string> }[] };
  roleRef?: { apiGroup: string; kind: string; name: string };
  subjects?: { kind: string; apiGroup?: string; name: string; namespace?: string }[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'scripts/data/rbac');
const OUTPUT = join(ROOT, 'runtime/api/bootstrap/rbac-defaults.json');
const RBAC = 'rbac.authorization.k8s.io';
const CONTROLLER_PREFIX = 'system:controller:';

function load(file: string, kind: string): Item[] {
  const list = parse(readFileSync(join(DATA, file), 'utf8')) as { items: Item[] };
  for (const item of list.items)
    if (item.kind !== kind) throw new Error(`${file}: ${item.metadata.name} is no ${kind}`);
  const names = list.items.map((item) => `${item.metadata.namespace ?? ''}/${item.metadata.name}`);
  if (new Set(names).size !== names.length) throw new Error(`${file}: a name is repeated`);
  return list.items;
}

/** A PolicyRule in rbacv1.PolicyRule's field order, without empty lists. */
function rule(r: Rule): Json {
  const out: Json = { verbs: r.verbs ?? [] };
  for (const key of ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'] as const)
    if (r[key]?.length) out[key] = r[key];
  return out;
}

/** ObjectMeta with the bootstrap label and annotation (labels are a Go map: sorted keys). */
function metadata(item: Item): Json {
  const labels = { ...item.metadata.labels, 'kubernetes.io/bootstrapping': 'rbac-defaults' };
  return {
    name: item.metadata.name,
    ...(item.metadata.namespace ? { namespace: item.metadata.namespace } : {}),
    labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  };
}

function role(item: Item): Json {
  return {
    kind: item.kind,
    apiVersion: `${RBAC}/v1`,
    metadata: metadata(item),
    ...(item.rules ? { rules: item.rules.map(rule) } : {}),
    ...(item.aggregationRule ? { aggregationRule: item.aggregationRule } : {}),
  };
}

function binding(item: Item): Json {
  const subjects = (item.subjects ?? []).map((s) => ({
    kind: s.kind,
    ...(s.apiGroup ? { apiGroup: s.apiGroup } : {}),
    name: s.name,
    ...(s.namespace ? { namespace: s.namespace } : {}),
  }));
  const ref = item.roleRef!;
  return {
    kind: item.kind,
    apiVersion: `${RBAC}/v1`,
    metadata: metadata(item),
    ...(subjects.length ? { subjects } : {}),
    roleRef: { apiGroup: ref.apiGroup, kind: ref.kind, name: ref.name },
  };
}

/** The clusterrole-aggregation controller run to a fixed point over `roles`. */
function aggregate(roles: Json[]): void {
  type Role = {
    metadata: { name: string; labels: Record<string, string> };
    rules?: Json[];
    aggregationRule?: Item['aggregationRule'];
  };
  const all = roles as unknown as Role[];
  const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
  for (let changed = true; changed;) {
    changed = false;
    for (const shared of all) {
      if (!shared.aggregationRule) continue;
      const rules: Json[] = [];
      for (const { matchLabels } of shared.aggregationRule.clusterRoleSelectors) {
        const matching = all
          .filter((r) => Object.entries(matchLabels).every(([k, v]) => r.metadata.labels[k] === v))
          .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
        for (const source of matching) {
          if (source.metadata.name === shared.metadata.name) continue;
          for (const r of source.rules ?? []) if (!rules.some((existing) => same(existing, r))) rules.push(r);
        }
      }
      if (!same({ r: rules }, { r: shared.rules ?? [] })) {
        // rules sits before aggregationRule, as in rbacv1.ClusterRole.
        const { aggregationRule, ...rest } = shared;
        for (const key of Object.keys(shared)) delete (shared as Json)[key];
        Object.assign(shared, { ...rest, rules, aggregationRule });
        changed = true;
      }
    }
  }
}

const clusterRoleItems = [
  ...load('cluster-roles.yaml', 'ClusterRole'),
  ...load('controller-roles.yaml', 'ClusterRole'),
];
const controllerBindings: Item[] = load('controller-roles.yaml', 'ClusterRole').map((r) => {
  if (!r.metadata.name.startsWith(CONTROLLER_PREFIX)) throw new Error(`${r.metadata.name}: not a controller role`);
  return {
    kind: 'ClusterRoleBinding',
    metadata: { name: r.metadata.name },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: r.metadata.name },
    subjects: [
      { kind: 'ServiceAccount', name: r.metadata.name.slice(CONTROLLER_PREFIX.length), namespace: 'kube-system' },
    ],
  };
});

const clusterRoles = clusterRoleItems.map(role);
aggregate(clusterRoles);
const out = {
  clusterRoles,
  clusterRoleBindings: [...load('cluster-role-bindings.yaml', 'ClusterRoleBinding'), ...controllerBindings].map(
    binding,
  ),
  roles: load('namespace-roles.yaml', 'Role').map(role),
  roleBindings: load('namespace-role-bindings.yaml', 'RoleBinding').map(binding),
};
writeFileSync(OUTPUT, JSON.stringify(out) + '\n');
console.log(
  `${OUTPUT}: ${out.clusterRoles.length} ClusterRoles, ${out.clusterRoleBindings.length} ClusterRoleBindings, ` +
    `${out.roles.length} Roles, ${out.roleBindings.length} RoleBindings`,
);
