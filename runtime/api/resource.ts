import type { ReviewContext } from './access-review';
import type { KubeObject } from './object';

/** The verbs of a resource, as discovery lists them. */
export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

/** Every verb: what most resources support. */
export const ALL_VERBS: readonly Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** A subresource, as discovery lists it (`pods/status`, `deployments/scale`, …). */
export interface Subresource {
  name: string;
  /** The kind it answers with, when not the parent's (`Scale`, `Binding`, `Eviction`, …). */
  kind?: string;
  group?: string;
  version?: string;
  verbs: readonly string[];
}

/** The status subresource most kinds have. */
export const STATUS_SUBRESOURCE: Subresource = { name: 'status', verbs: ['get', 'patch', 'update'] };

/** The scale subresource of scalable workloads (an autoscaling/v1 Scale). */
export const SCALE_SUBRESOURCE: Subresource = {
  name: 'scale',
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
  verbs: ['get', 'patch', 'update'],
};

/**
 * How a kind's registry strategy keeps metadata.generation: PrepareForCreate sets 1 and
 * PrepareForUpdate adds one when a write changes what the rule names (status writes never do).
 */
export interface GenerationRule {
  /** The top-level fields it watches, or `content`: every one but metadata (custom resources). */
  fields: readonly string[] | 'content';
  /** Metadata maps it watches too (a Deployment's annotations, an EndpointSlice's labels). */
  metadata?: readonly ('labels' | 'annotations')[];
}

/** The rule of most kinds with a generation: spec changes move it on. */
export const SPEC_GENERATION: GenerationRule = { fields: ['spec'] };

/** A column of the server-side Table (meta/v1 TableColumnDefinition). */
export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0: always shown; 1: only with `-o wide`. */
  priority: number;
}

/** What a Table row printer may look at besides the object. */
export interface PrintContext {
  /** The cluster clock's time, for ages. */
  now: number;
}

/** One field validation failure (apimachinery field.Error). */
export interface FieldError {
  type:
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueNotSupported'
    | 'FieldValueDuplicate'
    | 'FieldValueForbidden'
    | 'FieldValueTooLong'
    | 'FieldValueTooMany'
    | 'FieldValueTypeInvalid'
    | 'FieldValueNotFound'
    | 'InternalError';
  field: string;
  /** The full message, e.g. `Required value` or `Invalid value: "x": must be …`. */
  message: string;
}

/** What defaulting and validation may use. */
export interface AdmissionContext {
  now: number;
  /** Creation runs the pod admission plugins too (service account, toleration seconds). */
  operation: 'create' | 'update';
  /** A random 5-character suffix of Kubernetes' name alphabet. */
  randomSuffix(): string;
  /** The stored objects of a resource, for checks across objects (CRD name conflicts). */
  list(type: ResourceType): readonly KubeObject[];
}

/** A resource type as most built-in kinds are: every verb, the default Name and Age table. */
export function resourceType(
  kind: string,
  plural: string,
  groupVersion: string,
  options: Partial<ResourceType> & { namespaced: boolean },
): ResourceType {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return { group, version, kind, plural, singular: kind.toLowerCase(), verbs: ALL_VERBS, ...options };
}

/**
 * One kind of object the API server serves: its names, scope, verbs, table and behaviour. A
 * resource is one of these, in one file under resources/.
 */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: readonly string[];
  categories?: readonly string[];
  verbs: readonly Verb[];
  subresources?: readonly Subresource[];
  /** Server-side printing; without it the default Name and Age columns are used. */
  table?: {
    columns: readonly ColumnDefinition[];
    row(object: KubeObject, context: PrintContext): unknown[];
  };
  /**
   * metadata.generation, for kinds whose strategy keeps one; the others have none (a create keeps
   * what the body says, as BeforeCreate leaves it).
   */
  generation?: GenerationRule;
  /** Fills in defaults on create (and on update, for fields that may be unset). */
  defaults?(object: KubeObject, context: AdmissionContext): void;
  /**
   * The registry strategy's PrepareForCreate, for what it sets beyond status and generation (an
   * autoscaler's zero status). Runs after defaulting and admission, before validation; it changes
   * `metadata` in place, as create holds on to it.
   */
  prepareForCreate?(object: KubeObject): void;
  /**
   * The strategy's PrepareForUpdate, for what a write takes from the stored object (a DaemonSet's
   * template generation). Runs after managed fields are recorded, as the strategy runs after the
   * field manager, and on status writes too (whose spec is the stored one).
   */
  prepareForUpdate?(object: KubeObject, old: KubeObject): void;
  /** Checks an object on create (old undefined) or update. */
  validate?(object: KubeObject, old: KubeObject | undefined): FieldError[];
  /** Checks a write through the status subresource (a custom resource's status schema). */
  validateStatus?(object: KubeObject, old: KubeObject): FieldError[];
  /**
   * What the decoder does to every body written and every object read from storage, in place (a
   * custom resource: unknown fields pruned, schema defaults applied).
   */
  decode?(object: KubeObject): void;
  /**
   * Another version's storage this resource shares, as the apiserver keeps one internal kind
   * for both Event APIs: objects are stored in that resource's form and converted both ways.
   */
  storage?: {
    group: string;
    plural: string;
    toStored(object: KubeObject): KubeObject;
    fromStored(object: KubeObject): KubeObject;
  };
  /** Fields a field selector may use besides metadata.name and metadata.namespace. */
  selectableFields?(object: KubeObject): Record<string, string>;
  /** True when `status` is only written through the status subresource. */
  hasStatus?: boolean;
  /** The Warning every request to this resource gets (v1 Endpoints since v1.33). */
  deprecation?: string;
  /** True when a create may set `status` too (nodes: the kubelet registers with its status). */
  statusOnCreate?: boolean;
  /** A custom resource's structural schema (its CRD version's openAPIV3Schema). */
  schema?: Record<string, unknown>;
  /**
   * For the reviews (access, rules, token): create answers with the object and its status, and
   * nothing is stored.
   */
  review?(object: KubeObject, context: ReviewContext): KubeObject;
  /**
   * For a resource an aggregated API server serves (metrics.k8s.io from metrics-server): get and
   * list answer from it (throwing StatusErrors), nothing is stored, and discovery gives it no
   * storage version.
   */
  aggregated?: {
    get(namespace: string | undefined, name: string): KubeObject;
    list(namespace: string | undefined): KubeObject[];
  };
}

/** `group/version`, or `version` for the core group. */
export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The resource's name qualified as errors print it: `pods`, `deployments.apps`. */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}
