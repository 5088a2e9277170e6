// The resources the dashboard shows and creates: where each lives in the API, and its pages.

/** One kind of resource. */
export interface Kind {
  kind: string;
  /** The API's plural: the list page's path (`deployments`). */
  plural: string;
  /** The detail page's first segment (`deployment/NAMESPACE/NAME`). */
  singular: string;
  /** The list's heading (`Replica Sets`). */
  title: string;
  /** The API group, `''` for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  /** Whether it has a list page and detail pages (the others can only be created). */
  pages: boolean;
  /** Whether its detail page offers Scale. */
  scalable?: boolean;
}

const kind = (
  kindName: string,
  title: string,
  apiVersion: string,
  namespaced: boolean,
  options: { pages?: boolean; scalable?: boolean; plural?: string } = {},
): Kind => {
  const slash = apiVersion.indexOf('/');
  return {
    kind: kindName,
    plural: options.plural ?? `${kindName.toLowerCase()}s`,
    singular: kindName.toLowerCase(),
    title,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: apiVersion.slice(slash + 1),
    namespaced,
    pages: options.pages ?? true,
    scalable: options.scalable,
  };
};

/** Every kind the dashboard knows. */
export const KINDS: readonly Kind[] = [
  kind('CronJob', 'Cron Jobs', 'batch/v1', true),
  kind('DaemonSet', 'Daemon Sets', 'apps/v1', true),
  kind('Deployment', 'Deployments', 'apps/v1', true, { scalable: true }),
  kind('Job', 'Jobs', 'batch/v1', true),
  kind('Pod', 'Pods', 'v1', true),
  kind('ReplicaSet', 'Replica Sets', 'apps/v1', true, { scalable: true }),
  kind('StatefulSet', 'Stateful Sets', 'apps/v1', true, { scalable: true }),
  kind('Service', 'Services', 'v1', true),
  kind('Ingress', 'Ingresses', 'networking.k8s.io/v1', true, { plural: 'ingresses' }),
  kind('ConfigMap', 'Config Maps', 'v1', true),
  kind('PersistentVolumeClaim', 'Persistent Volume Claims', 'v1', true),
  kind('Secret', 'Secrets', 'v1', true),
  kind('Namespace', 'Namespaces', 'v1', false),
  kind('Node', 'Nodes', 'v1', false),
  kind('PersistentVolume', 'Persistent Volumes', 'v1', false),
  kind('Event', 'Events', 'v1', true),
  kind('ServiceAccount', 'Service Accounts', 'v1', true, { pages: false }),
  kind('ResourceQuota', 'Resource Quotas', 'v1', true, { pages: false }),
  kind('LimitRange', 'Limit Ranges', 'v1', true, { pages: false }),
];

/** The workloads, in the order the overview shows them. */
export const WORKLOADS = ['deployments', 'pods', 'replicasets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs'];

/** The kind whose list page is `plural`. */
export const byPlural = (plural: string): Kind | undefined => KINDS.find((k) => k.pages && k.plural === plural);

/** The kind whose detail pages start with `singular`. */
export const bySingular = (singular: string): Kind | undefined =>
  KINDS.find((k) => k.pages && k.plural !== 'events' && k.singular === singular);

/** The kind an object's `apiVersion` and `kind` name. */
export const byApiVersion = (apiVersion: unknown, kindName: unknown): Kind | undefined =>
  KINDS.find((k) => k.kind === kindName && (k.group ? `${k.group}/${k.version}` : k.version) === apiVersion);

/** The kind by its name (`Deployment`). */
export const byKindName = (kindName: string): Kind | undefined => KINDS.find((k) => k.kind === kindName);

/**
 * The API path of `kind`'s collection in `namespace` (every namespace when it is undefined or
 * `_all`, and for cluster-scoped kinds).
 */
export function collectionPath(k: Kind, namespace?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const scoped = k.namespaced && namespace && namespace !== ALL_NAMESPACES;
  return scoped ? `${base}/namespaces/${encodeURIComponent(namespace)}/${k.plural}` : `${base}/${k.plural}`;
}

/** The API path of one object. */
export const objectPath = (k: Kind, namespace: string | undefined, name: string): string =>
  `${collectionPath(k, namespace)}/${encodeURIComponent(name)}`;

/** The namespace selector's value for every namespace. */
export const ALL_NAMESPACES = '_all';
