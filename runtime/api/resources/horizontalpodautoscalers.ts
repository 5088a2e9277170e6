import { isObject, type KubeObject } from '../object';
import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { optionalQuantityText } from './printer-cells';

type Target = { type?: string; value?: string; averageValue?: string; averageUtilization?: number };
type Current = { value?: string; averageValue?: string; averageUtilization?: number };
type Source = { name?: string; target?: Target; current?: Current };
type Metric = {
  type?: string;
  resource?: Source;
  containerResource?: Source;
  pods?: Source;
  object?: Source;
  external?: Source;
};
type Spec = {
  scaleTargetRef?: { kind?: string; name?: string };
  minReplicas?: number | null;
  maxReplicas?: number;
  metrics?: Metric[];
};
type Status = { currentReplicas?: number; currentMetrics?: Metric[] };

const SOURCE_FIELD: Record<string, keyof Metric> = {
  Resource: 'resource',
  ContainerResource: 'containerResource',
  Pods: 'pods',
  Object: 'object',
  External: 'external',
};

/** One target: `current/target`, `current/target (avg)`, or `name: current/target` for resources. */
function formatMetric(spec: Metric, status: Metric | undefined): string {
  const field = SOURCE_FIELD[spec.type ?? ''];
  if (!field) return '<unknown type>';
  const source = (spec[field] ?? {}) as Source;
  const target = source.target ?? {};
  const current = (status?.[field] as Source | undefined)?.current;
  const reported = status?.[field] !== undefined && status?.[field] !== null;
  if (field === 'pods') {
    return `${reported ? optionalQuantityText(current?.averageValue) : '<unknown>'}/${optionalQuantityText(target.averageValue)}`;
  }
  if (field === 'object' || field === 'external') {
    if (target.averageValue !== undefined && target.averageValue !== null) {
      const now = current?.averageValue !== undefined && current?.averageValue !== null;
      return `${now ? optionalQuantityText(current?.averageValue) : '<unknown>'}/${optionalQuantityText(target.averageValue)} (avg)`;
    }
    return `${reported ? optionalQuantityText(current?.value) : '<unknown>'}/${optionalQuantityText(target.value)}`;
  }
  // Resource and ContainerResource: an average value, or an average utilization in percent.
  const name = source.name ?? '';
  if (target.averageValue !== undefined && target.averageValue !== null) {
    return `${name}: ${reported ? optionalQuantityText(current?.averageValue) : '<unknown>'}/${optionalQuantityText(target.averageValue)}`;
  }
  const utilization = current?.averageUtilization;
  const now = utilization !== undefined && utilization !== null ? `${utilization}%` : '<unknown>';
  const goal = target.averageUtilization !== undefined && target.averageUtilization !== null;
  return `${name}: ${now}/${goal ? `${target.averageUtilization}%` : '<auto>'}`;
}

/** TARGETS: each metric against the status metric at the same index; two shown, then ` + N more...`. */
function formatMetrics(specs: Metric[] | undefined, statuses: Metric[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const all = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  const shown = all.slice(0, 2).join(', ');
  return all.length > 2 ? `${shown} + ${all.length - 2} more...` : shown;
}

type Rules = {
  stabilizationWindowSeconds?: number | null;
  selectPolicy?: string | null;
  policies?: unknown[] | null;
  tolerance?: string | null;
};
type Behavior = { scaleUp?: Rules | null; scaleDown?: Rules | null };

/** pkg/apis/autoscaling/v2/defaults.go: the rules a behavior's unset scale-up fields take. */
const scaleUpRules = (): Rules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});
/** Scale-down's (no window: the controller's --horizontal-pod-autoscaler-downscale-stabilization). */
const scaleDownRules = (): Rules => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules: the defaults, with each field the rules set. */
function withDefaults(rules: Rules | null | undefined, defaults: Rules): Rules {
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance'] as const) {
    const value = rules?.[key];
    if (value !== undefined && value !== null) Object.assign(defaults, { [key]: value });
  }
  return defaults;
}

/**
 * The registry's dropDisabledFields: behavior tolerances need the HPAConfigurableTolerance gate
 * (alpha, off, in v1.34), unless the stored object already has one.
 */
function dropTolerances(hpa: KubeObject, old: KubeObject | undefined): void {
  const rules = (object: KubeObject | undefined) => {
    const behavior = (object?.spec as { behavior?: Behavior | null } | undefined)?.behavior;
    return [behavior?.scaleUp, behavior?.scaleDown].filter((r): r is Rules => isObject(r));
  };
  if (rules(old).some((r) => 'tolerance' in r)) return;
  for (const r of rules(hpa)) if ('tolerance' in r) delete r.tolerance;
}

/** autoscaling/v2 HorizontalPodAutoscaler. */
export const horizontalpodautoscalers: ResourceType = resourceType(
  'HorizontalPodAutoscaler',
  'horizontalpodautoscalers',
  'autoscaling/v2',
  {
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    hasStatus: true,
    subresources: [STATUS_SUBRESOURCE],
    table: {
      columns: [
        NAME_COLUMN,
        column('Reference', 'string', 'The target resource to scale.'),
        column('Targets', 'string', 'The specifications used to calculate the desired replica count.'),
        column('MinPods', 'string', 'The lower limit for the number of replicas.'),
        column('MaxPods', 'string', 'The upper limit for the number of replicas.'),
        column('Replicas', 'string', 'The current number of replicas of pods managed by this autoscaler.'),
        AGE_COLUMN,
      ],
      row(hpa, context) {
        const spec = (hpa.spec ?? {}) as Spec;
        const status = (hpa.status ?? {}) as Status;
        const ref = spec.scaleTargetRef ?? {};
        const min = spec.minReplicas;
        return [
          hpa.metadata?.name ?? '',
          `${ref.kind ?? ''}/${ref.name ?? ''}`,
          formatMetrics(spec.metrics, status.currentMetrics),
          min === undefined || min === null ? '<unset>' : String(min),
          spec.maxReplicas ?? 0,
          status.currentReplicas ?? 0,
          age(hpa, context),
        ];
      },
    },
    // SetDefaults_HorizontalPodAutoscaler (v2): what the controller used to assume is written down.
    defaults(hpa) {
      const spec = (hpa.spec ??= {}) as Spec & { behavior?: Behavior | null };
      spec.minReplicas ??= 1;
      if (!spec.metrics?.length) {
        spec.metrics = [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ];
      }
      // Only a behavior that is there gets its rules filled in.
      if (isObject(spec.behavior)) {
        spec.behavior.scaleUp = withDefaults(spec.behavior.scaleUp, scaleUpRules());
        spec.behavior.scaleDown = withDefaults(spec.behavior.scaleDown, scaleDownRules());
      }
    },
    // The strategy: a new autoscaler's status is the zero one (desiredReplicas and currentMetrics
    // have no omitempty), and disabled fields go; it keeps no generation.
    prepareForCreate(hpa) {
      hpa.status = { desiredReplicas: 0, currentMetrics: null };
      dropTolerances(hpa, undefined);
    },
    prepareForUpdate: (hpa, old) => dropTolerances(hpa, old),
  },
);
