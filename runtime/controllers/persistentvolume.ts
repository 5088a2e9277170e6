import { clone, type KubeObject } from '../api/object';
import type { Clock, TimerHandle } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, STORAGECLASSES } from '../client/resources';
import type { EventRecorder } from './events';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimKey,
  claimRefKey,
  findBestMatch,
  isVolumeBoundToClaim,
  versionOf,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from './persistentvolume-util';
import { VolumeBinding } from './persistentvolume-binding';
import { WorkQueue } from './workqueue';

/** kube-controller-manager runs the binder as this service account. */
export const PERSISTENT_VOLUME_SERVICE_ACCOUNT = 'persistent-volume-binder';
/** The event source of the binder's events. */
export const PERSISTENT_VOLUME_EVENT_SOURCE = 'persistentvolume-controller';
/** One worker per queue: syncClaim is not reentrant (no --concurrent-* flag exists). */
export const DEFAULT_PERSISTENT_VOLUME_WORKERS = 1;
/** --pvclaimbinder-sync-period. */
export const PV_CLAIM_BINDER_SYNC_PERIOD_MS = 15_000;

/** What the controller needs; `recorder` should report as `persistentvolume-controller`. */
export interface PersistentVolumeControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync. */
  onError?: (key: string, error: unknown) => void;
  /** How often every claim and volume is synced again (default 15 s). */
  resyncPeriodMs?: number;
}

const PV_KIND = { apiVersion: 'v1', kind: 'PersistentVolume' };
const PVC_KIND = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume, "persistent-volume-
 * binder"): binds pending claims to matching volumes (claimRef, then volumeName and the
 * bind-completed / bound-by-controller annotations, phases Bound), hands claims of a class with
 * an external provisioner to it (the storage-provisioner annotations and an ExternalProvisioning
 * event), marks volumes whose claim is gone Released and reclaims them (Retain: kept; Delete: left
 * to the external provisioner that made them). Keeps its own caches of what it wrote, so a stale
 * informer never undoes a binding; every claim and volume is synced again each resync period.
 */
export class PersistentVolumeController {
  readonly claimQueue: WorkQueue<string>;
  readonly volumeQueue: WorkQueue<string>;
  private readonly volumeInformer: Informer<PersistentVolume>;
  private readonly claimInformer: Informer<PersistentVolumeClaim>;
  private readonly classInformer: Informer<StorageClass>;
  private readonly volumes = new Map<string, PersistentVolume>();
  private readonly claims = new Map<string, PersistentVolumeClaim>();
  private readonly operations = new Set<string>();
  private readonly binding: VolumeBinding;
  private resyncTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: PersistentVolumeControllerDeps) {
    this.binding = new VolumeBinding({
      client: deps.client,
      clock: deps.clock,
      storeVolume: (v) => this.storeUpdate(this.volumes, v.metadata?.name ?? '', v),
      storeClaim: (c) => this.storeUpdate(this.claims, claimKey(c), c),
    });
    this.claimQueue = new WorkQueue<string>(deps.clock);
    this.volumeQueue = new WorkQueue<string>(deps.clock);
    this.volumeInformer = deps.informers.informerFor<PersistentVolume>(PERSISTENTVOLUMES);
    this.claimInformer = deps.informers.informerFor<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS);
    this.classInformer = deps.informers.informerFor<StorageClass>(STORAGECLASSES);
    const volumeKey = (v: KubeObject): string => v.metadata?.name ?? '';
    this.volumeInformer.addEventHandler({
      add: (v) => this.volumeQueue.add(volumeKey(v)),
      update: (_o, v) => this.volumeQueue.add(volumeKey(v)),
      delete: (v) => this.volumeQueue.add(volumeKey(tombstoneObject(v))),
    });
    this.claimInformer.addEventHandler({
      add: (c) => this.claimQueue.add(claimKey(c)),
      update: (_o, c) => this.claimQueue.add(claimKey(c)),
      delete: (c) => this.claimQueue.add(claimKey(tombstoneObject(c))),
    });
  }

  /** Waits for the caches, fills its own, then runs the workers and the resync until `stop`. */
  async run(workers = DEFAULT_PERSISTENT_VOLUME_WORKERS): Promise<void> {
    await Promise.all([
      this.volumeInformer.waitForSync(),
      this.claimInformer.waitForSync(),
      this.classInformer.waitForSync(),
    ]);
    if (this.stopped) return;
    for (const v of this.volumeInformer.list()) this.storeUpdate(this.volumes, v.metadata?.name ?? '', v);
    for (const c of this.claimInformer.list()) this.storeUpdate(this.claims, claimKey(c), c);
    this.scheduleResync();
    await Promise.all([
      ...Array.from({ length: workers }, () => this.worker(this.volumeQueue, (key) => this.volumeWork(key))),
      ...Array.from({ length: workers }, () => this.worker(this.claimQueue, (key) => this.claimWork(key))),
    ]);
  }

  /** Stops the workers and the resync. */
  stop(): void {
    this.stopped = true;
    this.resyncTimer?.cancel();
    this.volumeQueue.shutDown();
    this.claimQueue.shutDown();
  }

  private scheduleResync(): void {
    const period = this.deps.resyncPeriodMs ?? PV_CLAIM_BINDER_SYNC_PERIOD_MS;
    this.resyncTimer = this.deps.clock.setTimer(period, () => {
      if (this.stopped) return;
      for (const c of this.claimInformer.list()) this.claimQueue.add(claimKey(c));
      for (const v of this.volumeInformer.list()) this.volumeQueue.add(v.metadata?.name ?? '');
      this.scheduleResync();
    });
  }

  private async worker(queue: WorkQueue<string>, work: (key: string) => Promise<void>): Promise<void> {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      try {
        await work(next.item);
      } catch (error) {
        // Not requeued: the periodic resync retries, as upstream does.
        this.deps.onError?.(next.item, error);
      } finally {
        queue.done(next.item);
      }
    }
  }

  /** storeObjectUpdate: keeps the newer of the cached and the given object; false for an older one. */
  private storeUpdate<T extends KubeObject>(cache: Map<string, T>, key: string, object: T): boolean {
    const old = cache.get(key);
    if (old && versionOf(old) > versionOf(object)) return false;
    cache.set(key, object);
    return true;
  }

  private async volumeWork(name: string): Promise<void> {
    const volume = this.volumeInformer.get(undefined, name);
    if (volume) {
      if (this.storeUpdate(this.volumes, name, volume)) await this.syncVolume(volume);
      return;
    }
    const cached = this.volumes.get(name);
    if (!cached) return;
    this.volumes.delete(name);
    const ref = cached.spec?.claimRef;
    if (ref) this.claimQueue.add(claimRefKey(ref));
  }

  private async claimWork(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const claim = this.claimInformer.get(namespace, name);
    if (claim) {
      if (this.storeUpdate(this.claims, key, claim)) await this.syncClaim(claim);
      return;
    }
    const cached = this.claims.get(key);
    if (!cached) return;
    this.claims.delete(key);
    const volumeName = cached.spec?.volumeName;
    if (volumeName) this.volumeQueue.add(volumeName);
  }

  private record(
    object: KubeObject,
    kind: typeof PV_KIND,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ) {
    this.deps.recorder.event({ ...object, ...kind }, type, reason, message);
  }

  /** syncClaim: unbound claims are matched or provisioned; bound ones kept in step. */
  async syncClaim(claim: PersistentVolumeClaim): Promise<void> {
    if (!claim.metadata?.annotations?.[ANN_BIND_COMPLETED]) await this.syncUnboundClaim(claim);
    else await this.syncBoundClaim(claim);
  }

  private async syncUnboundClaim(claim: PersistentVolumeClaim): Promise<void> {
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      const className = claimClass(claim);
      const storageClass = className ? this.classInformer.get(undefined, className) : undefined;
      const delayBinding = storageClass?.volumeBindingMode === 'WaitForFirstConsumer';
      const volume = findBestMatch(claim, [...this.volumes.values()], delayBinding);
      if (volume) {
        await this.binding.bind(volume, claim);
        return;
      }
      if (delayBinding) {
        // emitEventForUnboundDelayBindingClaim (no pod uses it yet: no scheduler in this picture).
        this.record(
          claim,
          PVC_KIND,
          'Normal',
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        );
      } else if (className) {
        await this.provisionClaim(claim, className, storageClass);
        return;
      } else {
        this.record(
          claim,
          PVC_KIND,
          'Normal',
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
        );
      }
      await this.binding.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    const volume = this.volumes.get(volumeName);
    if (!volume) {
      await this.binding.updateClaimStatus(claim, 'Pending', undefined);
    } else if (!volume.spec?.claimRef || isVolumeBoundToClaim(volume, claim)) {
      await this.binding.bind(volume, claim);
    } else if (!claim.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
      // The user asked for a volume someone else holds: wait.
      await this.binding.updateClaimStatus(claim, 'Pending', undefined);
    } else {
      throw new Error(
        `invalid binding of claim "${claimKey(claim)}" to volume "${volumeName}": volume already claimed by "${claimRefKey(volume.spec.claimRef)}"`,
      );
    }
  }

  private async syncBoundClaim(claim: PersistentVolumeClaim): Promise<void> {
    const volumeName = claim.spec?.volumeName;
    const lost = (reason: string, message: string): Promise<void> =>
      this.binding
        .updateClaimStatus(claim, 'Lost', undefined)
        .then(() => this.record(claim, PVC_KIND, 'Warning', reason, message));
    if (!volumeName) {
      await lost('ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
      return;
    }
    const volume = this.volumes.get(volumeName);
    if (!volume) {
      await lost('ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    } else if (!volume.spec?.claimRef || volume.spec.claimRef.uid === claim.metadata?.uid) {
      await this.binding.bind(volume, claim);
    } else {
      await lost('ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
    }
  }

  /** provisionClaim for an external provisioner: annotate the claim, then say who is expected. */
  private async provisionClaim(
    claim: PersistentVolumeClaim,
    className: string,
    storageClass: StorageClass | undefined,
  ): Promise<void> {
    if (!storageClass) {
      const message = `storageclass.storage.k8s.io "${className}" not found`;
      this.record(claim, PVC_KIND, 'Warning', 'ProvisioningFailed', message);
      throw new Error(message);
    }
    const provisioner = storageClass.provisioner ?? '';
    if (provisioner.startsWith('kubernetes.io/')) {
      // In-tree provisioners are not simulated.
      const message = `no volume plugin matched name: ${provisioner}`;
      this.record(claim, PVC_KIND, 'Warning', 'ProvisioningFailed', message);
      throw new Error(message);
    }
    let current = claim;
    if (claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner) {
      const next = clone(claim);
      next.metadata = { ...next.metadata };
      next.metadata.annotations = {
        ...next.metadata.annotations,
        [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
        [ANN_STORAGE_PROVISIONER]: provisioner,
      };
      try {
        current = await this.deps.client
          .resource<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS, claim.metadata?.namespace)
          .update(next);
      } catch (error) {
        this.record(
          claim,
          PVC_KIND,
          'Warning',
          'ProvisioningFailed',
          `Error saving claim: ${(error as Error).message}`,
        );
        throw error;
      }
      this.storeUpdate(this.claims, claimKey(current), current);
    }
    this.record(
      current,
      PVC_KIND,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  /** syncVolume: Available when unclaimed; Released (and reclaimed) when its claim is gone. */
  async syncVolume(volume: PersistentVolume): Promise<void> {
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) {
      await this.binding.updateVolumePhase(volume, 'Available');
      return;
    }
    const key = claimRefKey(ref);
    let claim = this.claims.get(key) ?? this.claimInformer.get(ref.namespace, ref.name ?? '');
    if (!claim && volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
      claim = await this.liveClaim(ref.namespace ?? '', ref.name ?? '');
    }
    if (claim && claim.metadata?.uid !== ref.uid) {
      // The claim was replaced by another of the same name; ask the server which it is.
      claim = await this.liveClaim(ref.namespace ?? '', ref.name ?? '');
      if (claim && claim.metadata?.uid !== ref.uid) claim = undefined;
    }
    if (!claim) {
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        volume = await this.binding.updateVolumePhase(volume, 'Released');
      }
      await this.reclaimVolume(volume);
      return;
    }
    const volumeName = volume.metadata?.name ?? '';
    if (!claim.spec?.volumeName) {
      // Bound on the volume's side only (e.g. just provisioned): the claim's sync finishes it.
      this.claimQueue.add(key);
    } else if (claim.spec.volumeName === volumeName) {
      await this.binding.updateVolumePhase(volume, 'Bound');
    } else if (
      volume.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED] &&
      volume.spec?.persistentVolumeReclaimPolicy === 'Delete'
    ) {
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        volume = await this.binding.updateVolumePhase(volume, 'Released');
      }
      await this.reclaimVolume(volume);
    } else {
      await this.binding.unbindVolume(volume);
    }
  }

  private async liveClaim(namespace: string, name: string): Promise<PersistentVolumeClaim | undefined> {
    try {
      return await this.deps.client.resource<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS, namespace).get(name);
    } catch (error) {
      if (hasStatusCode(error, 404)) return undefined;
      throw error;
    }
  }

  /** reclaimVolume: Retain keeps it; Delete waits for the external provisioner that made it. */
  private async reclaimVolume(volume: PersistentVolume): Promise<void> {
    const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy === 'Retain') return;
    const name = volume.metadata?.name ?? '';
    if (policy === 'Delete') {
      const operation = `delete-${name}[${volume.metadata?.uid}]`;
      if (this.operations.has(operation)) return;
      this.operations.add(operation);
      try {
        await this.deleteVolumeOperation(volume);
      } finally {
        this.operations.delete(operation);
      }
      return;
    }
    const reason = policy === 'Recycle' ? 'VolumeFailedRecycle' : 'VolumeUnknownReclaimPolicy';
    const message =
      policy === 'Recycle'
        ? 'Recycle policy is not supported by kubeplay'
        : 'Volume has unrecognized PersistentVolumeReclaimPolicy';
    await this.binding.updateVolumePhase(volume, 'Failed', message);
    this.record(volume, PV_KIND, 'Warning', reason, message);
  }

  private async deleteVolumeOperation(volume: PersistentVolume): Promise<void> {
    const provisioner = volume.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
    // An external provisioner deletes its own volumes; the controller only marks them Released.
    if (provisioner && !provisioner.startsWith('kubernetes.io/')) return;
    const message = `error getting deleter volume plugin for volume "${volume.metadata?.name}": no deletable volume plugin matched`;
    await this.binding.updateVolumePhase(volume, 'Failed', message);
    this.record(volume, PV_KIND, 'Warning', 'VolumeFailedDelete', message);
  }
}
