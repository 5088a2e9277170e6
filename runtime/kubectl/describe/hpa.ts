import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefix-writer';
import type { KubeObject } from './types';

/** autoscaling/v2 MetricTarget. */
interface Target {
  type?: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** autoscaling/v2 MetricValueStatus. */
interface Current {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

type Metric = Record<
  string,
  | {
      name?: string;
      container?: string;
      metric?: { name?: string };
      describedObject?: { kind?: string; name?: string };
      target?: Target;
      current?: Current;
    }
  | string
  | undefined
> & { type?: string };

/** autoscaling/v2 HPAScalingRules. */
interface Rules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: Array<{ type: string; value: number; periodSeconds: number }>;
}

/** autoscaling/v2 HorizontalPodAutoscaler. */
interface Hpa extends KubeObject {
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: Metric[];
    behavior?: { scaleUp?: Rules; scaleDown?: Rules };
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: Metric[];
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  };
}

/** The metric source of `type` (its field is the type with a lower-case first letter). */
function source(metric: Metric | undefined, type: string) {
  const field = type.charAt(0).toLowerCase() + type.slice(1);
  const value = metric?.[field];
  return typeof value === 'object' ? value : undefined;
}

/** One line of the Metrics block (describeHorizontalPodAutoscalerV2). */
function writeMetric(w: PrefixWriter, metric: Metric, status: Metric | undefined): void {
  const type = metric.type ?? '';
  const spec = source(metric, type);
  const current = source(status, type)?.current;
  const target = spec?.target ?? {};
  const name = JSON.stringify(spec?.metric?.name ?? '');
  switch (type) {
    case 'External':
      if (target.averageValue !== undefined) {
        w.write(
          LEVEL_1,
          `${name} (target average value):\t${current?.averageValue ?? '<unknown>'} / ${target.averageValue}\n`,
        );
      } else w.write(LEVEL_1, `${name} (target value):\t${current?.value ?? '<unknown>'} / ${target.value ?? ''}\n`);
      return;
    case 'Pods':
      w.write(LEVEL_1, `${name} on pods:\t${current?.averageValue ?? '<unknown>'} / ${target.averageValue ?? ''}\n`);
      return;
    case 'Object': {
      const described = spec?.describedObject ?? {};
      w.write(LEVEL_1, `"${spec?.metric?.name ?? ''}" on ${described.kind ?? ''}/${described.name ?? ''} `);
      if (target.type === 'AverageValue') {
        w.write(
          LEVEL_0,
          `(target average value):\t${current?.averageValue ?? '<unknown>'} / ${target.averageValue ?? ''}\n`,
        );
      } else w.write(LEVEL_0, `(target value):\t${current?.value ?? '<unknown>'} / ${target.value ?? ''}\n`);
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const of = type === 'ContainerResource' ? ` of container "${spec?.container ?? ''}"` : '';
      w.write(LEVEL_1, `resource ${spec?.name ?? ''}${of} on pods`);
      if (target.averageValue !== undefined) {
        w.write(LEVEL_0, `:\t${current?.averageValue ?? '<unknown>'} / ${target.averageValue}\n`);
        return;
      }
      const now =
        current?.averageUtilization !== undefined
          ? `${current.averageUtilization}% (${current.averageValue ?? ''})`
          : '<unknown>';
      const goal = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
      w.write(LEVEL_1, `(as a percentage of request):\t${now} / ${goal}\n`);
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(type)}>\n`);
  }
}

/** printDirectionBehavior. */
function writeBehavior(w: PrefixWriter, direction: string, rules: Rules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  }
  if (!rules.policies?.length) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of rules.policies)
    w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

/** HorizontalPodAutoscalerDescriber (autoscaling/v2). */
export async function describeHorizontalPodAutoscaler(ctx: DescribeContext): Promise<string> {
  const hpa = await getDescribed<Hpa>(ctx);
  const events = await objectEvents(ctx, hpa);
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, status.currentMetrics?.[i]));
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      writeBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      writeBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of status.conditions)
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
