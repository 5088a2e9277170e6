import {
  defaultScaleDownRules,
  defaultScaleUpRules,
  withDefaults,
  type ScalingRules,
} from './horizontal-pod-autoscaler-types';

/** --horizontal-pod-autoscaler-downscale-stabilization: the highest recommendation of the last 5 minutes wins. */
export const DOWNSCALE_STABILIZATION_WINDOW_MS = 5 * 60_000;

const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

interface Recommendation {
  replicas: number;
  at: number;
}

interface ScaleEvent {
  change: number;
  at: number;
  outdated: boolean;
}

/** A condition the normalisation reports: AbleToScale's or ScalingLimited's status, reason and message. */
export interface Normalised {
  replicas: number;
  ableToScale: { reason: string; message: string };
  scalingLimited: { status: 'True' | 'False'; reason: string; message: string };
}

/** What one normalisation knows of the autoscaler. */
export interface NormalisationArgs {
  key: string;
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules };
}

const STABILIZED_DOWN = {
  reason: 'ScaleDownStabilized',
  message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};
const STABILIZED_UP = {
  reason: 'ScaleUpStabilized',
  message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
};
const READY = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const WITHIN_RANGE = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const SCALE_UP_LIMIT = {
  reason: 'ScaleUpLimit',
  message: 'the desired replica count is increasing faster than the maximum scale rate',
};
const SCALE_DOWN_LIMIT = {
  reason: 'ScaleDownLimit',
  message: 'the desired replica count is decreasing faster than the maximum scale rate',
};
const TOO_MANY = {
  reason: 'TooManyReplicas',
  message: 'the desired replica count is more than the maximum replica count',
};
const TOO_FEW = {
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
};

/**
 * The HPA controller's memory between syncs (horizontal.go): the recent unstabilised
 * recommendations and scale events of each autoscaler, and the normalisation of a proposed
 * replica count (stabilisation windows, rate limits from the behavior's policies, min and max).
 */
export class ScalingHistory {
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly upEvents = new Map<string, ScaleEvent[]>();
  private readonly downEvents = new Map<string, ScaleEvent[]>();

  constructor(
    private readonly now: () => number,
    private readonly downscaleWindowMs = DOWNSCALE_STABILIZATION_WINDOW_MS,
  ) {}

  /** recordInitialRecommendation: the current size is the first recommendation. */
  recordInitial(key: string, currentReplicas: number): void {
    if (!this.recommendations.has(key)) this.recommendations.set(key, [{ replicas: currentReplicas, at: this.now() }]);
  }

  /** The autoscaler is gone. */
  forget(key: string): void {
    this.recommendations.delete(key);
    this.upEvents.delete(key);
    this.downEvents.delete(key);
  }

  /** normalizeDesiredReplicas (no behavior), or normalizeDesiredReplicasWithBehaviors. */
  normalize(args: NormalisationArgs): Normalised {
    return args.behavior ? this.withBehaviors(args) : this.withoutBehaviors(args);
  }

  /** storeScaleEvent: a rescale from `previous` to `next`, remembered for the policies' periods. */
  storeScaleEvent(args: Pick<NormalisationArgs, 'key' | 'behavior'>, previous: number, next: number): void {
    if (!args.behavior) return;
    const up = next > previous;
    const rules = up ? this.upRules(args.behavior) : this.downRules(args.behavior);
    const store = up ? this.upEvents : this.downEvents;
    const events = store.get(args.key) ?? [];
    const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
    const cutoff = this.now() - longest * 1000;
    for (const event of events) if (event.at < cutoff) event.outdated = true;
    const entry = { change: Math.abs(next - previous), at: this.now(), outdated: false };
    let index = -1;
    events.forEach((event, i) => {
      if (event.outdated) index = i;
    });
    if (index >= 0) events[index] = entry;
    else events.push(entry);
    store.set(args.key, events);
  }

  private withoutBehaviors(args: NormalisationArgs): Normalised {
    const stabilized = this.stabilize(args.key, args.desiredReplicas);
    const ableToScale = stabilized !== args.desiredReplicas ? STABILIZED_DOWN : READY;
    const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * args.currentReplicas, SCALE_UP_LIMIT_MINIMUM);
    let max = args.maxReplicas;
    let limit = TOO_MANY;
    if (args.maxReplicas > scaleUpLimit) {
      max = scaleUpLimit;
      limit = SCALE_UP_LIMIT;
    }
    let replicas = stabilized;
    let condition = WITHIN_RANGE;
    if (stabilized < args.minReplicas) {
      replicas = args.minReplicas;
      condition = TOO_FEW;
    } else if (stabilized > max) {
      replicas = max;
      condition = limit;
    }
    return {
      replicas,
      ableToScale,
      scalingLimited: { status: replicas === stabilized ? 'False' : 'True', ...condition },
    };
  }

  /** stabilizeRecommendation: the highest recommendation within the scale-down stabilisation period. */
  private stabilize(key: string, desired: number): number {
    const now = this.now();
    const cutoff = now - this.downscaleWindowMs;
    const list = this.recommendations.get(key) ?? [];
    let max = desired;
    let old = -1;
    list.forEach((rec, i) => {
      if (rec.at < cutoff) old = i;
      else if (rec.replicas > max) max = rec.replicas;
    });
    if (old >= 0) list[old] = { replicas: desired, at: now };
    else list.push({ replicas: desired, at: now });
    this.recommendations.set(key, list);
    return max;
  }

  private upRules(behavior: NonNullable<NormalisationArgs['behavior']>): ScalingRules {
    return withDefaults(behavior.scaleUp, defaultScaleUpRules());
  }

  private downRules(behavior: NonNullable<NormalisationArgs['behavior']>): ScalingRules {
    const rules = withDefaults(behavior.scaleDown, defaultScaleDownRules());
    // maybeInitScaleDownStabilizationWindow: the controller's window when the spec leaves it unset.
    return { ...rules, stabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? this.downscaleWindowMs / 1000 };
  }

  private withBehaviors(args: NormalisationArgs): Normalised {
    const behavior = args.behavior ?? {};
    const up = this.upRules(behavior);
    const down = this.downRules(behavior);
    const now = this.now();
    // stabilizeRecommendationWithBehaviors.
    const upCutoff = now - (up.stabilizationWindowSeconds ?? 0) * 1000;
    const downCutoff = now - (down.stabilizationWindowSeconds ?? 0) * 1000;
    let upRecommendation = args.desiredReplicas;
    let downRecommendation = args.desiredReplicas;
    const list = this.recommendations.get(args.key) ?? [];
    let old = -1;
    list.forEach((rec, i) => {
      if (rec.at > upCutoff) upRecommendation = Math.min(rec.replicas, upRecommendation);
      if (rec.at > downCutoff) downRecommendation = Math.max(rec.replicas, downRecommendation);
      if (rec.at < upCutoff && rec.at < downCutoff) old = i;
    });
    let stabilized = args.currentReplicas;
    if (stabilized < upRecommendation) stabilized = upRecommendation;
    if (stabilized > downRecommendation) stabilized = downRecommendation;
    if (old >= 0) list[old] = { replicas: args.desiredReplicas, at: now };
    else list.push({ replicas: args.desiredReplicas, at: now });
    this.recommendations.set(args.key, list);
    const stabilizedCondition = args.desiredReplicas >= args.currentReplicas ? STABILIZED_UP : STABILIZED_DOWN;
    const ableToScale = stabilized !== args.desiredReplicas ? stabilizedCondition : READY;
    // convertDesiredReplicasWithBehaviorRate.
    let replicas = stabilized;
    let condition = WITHIN_RANGE;
    if (stabilized > args.currentReplicas) {
      const limit = Math.max(args.currentReplicas, this.scaleUpLimit(args.key, args.currentReplicas, up));
      const [max, reason] = args.maxReplicas > limit ? [limit, SCALE_UP_LIMIT] : [args.maxReplicas, TOO_MANY];
      if (stabilized > max) [replicas, condition] = [max, reason];
    } else if (stabilized < args.currentReplicas) {
      const limit = Math.min(args.currentReplicas, this.scaleDownLimit(args.key, args.currentReplicas, down));
      const [min, reason] = args.minReplicas < limit ? [limit, SCALE_DOWN_LIMIT] : [args.minReplicas, TOO_FEW];
      if (stabilized < min) [replicas, condition] = [min, reason];
    }
    return {
      replicas,
      ableToScale,
      scalingLimited: { status: replicas === stabilized ? 'False' : 'True', ...condition },
    };
  }

  /** The replicas changed within the last `periodSeconds` by `events`. */
  private changedWithin(events: ScaleEvent[] | undefined, periodSeconds: number): number {
    const cutoff = this.now() - periodSeconds * 1000;
    let sum = 0;
    for (const event of events ?? []) if (event.at > cutoff) sum += event.change;
    return sum;
  }

  /** calculateScaleUpLimitWithScalingRules. */
  private scaleUpLimit(key: string, current: number, rules: ScalingRules): number {
    if (rules.selectPolicy === 'Disabled') return current;
    const min = rules.selectPolicy === 'Min';
    let result = min ? Infinity : -Infinity;
    for (const policy of rules.policies ?? []) {
      const start =
        current -
        this.changedWithin(this.upEvents.get(key), policy.periodSeconds) +
        this.changedWithin(this.downEvents.get(key), policy.periodSeconds);
      const proposed = policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /** calculateScaleDownLimitWithBehaviors. */
  private scaleDownLimit(key: string, current: number, rules: ScalingRules): number {
    if (rules.selectPolicy === 'Disabled') return current;
    const min = rules.selectPolicy === 'Min';
    let result = min ? -Infinity : Infinity;
    for (const policy of rules.policies ?? []) {
      const start =
        current -
        this.changedWithin(this.upEvents.get(key), policy.periodSeconds) +
        this.changedWithin(this.downEvents.get(key), policy.periodSeconds);
      const proposed = policy.type === 'Pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }
}
