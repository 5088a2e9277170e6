// The status conditions of a terminating namespace
// (pkg/controller/namespace/deletion/status_condition_utils.go).
import { formatTime } from '../util/time';

/** core/v1 NamespaceCondition. */
export interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The condition types the namespace deleter maintains, in the order it writes them. */
export const NAMESPACE_CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

type ConditionType = (typeof NAMESPACE_CONDITION_TYPES)[number];

/** Each condition's False ("all is well") variant. */
const OK: Record<ConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: {
    reason: 'ResourcesDiscovered',
    message: 'All resources successfully discovered',
  },
  NamespaceDeletionGroupVersionParsingFailure: {
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  NamespaceDeletionContentFailure: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: {
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
};

/** What remains after one pass: instances per resource (`pods.`, `deployments.apps`) and per finalizer. */
export interface RemainingContent {
  byResource: Map<string, number>;
  byFinalizer: Map<string, number>;
}

/**
 * namespaceConditionUpdater: collects the failures of one deletion pass as True conditions;
 * `update` then sets every maintained condition (the False variant where nothing failed).
 */
export class NamespaceConditionUpdater {
  private readonly conditions: NamespaceCondition[] = [];
  private readonly deleteContentErrors: Error[] = [];

  constructor(private readonly now: number) {}

  /** ProcessDiscoverResourcesErr; `failedGroups` when only some group versions failed. */
  discoveryFailed(error: Error, failedGroups?: number): void {
    const message =
      failedGroups === undefined
        ? error.message
        : `Discovery failed for some groups, ${failedGroups} failing: ${error.message}`;
    this.add('NamespaceDeletionDiscoveryFailure', 'DiscoveryFailed', message);
  }

  /** ProcessGroupVersionErr. */
  groupVersionFailed(error: Error): void {
    this.add('NamespaceDeletionGroupVersionParsingFailure', 'GroupVersionParsingFailed', error.message);
  }

  /** ProcessDeleteContentErr. */
  deleteContentFailed(error: Error): void {
    this.deleteContentErrors.push(error);
  }

  /** ProcessContentTotals. */
  contentTotals({ byResource, byFinalizer }: RemainingContent): void {
    const resources = [...byResource]
      .filter(([, n]) => n > 0)
      .map(([resource, n]) => `${resource} has ${n} resource instances`)
      .sort();
    if (byResource.size > 0) {
      this.add(
        'NamespaceContentRemaining',
        'SomeResourcesRemain',
        `Some resources are remaining: ${resources.join(', ')}`,
      );
    }
    const finalizers = [...byFinalizer]
      .filter(([, n]) => n > 0)
      .map(([finalizer, n]) => `${finalizer} in ${n} resource instances`)
      .sort();
    if (byFinalizer.size > 0) {
      this.add(
        'NamespaceFinalizersRemaining',
        'SomeFinalizersRemain',
        `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
      );
    }
  }

  /** Update: the namespace's conditions after this pass, and whether they changed. */
  update(current: readonly NamespaceCondition[] = []): { conditions: NamespaceCondition[]; changed: boolean } {
    if (this.deleteContentErrors.length > 0 && !this.find('NamespaceDeletionContentFailure')) {
      const messages = this.deleteContentErrors.map((e) => e.message).sort();
      this.add(
        'NamespaceDeletionContentFailure',
        'ContentDeletionFailed',
        `Failed to delete all resource types, ${messages.length} remaining: ${messages.join(', ')}`,
      );
    }
    const conditions = current.map((c) => ({ ...c }));
    let changed = false;
    for (const type of NAMESPACE_CONDITION_TYPES) {
      const next = this.find(type) ?? { ...this.condition(type, 'False', OK[type].reason, OK[type].message) };
      const old = conditions.find((c) => c.type === type);
      if (!old) {
        conditions.push(next);
        changed = true;
      } else if (old.status !== next.status || old.message !== next.message || old.reason !== next.reason) {
        if (old.status !== next.status) old.lastTransitionTime = formatTime(this.now);
        Object.assign(old, { status: next.status, reason: next.reason, message: next.message });
        changed = true;
      }
    }
    return { conditions, changed };
  }

  private find(type: ConditionType): NamespaceCondition | undefined {
    return this.conditions.find((c) => c.type === type);
  }

  private add(type: ConditionType, reason: string, message: string): void {
    this.conditions.push(this.condition(type, 'True', reason, message));
  }

  private condition(type: ConditionType, status: string, reason: string, message: string): NamespaceCondition {
    return { type, status, lastTransitionTime: formatTime(this.now), reason, message };
  }
}
