import { bindings } from './resources/bindings';
import { clusterrolebindings } from './resources/clusterrolebindings';
import { clusterroles } from './resources/clusterroles';
import { componentstatuses } from './resources/componentstatuses';
import { configmaps } from './resources/configmaps';
import { controllerrevisions } from './resources/controllerrevisions';
import { cronjobs } from './resources/cronjobs';
import { customresourcedefinitions } from './resources/customresourcedefinitions';
import { daemonsets } from './resources/daemonsets';
import { deployments } from './resources/deployments';
import { endpoints } from './resources/endpoints';
import { endpointslices } from './resources/endpointslices';
import { events } from './resources/events';
import { eventsK8sIo } from './resources/events-k8s-io';
import { horizontalpodautoscalers } from './resources/horizontalpodautoscalers';
import { ingressclasses } from './resources/ingressclasses';
import { ingresses } from './resources/ingresses';
import { jobs } from './resources/jobs';
import { leases } from './resources/leases';
import { localsubjectaccessreviews } from './resources/localsubjectaccessreviews';
import { selfsubjectaccessreviews } from './resources/selfsubjectaccessreviews';
import { selfsubjectreviews } from './resources/selfsubjectreviews';
import { selfsubjectrulesreviews } from './resources/selfsubjectrulesreviews';
import { subjectaccessreviews } from './resources/subjectaccessreviews';
import { tokenreviews } from './resources/tokenreviews';

import { limitranges } from './resources/limitranges';
import { namespaces } from './resources/namespaces';
import { networkpolicies } from './resources/networkpolicies';
import { nodes } from './resources/nodes';
import { persistentvolumeclaims } from './resources/persistentvolumeclaims';
import { persistentvolumes } from './resources/persistentvolumes';
import { poddisruptionbudgets } from './resources/poddisruptionbudgets';
import { pods } from './resources/pods';
import { podtemplates } from './resources/podtemplates';
import { priorityclasses } from './resources/priorityclasses';
import { replicasets } from './resources/replicasets';
import { replicationcontrollers } from './resources/replicationcontrollers';
import { resourcequotas } from './resources/resourcequotas';
import { rolebindings } from './resources/rolebindings';
import { roles } from './resources/roles';
import { secrets } from './resources/secrets';
import { serviceaccounts } from './resources/serviceaccounts';
import { services } from './resources/services';
import { statefulsets } from './resources/statefulsets';
import { storageclasses } from './resources/storageclasses';
import { groupVersion, type ResourceType } from './resource';

/** Every resource the API server serves. Discovery lists them by group, resources in name order. */
const RESOURCES: readonly ResourceType[] = [
  bindings,
  clusterrolebindings,
  clusterroles,
  componentstatuses,
  configmaps,
  controllerrevisions,
  cronjobs,
  customresourcedefinitions,
  daemonsets,
  deployments,
  endpoints,
  endpointslices,
  events,
  eventsK8sIo,
  horizontalpodautoscalers,
  ingressclasses,
  ingresses,
  jobs,
  leases,
  limitranges,
  localsubjectaccessreviews,
  namespaces,
  networkpolicies,
  nodes,
  persistentvolumeclaims,
  persistentvolumes,
  poddisruptionbudgets,
  pods,
  podtemplates,
  priorityclasses,
  replicasets,
  replicationcontrollers,
  resourcequotas,
  rolebindings,
  roles,
  secrets,
  selfsubjectaccessreviews,
  selfsubjectreviews,
  selfsubjectrulesreviews,
  serviceaccounts,
  services,
  statefulsets,
  storageclasses,
  subjectaccessreviews,
  tokenreviews,
];

/**
 * API groups in the order the real kube-apiserver lists them in `/apis` (by group priority);
 * the core group first.
 */
export const GROUP_ORDER: readonly string[] = [
  '',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
];

/** The resource registry: lookups by group/version/plural, kind, and for discovery. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();
  private custom: readonly ResourceType[] = [];
  private customByPath = new Map<string, ResourceType>();
  private aggregated: readonly ResourceType[] = [];

  constructor(readonly builtins: readonly ResourceType[] = RESOURCES) {
    for (const type of builtins) this.byPath.set(pathOf(type), type);
  }

  /** Every served resource: the built-in ones, then those of custom resource definitions. */
  get resources(): readonly ResourceType[] {
    if (!this.custom.length && !this.aggregated.length) return this.builtins;
    return [...this.builtins, ...this.custom, ...this.aggregated];
  }

  /** Replaces the resources of available aggregated APIs (APIServices: metrics.k8s.io). */
  setAggregatedResources(types: readonly ResourceType[]): void {
    this.aggregated = types;
  }

  /** Replaces the resources served for CustomResourceDefinitions (built-in names win). */
  setCustomResources(types: readonly ResourceType[]): void {
    this.custom = types.filter((t) => !this.byPath.has(pathOf(t)));
    this.customByPath = new Map(this.custom.map((t) => [pathOf(t), t]));
  }

  /** The resource at `group/version` named `plural`. */
  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    const path = `${group ? `${group}/` : ''}${version}/${plural}`;
    return this.byPath.get(path) ?? this.customByPath.get(path) ?? this.aggregated.find((t) => pathOf(t) === path);
  }

  /** The resources of one group/version, sorted by name. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.resources
      .filter((t) => t.group === group && t.version === version)
      .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  }

  /** The served groups, in discovery order, each with its versions. */
  groups(): Array<{ name: string; versions: string[] }> {
    const versions = new Map<string, Set<string>>();
    for (const t of this.resources)
      (versions.get(t.group) ?? versions.set(t.group, new Set()).get(t.group))?.add(t.version);
    // Aggregated APIs come last: their APIServices' group priority (100) is below the CRDs' (1000).
    const aggregated = new Set(this.aggregated.map((t) => t.group));
    const rank = (group: string): number => {
      const i = GROUP_ORDER.indexOf(group);
      return i >= 0 ? i : GROUP_ORDER.length + (aggregated.has(group) ? 1 : 0);
    };
    return [...versions.keys()]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((name) => ({ name, versions: [...(versions.get(name) ?? [])] }));
  }
}

const pathOf = (type: ResourceType): string => `${groupVersion(type)}/${type.plural}`;
