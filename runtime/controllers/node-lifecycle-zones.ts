import type { Clock, TimerHandle } from '../clock';
import type { RestClient } from '../client/rest-client';
import { RateLimitedTimedQueue } from './node-lifecycle-queue';
import {
  NOT_READY_TAINT,
  nodeCondition,
  removeTaints,
  swapNodeControllerTaint,
  taintExists,
  UNREACHABLE_TAINT,
  type Node,
  type NodeCondition,
  type Taint,
} from './node-lifecycle-taints';

/** --node-eviction-rate, --secondary-node-eviction-rate, --large-cluster-size-threshold, --unhealthy-zone-threshold. */
const EVICTION_QPS = 0.1;
const SECONDARY_EVICTION_QPS = 0.01;
const LARGE_CLUSTER_THRESHOLD = 50;
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** scheduler.NodeEvictionPeriod: how often the NoExecute tainting pass runs while nodes wait. */
const NODE_EVICTION_PERIOD_MS = 100;

type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/** nodetopology.GetZoneKey: region and zone labels, or '' without them. */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\x00:${zone}` : '';
}

/** What zone tainting needs from the node lifecycle controller. */
export interface ZoneTaintingDeps {
  client: RestClient;
  clock: Clock;
  getNode(name: string): Node | undefined;
  /** Exiting master disruption mode: every node's grace period starts afresh. */
  resetProbes(nodes: Node[]): void;
  report(key: string, error: unknown): void;
}

/**
 * The node lifecycle controller's NoExecute tainting: per zone a rate-limited queue of nodes to
 * taint not-ready or unreachable (0.1 nodes a second), and the zones' disruption states — with
 * every zone fully disrupted the controller enters master disruption mode and taints nothing.
 */
export class ZoneTainting {
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly zoneTainters = new Map<string, RateLimitedTimedQueue>();
  private taintTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: ZoneTaintingDeps) {}

  /** True once the node's zone is known. */
  hasZone(node: Node): boolean {
    return this.zoneStates.has(zoneKey(node));
  }

  stop(): void {
    this.stopped = true;
    this.taintTimer?.cancel();
  }

  addZone(node: Node): void {
    const zone = zoneKey(node);
    if (this.zoneStates.has(zone)) return;
    this.zoneStates.set(zone, 'Initial');
    this.zoneTainters.set(zone, new RateLimitedTimedQueue(this.deps.clock, EVICTION_QPS));
  }

  private tainter(node: Node): RateLimitedTimedQueue {
    this.addZone(node);
    return this.zoneTainters.get(zoneKey(node)) as RateLimitedTimedQueue;
  }

  markNodeForTainting(node: Node, taint: Taint): void {
    const tainter = this.tainter(node);
    const name = node.metadata?.name ?? '';
    if (!taintExists(node.spec?.taints, taint)) tainter.remove(name);
    tainter.add(name, node.metadata?.uid ?? '');
  }

  /** markNodeAsReachable: both NoExecute taints off, and out of the tainting queue. */
  async markNodeAsReachable(node: Node): Promise<boolean> {
    await removeTaints(this.deps, node.metadata?.name ?? '', node, [UNREACHABLE_TAINT]);
    await removeTaints(this.deps, node.metadata?.name ?? '', node, [NOT_READY_TAINT]);
    return this.tainter(node).remove(node.metadata?.name ?? '');
  }

  /** ComputeZoneState. */
  private zoneState(conditions: Array<NodeCondition | undefined>): ZoneState {
    const ready = conditions.filter((c) => c?.status === 'True').length;
    const notReady = conditions.length - ready;
    if (ready === 0 && notReady > 0) return 'FullDisruption';
    if (notReady > 2 && notReady / conditions.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
    return 'Normal';
  }

  private setLimiterInZone(zone: string, size: number, state: ZoneState): void {
    const tainter = this.zoneTainters.get(zone);
    if (state === 'Normal' || state === 'FullDisruption') tainter?.swapLimiter(EVICTION_QPS);
    else if (state === 'PartialDisruption') {
      tainter?.swapLimiter(size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0);
    }
  }

  /** handleDisruption: when every zone is fully down, stop tainting; resume when one recovers. */
  async handleDisruption(zoneConditions: Map<string, Array<NodeCondition | undefined>>, nodes: Node[]): Promise<void> {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conditions] of zoneConditions) {
      const state = this.zoneState(conditions);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.zoneStates]) {
      if (!zoneConditions.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      // "Controller detected that all Nodes are not-Ready. Entering master disruption mode."
      for (const node of nodes) {
        await this.markNodeAsReachable(node).catch((error) => this.deps.report(node.metadata?.name ?? '', error));
      }
      for (const zone of this.zoneStates.keys()) {
        this.zoneTainters.get(zone)?.swapLimiter(0);
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    if (allWasFullyDisrupted) {
      // Exiting master disruption mode: every node starts its grace period afresh.
      this.deps.resetProbes(nodes);
    }
    for (const [zone, state] of this.zoneStates) {
      const next = newStates.get(zone) ?? 'Normal';
      if (!allWasFullyDisrupted && state === next) continue;
      this.setLimiterInZone(zone, zoneConditions.get(zone)?.length ?? 0, next);
      this.zoneStates.set(zone, next);
    }
  }

  /** Runs doNoExecuteTaintingPass every NodeEvictionPeriod while some zone has nodes it may taint. */
  scheduleTaintingPass(): void {
    if (this.stopped || this.taintTimer) return;
    if (![...this.zoneTainters.values()].some((q) => q.size() > 0 && q.canProceed())) return;
    this.taintTimer = this.deps.clock.setTimer(NODE_EVICTION_PERIOD_MS, () => {
      this.taintTimer = undefined;
      void this.doNoExecuteTaintingPass().then(() => this.scheduleTaintingPass());
    });
  }

  /** doNoExecuteTaintingPass: the NoExecute taint matching each queued node's Ready condition. */
  private async doNoExecuteTaintingPass(): Promise<void> {
    for (const tainter of this.zoneTainters.values()) {
      await tainter.tryAll(async (name) => {
        const node = this.deps.getNode(name);
        if (!node) return { done: true };
        const ready = nodeCondition(node, 'Ready');
        if (!ready) return { done: false, retryAfterMs: 50 };
        // Unreachable and not-ready are exclusive, as Ready's Unknown and False are.
        let add: Taint;
        let remove: Taint;
        if (ready.status === 'False') [add, remove] = [NOT_READY_TAINT, UNREACHABLE_TAINT];
        else if (ready.status === 'Unknown') [add, remove] = [UNREACHABLE_TAINT, NOT_READY_TAINT];
        else return { done: true };
        try {
          await swapNodeControllerTaint(this.deps, [add], [remove], node);
          return { done: true };
        } catch (error) {
          this.deps.report(name, error);
          return { done: false };
        }
      });
    }
  }
}
