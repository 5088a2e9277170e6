// The garbage collector's dependency graph and the builder that keeps it from informer events
// (pkg/controller/garbagecollector: graph.go, graph_builder.go).
import type { KubeObject, OwnerReference } from '../api/object';
import type { EventRecorder } from './events';
import type { WorkQueue } from './workqueue';

/** The coordinates of an object in the graph (objectReference): an owner reference and a namespace. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  /** The object's namespace; for a virtual owner, the namespace of the dependent that named it. */
  namespace: string;
}

/** objectReference.String(). */
export function identityText(id: ObjectIdentity): string {
  return `[${id.apiVersion}/${id.kind}, namespace: ${id.namespace}, name: ${id.name}, uid: ${id.uid}]`;
}

const sameIdentity = (a: ObjectIdentity, b: ObjectIdentity): boolean =>
  a.apiVersion === b.apiVersion &&
  a.kind === b.kind &&
  a.name === b.name &&
  a.uid === b.uid &&
  a.namespace === b.namespace;

const identityKey = (id: ObjectIdentity): string =>
  JSON.stringify([id.apiVersion, id.kind, id.name, id.uid, id.namespace]);

/** ownerReferenceMatchesCoordinates: same uid, name, kind and apiVersion. */
export function refMatches(
  ref: OwnerReference,
  id: Pick<ObjectIdentity, 'apiVersion' | 'kind' | 'name' | 'uid'>,
): boolean {
  return ref.uid === id.uid && ref.name === id.name && ref.kind === id.kind && ref.apiVersion === id.apiVersion;
}

/** An object, or an owner only known from a dependent's reference (virtual), and its dependents. */
export class GraphNode {
  readonly dependents = new Set<GraphNode>();

  constructor(
    public identity: ObjectIdentity,
    public owners: OwnerReference[],
    /** Not yet seen through an informer: only named as an owner (or a virtual delete's subject). */
    public virtual: boolean,
    /** Has a deletionTimestamp. */
    public beingDeleted = false,
    /** Being deleted with the foregroundDeletion finalizer. */
    public deletingDependents = false,
  ) {}

  /** The dependents whose reference to this node has blockOwnerDeletion. */
  blockingDependents(): GraphNode[] {
    return [...this.dependents].filter((dep) =>
      dep.owners.some((ref) => ref.uid === this.identity.uid && ref.blockOwnerDeletion === true),
    );
  }

  toString(): string {
    return identityText(this.identity);
  }
}

/** The absent owner cache: an LRU of identities confirmed not to exist (ReferenceCache, 500 entries). */
export class AbsentOwnerCache {
  private readonly keys = new Map<string, true>();

  constructor(private readonly limit = 500) {}

  add(id: ObjectIdentity): void {
    const key = identityKey(id);
    this.keys.delete(key);
    this.keys.set(key, true);
    if (this.keys.size > this.limit) this.keys.delete(this.keys.keys().next().value as string);
  }

  has(id: ObjectIdentity): boolean {
    const key = identityKey(id);
    if (!this.keys.has(key)) return false;
    this.keys.delete(key);
    this.keys.set(key, true);
    return true;
  }
}

/** One change the graph builder processes (graph_builder.go's event). */
export interface GraphEvent {
  type: 'add' | 'update' | 'delete';
  object: KubeObject;
  old?: KubeObject;
  /** The apiVersion and kind of the informer (or virtual event) the object came from. */
  apiVersion: string;
  kind: string;
  /** A delete the garbage collector inferred from a 404 or a changed UID, not an informer's. */
  virtual?: boolean;
}

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

const beingDeleted = (object: KubeObject | undefined): boolean => !!object?.metadata?.deletionTimestamp;
const hasFinalizer = (object: KubeObject | undefined, finalizer: string): boolean =>
  (object?.metadata?.finalizers ?? []).includes(finalizer);

/** deletionStartsWithFinalizer: the object is now being deleted with `finalizer`, and was not before. */
function deletionStartsWithFinalizer(old: KubeObject | undefined, current: KubeObject, finalizer: string): boolean {
  if (!beingDeleted(current) || !hasFinalizer(current, finalizer)) return false;
  return !old || !beingDeleted(old) || !hasFinalizer(old, finalizer);
}

/** referencesDiffs: owner references added, removed, and changed (same uid, other fields). */
function referencesDiffs(
  old: readonly OwnerReference[],
  current: readonly OwnerReference[],
): {
  added: OwnerReference[];
  removed: OwnerReference[];
  changed: Array<{ old: OwnerReference; current: OwnerReference }>;
} {
  // Most updates (every status write) keep the very same references.
  if (old === current) return { added: [], removed: [], changed: [] };
  const oldByUid = new Map(old.map((ref) => [ref.uid, ref]));
  const added: OwnerReference[] = [];
  const changed: Array<{ old: OwnerReference; current: OwnerReference }> = [];
  for (const ref of current) {
    const before = oldByUid.get(ref.uid);
    if (!before) added.push(ref);
    else {
      if (before !== ref && JSON.stringify(before) !== JSON.stringify(ref)) changed.push({ old: before, current: ref });
      oldByUid.delete(ref.uid);
    }
  }
  return { added, removed: [...oldByUid.values()], changed };
}

/**
 * The GraphBuilder: keeps the uid → node graph from informer events and the collector's virtual
 * deletes, and feeds the attemptToDelete and attemptToOrphan queues. Events are processed as they
 * come (upstream's single graphChanges consumer).
 */
export class GraphBuilder {
  readonly uidToNode = new Map<string, GraphNode>();
  readonly absentOwnerCache = new AbsentOwnerCache();

  constructor(
    private readonly attemptToDelete: WorkQueue<GraphNode>,
    private readonly attemptToOrphan: WorkQueue<GraphNode>,
    private readonly recorder: EventRecorder,
  ) {}

  /** enqueueVirtualDeleteEvent: the API says `identity` does not exist. */
  virtualDelete(identity: ObjectIdentity): void {
    this.process({
      type: 'delete',
      virtual: true,
      apiVersion: identity.apiVersion,
      kind: identity.kind,
      object: { metadata: { name: identity.name, namespace: identity.namespace, uid: identity.uid } },
    });
  }

  /** processGraphChanges for one event. */
  process(event: GraphEvent): void {
    const meta = event.object.metadata ?? {};
    const uid = meta.uid ?? '';
    const observed: ObjectIdentity = {
      apiVersion: event.apiVersion,
      kind: event.kind,
      name: meta.name ?? '',
      uid,
      namespace: meta.namespace ?? '',
    };
    const existing = this.uidToNode.get(uid);
    if (existing && !event.virtual && existing.virtual) {
      // A node known only from references is now seen: check who named it by other coordinates.
      if (!sameIdentity(observed, existing.identity)) {
        const { nonmatching } = partitionDependents(existing.dependents, observed);
        for (const dep of nonmatching) {
          if (observed.namespace && dep.identity.namespace !== observed.namespace) {
            this.reportInvalidNamespaceOwnerRef(dep, uid);
          }
          this.attemptToDelete.add(dep);
        }
        existing.identity = observed;
      }
      existing.virtual = false;
    }
    const owners = meta.ownerReferences ?? [];
    if (event.type !== 'delete' && !existing) {
      const node = new GraphNode(
        observed,
        owners,
        false,
        beingDeleted(event.object),
        beingDeleted(event.object) && hasFinalizer(event.object, FOREGROUND),
      );
      this.uidToNode.set(uid, node);
      this.addDependentToOwners(node, node.owners);
      this.processTransitions(event.old, event.object, node);
      return;
    }
    if (event.type !== 'delete' && existing) {
      const { added, removed, changed } = referencesDiffs(existing.owners, owners);
      if (added.length || removed.length || changed.length) {
        this.addUnblockedOwnersToDeleteQueue(removed, changed);
        this.addDependentToOwners(existing, added);
        for (const ref of removed) this.uidToNode.get(ref.uid)?.dependents.delete(existing);
      }
      // Equal or not, the latest list: the next update most likely shares it.
      existing.owners = owners;
      if (beingDeleted(event.object)) existing.beingDeleted = true;
      this.processTransitions(event.old, event.object, existing);
      return;
    }
    if (!existing) return;
    this.processDelete(event, existing, observed);
  }

  private processDelete(event: GraphEvent, existing: GraphNode, deleted: ObjectIdentity): void {
    let remove = true;
    if (event.virtual) {
      if (existing.virtual) {
        const { matching, nonmatching } = partitionDependents(existing.dependents, deleted);
        if (nonmatching.length > 0) {
          // Some dependents name this uid by other coordinates: keep the node for them.
          remove = false;
          if (matching.length > 0) {
            this.absentOwnerCache.add(deleted);
            for (const dep of matching) this.attemptToDelete.add(dep);
          }
          if (sameIdentity(existing.identity, deleted)) {
            const alternate = alternateOwnerIdentity(nonmatching, existing.identity);
            if (alternate) {
              existing.identity = alternate;
              this.attemptToDelete.addRateLimited(existing);
            }
          }
        }
      } else if (!sameIdentity(existing.identity, deleted)) {
        // The informer's object stays; only dependents naming the absent coordinates are affected.
        remove = false;
        const { matching } = partitionDependents(existing.dependents, deleted);
        if (matching.length > 0) {
          this.absentOwnerCache.add(deleted);
          for (const dep of matching) this.attemptToDelete.add(dep);
        }
      }
    }
    if (!remove) return;
    this.removeNode(existing);
    if (existing.dependents.size > 0) this.absentOwnerCache.add(deleted);
    for (const dep of existing.dependents) this.attemptToDelete.add(dep);
    for (const ref of existing.owners) {
      const owner = this.uidToNode.get(ref.uid);
      // An owner deleting its dependents may now be free to go.
      if (owner?.deletingDependents) this.attemptToDelete.add(owner);
    }
  }

  private removeNode(node: GraphNode): void {
    this.uidToNode.delete(node.identity.uid);
    for (const ref of node.owners) this.uidToNode.get(ref.uid)?.dependents.delete(node);
  }

  /** processTransitions: an owner starting an orphaning or a foreground deletion. */
  private processTransitions(old: KubeObject | undefined, current: KubeObject, node: GraphNode): void {
    if (deletionStartsWithFinalizer(old, current, ORPHAN)) {
      this.attemptToOrphan.add(node);
      return;
    }
    if (deletionStartsWithFinalizer(old, current, FOREGROUND)) {
      node.deletingDependents = true;
      for (const dep of node.dependents) this.attemptToDelete.add(dep);
      this.attemptToDelete.add(node);
    }
  }

  /** addUnblockedOwnersToDeleteQueue: owners waiting on a dependent that no longer blocks them. */
  private addUnblockedOwnersToDeleteQueue(
    removed: OwnerReference[],
    changed: Array<{ old: OwnerReference; current: OwnerReference }>,
  ): void {
    const unblocked = [
      ...removed.filter((ref) => ref.blockOwnerDeletion === true),
      ...changed
        .filter((c) => c.old.blockOwnerDeletion === true && c.current.blockOwnerDeletion !== true)
        .map((c) => c.old),
    ];
    for (const ref of unblocked) {
      const owner = this.uidToNode.get(ref.uid);
      if (owner?.deletingDependents) this.attemptToDelete.add(owner);
    }
  }

  /**
   * addDependentToOwners: links `node` under each owner, making a virtual node (to be verified)
   * for owners not seen yet, and queues the node when a reference may be invalid.
   */
  private addDependentToOwners(node: GraphNode, owners: readonly OwnerReference[]): void {
    let potentiallyInvalid = false;
    for (const ref of owners) {
      let owner = this.uidToNode.get(ref.uid);
      if (!owner) {
        owner = new GraphNode(
          {
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            name: ref.name,
            uid: ref.uid,
            namespace: node.identity.namespace,
          },
          [],
          true,
        );
        this.uidToNode.set(ref.uid, owner);
        owner.dependents.add(node);
        // The collector asks the API whether it exists, and deletes the virtual node if not.
        this.attemptToDelete.add(owner);
        continue;
      }
      owner.dependents.add(node);
      if (potentiallyInvalid) continue;
      const ownerNamespace = owner.identity.namespace;
      if (ownerNamespace && ownerNamespace !== node.identity.namespace) {
        if (!owner.virtual) this.reportInvalidNamespaceOwnerRef(node, ref.uid);
        potentiallyInvalid = true;
      } else if (!refMatches(ref, owner.identity)) {
        potentiallyInvalid = true;
      } else if (!ownerNamespace && owner.identity.namespace !== node.identity.namespace && owner.virtual) {
        potentiallyInvalid = true;
      }
    }
    if (potentiallyInvalid) this.attemptToDelete.add(node);
  }

  /** reportInvalidNamespaceOwnerRef: a Warning on the dependent naming an owner in another namespace. */
  private reportInvalidNamespaceOwnerRef(node: GraphNode, ownerUid: string): void {
    const ref = node.owners.find((owner) => owner.uid === ownerUid);
    if (!ref) return;
    const { apiVersion, kind, name, uid, namespace } = node.identity;
    const invalid: ObjectIdentity = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      name: ref.name,
      uid: ref.uid,
      namespace,
    };
    this.recorder.event(
      { apiVersion, kind, metadata: { name, namespace: namespace || undefined, uid } },
      'Warning',
      'OwnerRefInvalidNamespace',
      `ownerRef ${identityText(invalid)} does not resolve to a parent with matching namespace`,
    );
  }
}

/** partitionDependents: the dependents whose reference matches `owner`'s coordinates, and those whose does not. */
function partitionDependents(
  dependents: Iterable<GraphNode>,
  owner: ObjectIdentity,
): { matching: GraphNode[]; nonmatching: GraphNode[] } {
  const matching: GraphNode[] = [];
  const nonmatching: GraphNode[] = [];
  for (const dep of dependents) {
    let match = false;
    let mismatch = false;
    if (owner.namespace && owner.namespace !== dep.identity.namespace) mismatch = true;
    else {
      for (const ref of dep.owners) {
        if (ref.uid !== owner.uid) continue;
        if (refMatches(ref, owner)) match = true;
        else mismatch = true;
      }
    }
    if (match) matching.push(dep);
    if (mismatch) nonmatching.push(dep);
  }
  return { matching, nonmatching };
}

/** getAlternateOwnerIdentity: another identity dependents give an absent owner's uid (sorted after it if any). */
function alternateOwnerIdentity(deps: readonly GraphNode[], absent: ObjectIdentity): ObjectIdentity | undefined {
  const clusterScoped = !absent.namespace;
  const seen = new Set([identityKey(absent)]);
  let first: ObjectIdentity | undefined;
  let firstFollowing: ObjectIdentity | undefined;
  for (const dep of deps) {
    for (const ref of dep.owners) {
      if (ref.uid !== absent.uid) continue;
      if (refMatches(ref, absent) && (clusterScoped || absent.namespace === dep.identity.namespace)) continue;
      const candidate: ObjectIdentity = {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        name: ref.name,
        uid: ref.uid,
        namespace: dep.identity.namespace,
      };
      if (clusterScoped && candidate.apiVersion === absent.apiVersion && candidate.kind === absent.kind) {
        candidate.namespace = '';
      }
      const key = identityKey(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      first ??= candidate;
      if (!firstFollowing && referenceLess(absent, candidate)) firstFollowing = candidate;
    }
  }
  return firstFollowing ?? first;
}

/** referenceLessThan: by apiVersion, kind, name, uid, then namespace. */
function referenceLess(a: ObjectIdentity, b: ObjectIdentity): boolean {
  for (const field of ['apiVersion', 'kind', 'name', 'uid', 'namespace'] as const) {
    if (a[field] !== b[field]) return a[field] < b[field];
  }
  return false;
}
