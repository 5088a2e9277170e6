import { deepEqual } from '../api/object';
import type { Snapshot } from './filters';
import { antiAffinityTerms } from './inter-pod-affinity';
import { nodeInfo, withPods, type NodeInfo } from './resources';
import type { Node, Pod } from './types';

/** Where a pod counts: the node it is bound or assumed on, and the pod as it is there. */
export interface Placement {
  pod: Pod;
  node: string;
}

/**
 * The scheduler's cache of the cluster (the scheduler cache and its snapshot): where each pod
 * counts, and each node's NodeInfo, built again only when its pods changed in a way the
 * scheduler sees, and grown rather than rebuilt when pods were only added.
 */
export class NodeInfoCache {
  /** Where each pod counts in a snapshot (assumed, or bound and not terminal), by key. */
  private readonly placed = new Map<string, Placement>();
  /** The pods placed on each node, by key. */
  private readonly nodePods = new Map<string, Map<string, Pod>>();
  /** Each node's NodeInfo as of the last snapshot, with its pods that have required anti-affinity. */
  private readonly nodeInfos = new Map<string, { node: Node; info: NodeInfo; antiAffinity: Pod[] }>();
  /**
   * Nodes whose pods changed since their NodeInfo was built: the pods added, or 'rebuild' once
   * one left or changed in a way the scheduler sees.
   */
  private readonly changedNodes = new Map<string, Pod[] | 'rebuild'>();

  /** The last list of nodes a snapshot was asked for, and it sorted by name. */
  private lastNodes: { given: Node[]; sorted: Node[] } | undefined;

  /** The nodes by name; the same list as last time (the nodes unchanged) is not sorted again. */
  private sortedByName(nodes: Node[]): Node[] {
    const last = this.lastNodes;
    if (last && last.given.length === nodes.length && last.given.every((node, i) => node === nodes[i])) {
      return last.sorted;
    }
    const sorted = [...nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    this.lastNodes = { given: nodes, sorted };
    return sorted;
  }

  /** Records where the pod at `key` counts now (nowhere when `next` is undefined). */
  place(key: string, next: Placement | undefined): void {
    const previous = this.placed.get(key);
    if (previous?.node === next?.node && previous?.pod === next?.pod) return;
    if (previous && next && previous.node === next.node && sameForScheduling(previous.pod, next.pod)) {
      // A status write (or the bound copy of an assumed pod): the node's NodeInfo stays right.
      this.placed.set(key, next);
      this.nodePods.get(next.node)?.set(key, next.pod);
      return;
    }
    if (previous) {
      this.nodePods.get(previous.node)?.delete(key);
      this.changedNodes.set(previous.node, 'rebuild');
    }
    if (!next) {
      this.placed.delete(key);
      return;
    }
    this.placed.set(key, next);
    let pods = this.nodePods.get(next.node);
    if (!pods) this.nodePods.set(next.node, (pods = new Map()));
    pods.set(key, next.pod);
    const change = this.changedNodes.get(next.node);
    if (change === undefined) this.changedNodes.set(next.node, [next.pod]);
    else if (change !== 'rebuild') change.push(next.pod);
  }

  /** The cycle's view of `nodes`: each with the pods bound or assumed on it, by node name. */
  snapshot(nodes: Node[]): Pick<Snapshot, 'nodes' | 'podsWithRequiredAntiAffinity'> {
    const infos: NodeInfo[] = [];
    const podsWithRequiredAntiAffinity: Snapshot['podsWithRequiredAntiAffinity'] = [];
    const sorted = this.sortedByName(nodes);
    for (const node of sorted) {
      const name = node.metadata?.name ?? '';
      let cached = this.nodeInfos.get(name);
      const change = this.changedNodes.get(name);
      if (cached && cached.node === node && Array.isArray(change)) {
        // Pods were only added: the NodeInfo grows by them rather than being built again.
        const info = withPods(cached.info, change);
        cached = { node, info, antiAffinity: [...cached.antiAffinity, ...change.filter(hasAntiAffinity)] };
      } else if (!cached || cached.node !== node || change) {
        const info = nodeInfo(node, [...(this.nodePods.get(name)?.values() ?? [])]);
        cached = { node, info, antiAffinity: info.pods.filter(hasAntiAffinity) };
      }
      this.nodeInfos.set(name, cached);
      this.changedNodes.delete(name);
      infos.push(cached.info);
      for (const pod of cached.antiAffinity) podsWithRequiredAntiAffinity.push({ pod, node: cached.info.node });
    }
    return { nodes: infos, podsWithRequiredAntiAffinity };
  }
}

const hasAntiAffinity = (pod: Pod): boolean => antiAffinityTerms(pod).length > 0;

/**
 * Whether a pod's new version counts on its node exactly as the old one did: the same spec,
 * labels, owners and deletion (a status write keeps the spec's object; a bound copy of an
 * assumed pod has an equal one).
 */
function sameForScheduling(old: Pod, pod: Pod): boolean {
  const a = old.metadata;
  const b = pod.metadata;
  if (a?.deletionTimestamp !== b?.deletionTimestamp || a?.namespace !== b?.namespace) return false;
  return (
    deepEqual(a?.labels, b?.labels) &&
    deepEqual(a?.ownerReferences, b?.ownerReferences) &&
    deepEqual(old.spec, pod.spec)
  );
}
