import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { CONFIGMAPS, SECRETS } from '../client/resources';
import { Informer } from '../controllers/informer';
import type { Rng } from '../rng';
import type { Json } from './pod-types';

export type SourceKind = 'ConfigMap' | 'Secret';

/** Where a kubelet reads the ConfigMaps and Secrets its pods use. */
export interface ObjectSources {
  /** The object, or undefined when it does not exist; `podUid` is the pod that uses it. */
  get(kind: SourceKind, namespace: string, name: string, podUid: string): Promise<Json | undefined>;
  /** The pod no longer uses anything (it is gone from the node). */
  release(podUid: string): void;
  /** Stops every watch. */
  stop(): void;
}

interface Watched {
  informer: Informer<Json>;
  users: Set<string>;
}

/**
 * The kubelet's ConfigMap and Secret managers with the Watch strategy (its default,
 * watch_based_manager.go): each object a pod uses is watched on its own (a list and watch with
 * `metadata.name=…`) for as long as some pod on the node uses it, and read from that watch's
 * cache — not fetched from the API server at every pod start.
 */
export class WatchingObjectSources implements ObjectSources {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly client: RestClient,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  async get(kind: SourceKind, namespace: string, name: string, podUid: string): Promise<Json | undefined> {
    const key = `${kind}/${namespace}/${name}`;
    let entry = this.watched.get(key);
    if (!entry) {
      const informer = new Informer<Json>(
        this.client,
        kind === 'ConfigMap' ? CONFIGMAPS : SECRETS,
        this.clock,
        this.rng,
        {
          namespace,
          fieldSelector: `metadata.name=${name}`,
        },
      );
      entry = { informer, users: new Set() };
      this.watched.set(key, entry);
      informer.start();
    }
    entry.users.add(podUid);
    await entry.informer.waitForSync();
    return entry.informer.get(namespace, name);
  }

  release(podUid: string): void {
    for (const [key, entry] of this.watched) {
      if (!entry.users.delete(podUid) || entry.users.size > 0) continue;
      entry.informer.stop();
      this.watched.delete(key);
    }
  }

  stop(): void {
    for (const entry of this.watched.values()) entry.informer.stop();
    this.watched.clear();
  }
}
