import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { RestClient } from '../client/rest-client';
import { CONTROLLERREVISIONS } from '../client/resources';
import { encodeUtf8 } from '../util/utf8';
import { PodControllerRefManager, type ControllerKind } from './controller-ref';
import type { Informer } from './informer';
import { safeEncodeString } from './pod-template-hash';
import { controllerOf, type Pod } from './pods';

/** apps/v1 ControllerRevision: one recorded state of a DaemonSet's or StatefulSet's template. */
export interface ControllerRevision extends KubeObject {
  /** The patch that brings the owner back to this state (its spec.template, replacing). */
  data?: unknown;
  revision?: number;
}

/** The label holding the hash of a revision's data (history.ControllerRevisionHashLabel). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** history.ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** FNV-1 (not 1a: hash/fnv.New32, which HashControllerRevision uses), 32 bits, from `hash`. */
function fnv32(hash: number, bytes: Iterable<number>): number {
  let h = hash >>> 0;
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h;
}

/**
 * history.HashControllerRevision: FNV-1 32 over the revision's raw data (the JSON text), then the
 * decimal text of `probe` (the collision count) when given, as rand.SafeEncodeString prints it.
 */
export function hashControllerRevision(rawData: string, probe?: number): string {
  let hash = fnv32(0x811c9dc5, encodeUtf8(rawData));
  if (probe !== undefined) hash = fnv32(hash, encodeUtf8(String(probe)));
  return safeEncodeString(String(hash >>> 0));
}

/** A string as Go's encoding/json writes it: JSON.stringify's escapes plus <, >, &, U+2028, U+2029. */
function goString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** json.Marshal of a decoded JSON value (map[string]interface{}): object keys sorted, no spaces. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goString(k)}:${goJson(object[k])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value ?? null);
}

/**
 * getPatch of the DaemonSet and StatefulSet controllers: `{"spec":{"template":{…,"$patch":"replace"}}}`
 * over the owner as Go encodes it (its template's metadata always carries `creationTimestamp: null`,
 * a zero metav1.Time that omitempty cannot drop), re-marshalled with sorted keys. Returns the
 * patch as an object and as the exact bytes hashed and compared.
 */
export function templatePatch(owner: { spec?: { template?: unknown } }): { data: unknown; raw: string } {
  const template = { ...((owner.spec?.template ?? {}) as Record<string, unknown>) };
  template.metadata = { creationTimestamp: null, ...(template.metadata as object | undefined) };
  template.$patch = 'replace';
  const raw = goJson({ spec: { template } });
  return { data: JSON.parse(raw) as unknown, raw };
}

/** The raw bytes of a stored revision's data, as the controller compares them. */
export function revisionRaw(revision: ControllerRevision): string {
  return goJson(revision.data ?? null);
}

/** history.SortControllerRevisions: by revision, then creation time, then name (a stable sort). */
export function sortControllerRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return revisions.sort((a, b) => {
    const ra = a.revision ?? 0;
    const rb = b.revision ?? 0;
    if (ra !== rb) return ra - rb;
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/**
 * history.EqualRevision: both absent, or equal data. (Upstream also compares the hash labels
 * parsed as base-10 integers; safe-encoded hashes never parse, so only the data decides.)
 */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return revisionRaw(a) === revisionRaw(b);
}

/** The revision number after the newest of `sorted` (1 for none): nextRevision. */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length === 0 ? 1 : (sorted[sorted.length - 1].revision ?? 0) + 1;
}

/**
 * history.NewControllerRevision: owned by `parent`, labelled as its template plus the hash label,
 * named `<parent>-<hash>` (the hash of `raw` with the collision count as probe).
 */
export function newControllerRevision(
  parent: KubeObject,
  kind: ControllerKind,
  templateLabels: Record<string, string> | undefined,
  patch: { data: unknown; raw: string },
  revision: number,
  collisionCount: number,
): ControllerRevision {
  const meta = parent.metadata ?? {};
  const hash = hashControllerRevision(patch.raw, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(meta.name ?? '', hash),
      namespace: meta.namespace,
      labels: { ...templateLabels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [
        { ...kind, name: meta.name ?? '', uid: meta.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    data: patch.data,
    revision,
  };
}

const isAlreadyExists = (error: unknown): boolean => error instanceof StatusError && error.status.code === 409;
const isConflict = isAlreadyExists;

/**
 * A controller's revision history (history.Interface over the API, realHistory): lists from the
 * shared ControllerRevision informer, writes through the controller's client.
 */
export class ControllerHistory {
  constructor(
    private readonly client: RestClient,
    private readonly informer: Informer<ControllerRevision>,
  ) {}

  /** ListControllerRevisions: revisions `selects` picks in the parent's namespace, owned by it or by none. */
  list(parent: KubeObject, selects: (labels: Record<string, string> | undefined) => boolean): ControllerRevision[] {
    const uid = parent.metadata?.uid;
    return this.informer.list(parent.metadata?.namespace ?? '').filter((revision) => {
      if (!selects(revision.metadata?.labels)) return false;
      const ref = controllerOf(revision);
      return !ref || ref.uid === uid;
    });
  }

  /**
   * CreateControllerRevision: creates `revision`, renamed with the hash probed by the collision
   * count; on a name taken by other data the count goes up and it tries again. An existing
   * revision with the same data is returned as created. `collisionCount.value` is left raised.
   */
  async create(
    parent: KubeObject,
    revision: ControllerRevision,
    rawData: string,
    collisionCount: { value: number },
  ): Promise<ControllerRevision> {
    const revisions = this.client.resource<ControllerRevision>(CONTROLLERREVISIONS, parent.metadata?.namespace);
    for (;;) {
      const hash = hashControllerRevision(rawData, collisionCount.value);
      const name = controllerRevisionName(parent.metadata?.name ?? '', hash);
      try {
        // Only the name changes: the hash label keeps the first probe's hash, as upstream's does.
        return await revisions.create({ ...revision, metadata: { ...revision.metadata, name } });
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        const exists = await revisions.get(name);
        if (revisionRaw(exists) === rawData) return exists;
        collisionCount.value++;
      }
    }
  }

  /** UpdateControllerRevision: sets the revision number, retrying conflicts on a fresh copy. */
  async updateRevision(revision: ControllerRevision, newRevision: number): Promise<ControllerRevision> {
    const revisions = this.client.resource<ControllerRevision>(CONTROLLERREVISIONS, revision.metadata?.namespace);
    let current = revision;
    for (let attempt = 0; ; attempt++) {
      if (current.revision === newRevision) return current;
      try {
        return await revisions.update({ ...current, revision: newRevision });
      } catch (error) {
        if (!isConflict(error) || attempt >= 4) throw error;
        current = await revisions.get(revision.metadata?.name ?? '');
      }
    }
  }

  /** DeleteControllerRevision. */
  async delete(revision: ControllerRevision): Promise<void> {
    await this.client
      .resource<ControllerRevision>(CONTROLLERREVISIONS, revision.metadata?.namespace)
      .delete(revision.metadata?.name ?? '');
  }

  /**
   * ClaimControllerRevisions (controller.ControllerRevisionControllerRefManager): the same
   * adoption and release patches as for pods, on the namespace's revisions.
   */
  async claim(
    parent: KubeObject,
    kind: ControllerKind,
    selects: (labels: Record<string, string> | undefined) => boolean,
    canAdopt: () => Promise<void>,
  ): Promise<ControllerRevision[]> {
    const namespace = parent.metadata?.namespace;
    const manager = new PodControllerRefManager(
      // The manager only patches metadata, which a revision has as a pod does.
      this.client.resource<Pod>(CONTROLLERREVISIONS, namespace),
      parent,
      kind,
      (object) => selects(object.metadata?.labels),
      canAdopt,
    );
    const candidates = this.informer.list(namespace ?? '') as unknown as Pod[];
    return (await manager.claimPods(candidates)) as unknown as ControllerRevision[];
  }

  /** AdoptControllerRevision: a strategic merge patch adding the controller reference. */
  async adopt(parent: KubeObject, kind: ControllerKind, revision: ControllerRevision): Promise<ControllerRevision> {
    const owner = controllerOf(revision);
    if (owner) throw new Error(`attempt to adopt revision owned by ${JSON.stringify(owner)}`);
    const meta = parent.metadata ?? {};
    const patch = {
      metadata: {
        ownerReferences: [{ ...kind, name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true }],
        uid: revision.metadata?.uid,
      },
    };
    return this.client
      .resource<ControllerRevision>(CONTROLLERREVISIONS, meta.namespace)
      .patch(revision.metadata?.name ?? '', 'strategic', patch);
  }
}
