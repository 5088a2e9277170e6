import { goQuote } from '../field-error';
import { deepEqual, type KubeObject } from '../object';
import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { badRequest } from '../status';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, formatLabels, NAME_COLUMN } from '../table';
import { workloadWideCells } from './workload-table';

type Status = {
  desiredNumberScheduled?: number;
  currentNumberScheduled?: number;
  numberReady?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
};
type Spec = { template?: { spec?: { nodeSelector?: Record<string, string> } } };

/** Where apps/v1 keeps the internal spec.templateGeneration (appsv1.DeprecatedTemplateGeneration). */
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The template generation the annotation holds, as conversion to the internal kind parses it
 * (strconv.ParseInt; 0 when absent). A value it cannot parse fails decoding, a 400.
 */
function templateGeneration(ds: KubeObject): bigint {
  const text = ds.metadata?.annotations?.[TEMPLATE_GENERATION];
  if (typeof text !== 'string') return 0n;
  const valid = /^[+-]?\d+$/.test(text);
  const value = valid ? BigInt(text) : 0n;
  if (valid && value >= -INT64_MAX - 1n && value <= INT64_MAX) return value;
  const reason = valid ? 'value out of range' : 'invalid syntax';
  throw badRequest(
    `DaemonSet in version "v1" cannot be handled as a DaemonSet: strconv.ParseInt: parsing ${goQuote(text)}: ${reason}`,
  );
}

/**
 * Conversion back to apps/v1 always writes the annotation: into the object's own metadata (create
 * holds on to it), as a new map (the old one may be the stored object's).
 */
function setTemplateGeneration(ds: KubeObject, generation: bigint): void {
  const meta = (ds.metadata ??= {});
  meta.annotations = { ...meta.annotations, [TEMPLATE_GENERATION]: String(generation) };
}

/** apps/v1 DaemonSet. */
export const daemonsets: ResourceType = resourceType('DaemonSet', 'daemonsets', 'apps/v1', {
  namespaced: true,
  // pkg/registry/apps/daemonset/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['ds'],
  categories: ['all'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
      column('Current', 'integer', 'The number of nodes running at least one daemon pod and supposed to.'),
      column('Ready', 'integer', 'The number of nodes running the daemon pod with at least one of them ready.'),
      column('Up-to-date', 'integer', 'The total number of nodes that are running the updated daemon pod.'),
      column('Available', 'integer', 'The number of nodes running the daemon pod with at least one of them available.'),
      column('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
      AGE_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.', 1),
      column('Images', 'string', 'Images referenced by each container in the template.', 1),
      column('Selector', 'string', 'A label query over pods that are managed by the daemon set.', 1),
    ],
    row(ds, context) {
      const status = (ds.status ?? {}) as Status;
      const spec = (ds.spec ?? {}) as Spec;
      return [
        ds.metadata?.name ?? '',
        status.desiredNumberScheduled ?? 0,
        status.currentNumberScheduled ?? 0,
        status.numberReady ?? 0,
        status.updatedNumberScheduled ?? 0,
        status.numberAvailable ?? 0,
        formatLabels(spec.template?.spec?.nodeSelector),
        age(ds, context),
        ...workloadWideCells(spec as object),
      ];
    },
  },
  defaults(ds) {
    // The round trip through the internal kind, which every written body makes.
    setTemplateGeneration(ds, templateGeneration(ds));
    const spec = (ds.spec ??= {}) as Record<string, unknown>;
    spec.revisionHistoryLimit ??= 10;
    const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxSurge: 0, maxUnavailable: 1 };
    defaultWorkloadTemplate(ds, 'spec.template');
  },
  // pkg/registry/apps/daemonset/strategy.go: the template generation starts at 1, cannot be set
  // by an update, and moves on with each change of the template (status writes keep the spec).
  prepareForCreate(ds) {
    const generation = templateGeneration(ds);
    setTemplateGeneration(ds, generation < 1n ? 1n : generation);
  },
  prepareForUpdate(ds, old) {
    const template = (object: KubeObject) => (object.spec as { template?: unknown } | undefined)?.template;
    const changed = !deepEqual(template(ds), template(old));
    setTemplateGeneration(ds, templateGeneration(old) + (changed ? 1n : 0n));
  },
  validate: (ds, old) => validateWorkload(ds, old, { emptySelectorWord: 'daemonset' }),
});
