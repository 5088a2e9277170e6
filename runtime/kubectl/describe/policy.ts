import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { formatLabels, formatLabelSelector, type LabelSelectorSpec } from './go-format';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, LEVEL_2, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** policy/v1 PodDisruptionBudget. */
interface PodDisruptionBudget extends KubeObject {
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelectorSpec };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number };
}

/** PodDisruptionBudgetDescriber (policy/v1): the budget, selector, status and events. */
export async function describePodDisruptionBudget(ctx: DescribeContext): Promise<string> {
  const pdb = await getDescribed<PodDisruptionBudget>(ctx);
  const events = await objectEvents(ctx, pdb);
  const spec = pdb.spec ?? {};
  const status = pdb.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`);
    if (spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
    else if (spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}

/** scheduling/v1 PriorityClass. */
interface PriorityClass extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
  description?: string;
}

/** PriorityClassDescriber: value, default, preemption, description, annotations and events. */
export async function describePriorityClass(ctx: DescribeContext): Promise<string> {
  const pc = await getDescribed<PriorityClass>(ctx);
  const events = await objectEvents(ctx, pc);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
