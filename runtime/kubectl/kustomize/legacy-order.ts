import { groupVersionOf, kindOf, nameOf, namespaceOf, type KResource } from './resource';

/** Kinds printed first and last, in this order (kyaml resid orderFirst / orderLast). */
const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const rank = (kind: string): number => {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
};

/** `group_version_kind` with `~G`, `~V`, `~K` for empty parts (legacyGVKSortString). */
function gvkString(r: KResource): string {
  const { group, version } = groupVersionOf(r.object);
  return [group || '~G', version || '~V', kindOf(r) || '~K'].join('_');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** kubectl's order for a build (ReorderOptionLegacy): by kind rank, then gvk, namespace and name. */
export function legacyOrder(resources: readonly KResource[]): KResource[] {
  return [...resources].sort((a, b) => {
    const byRank = rank(kindOf(a)) - rank(kindOf(b));
    if (byRank !== 0) return byRank;
    const [ga, gb] = [gvkString(a), gvkString(b)];
    if (ga !== gb) {
      // Namespaces of the core group come before same-named kinds of other groups.
      const namespaces = kindOf(a) === 'Namespace' && kindOf(b) === 'Namespace';
      const coreInvolved = groupVersionOf(a.object).group === '' || groupVersionOf(b.object).group === '';
      return namespaces && coreInvolved ? compare(gb, ga) : compare(ga, gb);
    }
    const id = (r: KResource): string => `${gvkString(r)}|${namespaceOf(r) || '~X'}|${nameOf(r) || '~N'}`;
    return compare(id(a), id(b));
  });
}
