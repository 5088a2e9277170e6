import { controllerOf, isPodActive, isPodReady, type Pod } from './pods';

/** What calculateStatus counts over the pods a ReplicaSet claims. */
export interface ClaimedCounts {
  /** Active pods it controls whose labels match its selector (those it claims). */
  claimed: number;
  /** Of those, the ones carrying every label of the template. */
  fullyLabeled: number;
  /** Of those, the Ready ones. */
  ready: number;
}

/** How one ReplicaSet counts pods: its selector and its template's labels. */
export interface CountRules {
  /** Changes whenever the selector or the template's labels do. */
  key: string;
  match: (labels: Record<string, string> | undefined) => boolean;
  templateLabels: ReadonlyArray<[string, string]>;
}

/** What one pod adds to its controller's counts, as bits. */
const STRAY = 1; // active, controlled and not matching: the sync would release it
const CLAIMED = 2;
const FULLY_LABELED = 4;
const READY = 8;

interface OwnerCounts extends ClaimedCounts {
  rules: CountRules;
  stray: number;
  pods: Map<string, number>;
}

function countOf(pod: Pod, rules: CountRules): number {
  if (!isPodActive(pod)) return 0;
  const labels = pod.metadata?.labels;
  if (!rules.match(labels)) return STRAY;
  let count = CLAIMED | FULLY_LABELED;
  for (const [k, v] of rules.templateLabels) {
    if (labels?.[k] !== v) {
      count = CLAIMED;
      break;
    }
  }
  return isPodReady(pod) ? count | READY : count;
}

function addCount(counts: OwnerCounts, count: number, sign: 1 | -1): void {
  if (count & STRAY) counts.stray += sign;
  if (count & FULLY_LABELED) counts.fullyLabeled += sign;
  if (count & READY) counts.ready += sign;
  if (count & CLAIMED) counts.claimed += sign;
}

/**
 * The counts of the pods each ReplicaSet controls (by its UID), kept up to date from every change
 * of the pod informer, so that a sync need not walk all its pods: what the claim and
 * calculateStatus would find among the controlled pods when none has to be released. A
 * ReplicaSet's counts are built from its pods on first use, and again when its rules change.
 */
export class ControlledPodCounts {
  private readonly owners = new Map<string, OwnerCounts>();
  /** Pod key → the UID of the counts it is in. */
  private readonly counted = new Map<string, string>();

  /** A pod at `key` changed in the informer: `pod` is its new state, undefined once deleted. */
  podChanged(key: string, pod: Pod | undefined): void {
    const uid = this.counted.get(key);
    if (uid !== undefined) this.uncount(this.owners.get(uid) as OwnerCounts, key);
    if (!pod) return;
    const ref = controllerOf(pod);
    const owner = ref ? this.owners.get(ref.uid) : undefined;
    if (!ref || !owner) return;
    this.count(owner, ref.uid, key, pod);
  }

  /**
   * The counts of the controller `uid` under `rules`, with how many active controlled pods do not
   * match (`stray`). `controlled` lists its pods with their keys, for a first count.
   */
  countsFor(uid: string, rules: CountRules, controlled: () => Array<[string, Pod]>): ClaimedCounts & { stray: number } {
    let owner = this.owners.get(uid);
    if (!owner || owner.rules.key !== rules.key) {
      this.forget(uid);
      owner = { rules, claimed: 0, fullyLabeled: 0, ready: 0, stray: 0, pods: new Map() };
      this.owners.set(uid, owner);
      for (const [key, pod] of controlled()) this.count(owner, uid, key, pod);
    }
    return { claimed: owner.claimed, fullyLabeled: owner.fullyLabeled, ready: owner.ready, stray: owner.stray };
  }

  /** Drops the counts of the controller `uid` (it is gone). */
  forget(uid: string): void {
    const owner = this.owners.get(uid);
    if (!owner) return;
    for (const key of owner.pods.keys()) this.counted.delete(key);
    this.owners.delete(uid);
  }

  private uncount(owner: OwnerCounts, key: string): void {
    addCount(owner, owner.pods.get(key) as number, -1);
    owner.pods.delete(key);
    this.counted.delete(key);
  }

  private count(owner: OwnerCounts, uid: string, key: string, pod: Pod): void {
    const previous = this.counted.get(key);
    if (previous !== undefined) this.uncount(this.owners.get(previous) as OwnerCounts, key);
    const count = countOf(pod, owner.rules);
    owner.pods.set(key, count);
    this.counted.set(key, uid);
    addCount(owner, count, 1);
  }
}
