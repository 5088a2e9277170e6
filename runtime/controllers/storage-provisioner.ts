import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, STORAGECLASSES } from '../client/resources';
import { randomUuid, type Rng } from '../rng';
import type { EventRecorder } from './events';
import type { Informer, InformerFactory } from './informer';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimKey,
  claimReference,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from './persistentvolume-util';
import { WorkQueue } from './workqueue';

/** The provisioner name minikube's storage-provisioner registers. */
export const STORAGE_PROVISIONER_NAME = 'k8s.io/minikube-hostpath';
/** The kube-system service account minikube's storage-provisioner pod runs as. */
export const STORAGE_PROVISIONER_SERVICE_ACCOUNT = 'storage-provisioner';
/** The lib's default threadiness. */
export const DEFAULT_STORAGE_PROVISIONER_WORKERS = 4;
/** Where the hostpath provisioner makes volumes on the node. */
export const HOSTPATH_PROVISIONER_DIR = '/tmp/hostpath-provisioner';
const IDENTITY_ANNOTATION = 'hostPathProvisionerIdentity';

/**
 * The event source of a provisioner instance (the lib's `<provisioner>_<host>_<uuid>`); its pod
 * runs with hostNetwork, so the host is the node (`minikube`).
 */
export function storageProvisionerEventSource(rng: Rng, host = 'minikube'): string {
  return `${STORAGE_PROVISIONER_NAME}_${host}_${randomUuid(rng)}`;
}

/** What the provisioner needs: its own client and informers, the clock, its recorder, its identity. */
export interface StorageProvisionerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** Reports as storageProvisionerEventSource(). */
  recorder: EventRecorder;
  /** This instance's identity (a UUID at start-up); it deletes only the volumes it made. */
  identity: string;
  onError?: (key: string, error: unknown) => void;
}

/**
 * minikube's storage-provisioner (pkg/storage: a hostPath provisioner in
 * sig-storage-lib-external-provisioner's ProvisionController): for each claim the PV controller
 * handed to k8s.io/minikube-hostpath it creates `pvc-<claim uid>`, a hostPath volume under
 * /tmp/hostpath-provisioner/<namespace>/<claim> with the claim's request, access modes and
 * claimRef and the class's reclaim policy; it deletes its Released volumes whose policy is Delete.
 */
export class StorageProvisioner {
  readonly claimQueue: WorkQueue<string>;
  readonly volumeQueue: WorkQueue<string>;
  private readonly claimInformer: Informer<PersistentVolumeClaim>;
  private readonly volumeInformer: Informer<PersistentVolume>;
  private readonly classInformer: Informer<StorageClass>;
  private stopped = false;

  constructor(private readonly deps: StorageProvisionerDeps) {
    this.claimQueue = new WorkQueue<string>(deps.clock);
    this.volumeQueue = new WorkQueue<string>(deps.clock);
    this.claimInformer = deps.informers.informerFor<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS);
    this.volumeInformer = deps.informers.informerFor<PersistentVolume>(PERSISTENTVOLUMES);
    this.classInformer = deps.informers.informerFor<StorageClass>(STORAGECLASSES);
    this.claimInformer.addEventHandler({
      add: (c) => this.claimQueue.add(claimKey(c)),
      update: (_o, c) => this.claimQueue.add(claimKey(c)),
    });
    this.volumeInformer.addEventHandler({
      add: (v) => this.volumeQueue.add(v.metadata?.name ?? ''),
      update: (_o, v) => this.volumeQueue.add(v.metadata?.name ?? ''),
    });
  }

  /** Waits for the caches, then runs `workers` workers per queue until `stop`. */
  async run(workers = DEFAULT_STORAGE_PROVISIONER_WORKERS): Promise<void> {
    await Promise.all([
      this.claimInformer.waitForSync(),
      this.volumeInformer.waitForSync(),
      this.classInformer.waitForSync(),
    ]);
    if (this.stopped) return;
    await Promise.all([
      ...Array.from({ length: workers }, () => this.worker(this.claimQueue, (key) => this.syncClaim(key))),
      ...Array.from({ length: workers }, () => this.worker(this.volumeQueue, (key) => this.syncVolume(key))),
    ]);
  }

  stop(): void {
    this.stopped = true;
    this.claimQueue.shutDown();
    this.volumeQueue.shutDown();
  }

  private async worker(queue: WorkQueue<string>, sync: (key: string) => Promise<void>): Promise<void> {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      try {
        await sync(next.item);
        queue.forget(next.item);
      } catch (error) {
        this.deps.onError?.(next.item, error);
        queue.addRateLimited(next.item);
      } finally {
        queue.done(next.item);
      }
    }
  }

  /** shouldProvision: unbound, handed to us, and (for WaitForFirstConsumer) a node selected. */
  private shouldProvision(claim: PersistentVolumeClaim): StorageClass | undefined {
    if (claim.spec?.volumeName) return undefined;
    const annotations = claim.metadata?.annotations ?? {};
    const provisioner = annotations[ANN_STORAGE_PROVISIONER] ?? annotations[ANN_BETA_STORAGE_PROVISIONER];
    if (provisioner !== STORAGE_PROVISIONER_NAME) return undefined;
    const storageClass = this.classInformer.get(undefined, claimClass(claim));
    if (!storageClass) throw new Error(`storageclass.storage.k8s.io "${claimClass(claim)}" not found`);
    if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !annotations[ANN_SELECTED_NODE]) return undefined;
    return storageClass;
  }

  private async syncClaim(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const claim = this.claimInformer.get(namespace, name);
    if (!claim) return;
    const storageClass = this.shouldProvision(claim);
    if (storageClass) await this.provisionClaimOperation(claim, storageClass);
  }

  /** provisionClaimOperation: once per claim (the volume's name is fixed), events either side. */
  private async provisionClaimOperation(claim: PersistentVolumeClaim, storageClass: StorageClass): Promise<void> {
    const pvName = `pvc-${claim.metadata?.uid}`;
    const volumes = this.deps.client.resource<PersistentVolume>(PERSISTENTVOLUMES);
    try {
      await volumes.get(pvName);
      return;
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
    const event = { ...claim, apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
    this.deps.recorder.event(
      event,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${claimKey(claim)}"`,
    );
    const volume = this.provision(claim, storageClass, pvName);
    try {
      await volumes.create(volume);
    } catch (error) {
      if (!hasStatusCode(error, 409)) {
        this.deps.recorder.event(
          event,
          'Warning',
          'ProvisioningFailed',
          `failed to provision volume with StorageClass "${storageClass.metadata?.name}": ${(error as Error).message}`,
        );
        throw error;
      }
    }
    this.deps.recorder.event(event, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
  }

  /** hostPathProvisioner.Provision, then the lib's claimRef, provisioned-by and class. */
  private provision(claim: PersistentVolumeClaim, storageClass: StorageClass, pvName: string): PersistentVolume {
    const namespace = claim.metadata?.namespace ?? '';
    const name = claim.metadata?.name ?? '';
    const spec: PersistentVolume['spec'] = {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '' },
      hostPath: { path: `${HOSTPATH_PROVISIONER_DIR}/${namespace}/${name}` },
      accessModes: claim.spec?.accessModes,
      claimRef: claimReference(claim),
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: claimClass(claim),
    };
    if (storageClass.mountOptions?.length) spec.mountOptions = storageClass.mountOptions;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: {
          [IDENTITY_ANNOTATION]: this.deps.identity,
          [ANN_DYNAMICALLY_PROVISIONED]: STORAGE_PROVISIONER_NAME,
        },
      },
      spec,
    };
  }

  /** shouldDelete, then Delete: only Released volumes of ours with policy Delete, by this identity. */
  private async syncVolume(name: string): Promise<void> {
    const volume = this.volumeInformer.get(undefined, name);
    if (!volume || volume.metadata?.deletionTimestamp) return;
    const annotations = volume.metadata?.annotations ?? {};
    if (volume.status?.phase !== 'Released' || volume.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (annotations[ANN_DYNAMICALLY_PROVISIONED] !== STORAGE_PROVISIONER_NAME) return;
    // "identity annotation on PV does not match ours, not deleting": another instance's volume.
    if (annotations[IDENTITY_ANNOTATION] !== this.deps.identity) return;
    try {
      await this.deps.client.resource<PersistentVolume>(PERSISTENTVOLUMES).delete(name);
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }
}
