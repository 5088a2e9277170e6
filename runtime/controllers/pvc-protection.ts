import { PVC_PROTECTION_FINALIZER } from '../api/admission/storage-protection';
import { clone, type KubeObject } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PODS } from '../client/resources';
import type { EventRecorder } from './events';
import { objectKey, tombstoneObject, type Informer, type InformerFactory } from './informer';
import type { PersistentVolumeClaim } from './persistentvolume-util';
import { controllerOf, type Pod } from './pods';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager runs the PVC protection controller as this service account. */
export const PVC_PROTECTION_SERVICE_ACCOUNT = 'pvc-protection-controller';
/** kube-controller-manager starts it with one worker (no --concurrent-* flag exists). */
export const DEFAULT_PVC_PROTECTION_WORKERS = 1;
/** common.PodPVCIndex: pods by the `namespace/claim` keys of the claims they reference. */
export const POD_PVC_INDEX = 'pod-pvc-index';

type ContainerStatus = { state?: { waiting?: unknown; terminated?: unknown } };
type Volume = { name?: string; persistentVolumeClaim?: { claimName?: string }; ephemeral?: unknown };
/** The pod fields this controller reads. */
type ClaimUser = Pod & {
  spec?: { nodeName?: string; volumes?: Volume[] };
  status?: {
    phase?: string;
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    ephemeralContainerStatuses?: ContainerStatus[];
  };
};

/** What the controller needs (the recorder is taken for symmetry: upstream records no events). */
export interface PvcProtectionControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder?: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/** protectionutil.IsDeletionCandidate: being deleted and still holding `finalizer`. */
export const isDeletionCandidate = (object: KubeObject, finalizer: string): boolean =>
  !!object.metadata?.deletionTimestamp && !!object.metadata.finalizers?.includes(finalizer);

/** protectionutil.NeedToAddFinalizer: not being deleted and lacking `finalizer`. */
export const needToAddFinalizer = (object: KubeObject, finalizer: string): boolean =>
  !object.metadata?.deletionTimestamp && !object.metadata?.finalizers?.includes(finalizer);

/** A copy of `object` with `finalizer` added, or removed (the field dropped once empty, as Go omits a nil slice). */
export function withFinalizer<T extends KubeObject>(object: T, finalizer: string, present: boolean): T {
  const copy = clone(object);
  const rest = (copy.metadata?.finalizers ?? []).filter((f) => f !== finalizer);
  const finalizers = present ? [...rest, finalizer] : rest;
  copy.metadata = { ...copy.metadata };
  if (finalizers.length) copy.metadata.finalizers = finalizers;
  else delete copy.metadata.finalizers;
  return copy;
}

/** The claim a volume of `pod` names: its claimName, or `<pod>-<volume>` for an ephemeral volume. */
function claimNameOf(pod: ClaimUser, volume: Volume): string | undefined {
  if (volume.persistentVolumeClaim) return volume.persistentVolumeClaim.claimName;
  if (volume.ephemeral) return `${pod.metadata?.name}-${volume.name}`; // ephemeral.VolumeClaimName
  return undefined;
}

/** common.PodPVCIndexFunc. */
function podClaimKeys(pod: ClaimUser): string[] {
  const keys: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const name = claimNameOf(pod, volume);
    if (name) keys.push(`${pod.metadata?.namespace}/${name}`);
  }
  return keys;
}

/** volumeutil's notRunning: every status is waiting or terminated (or there are none). */
const notRunning = (statuses: ContainerStatus[] = []): boolean =>
  statuses.every((s) => s.state?.terminated != null || s.state?.waiting != null);

/** volumeutil.IsPodTerminated: Succeeded or Failed, or being deleted with no container running. */
function isPodTerminated(pod: ClaimUser): boolean {
  const status = pod.status ?? {};
  if (status.phase === 'Failed' || status.phase === 'Succeeded') return true;
  return (
    !!pod.metadata?.deletionTimestamp &&
    notRunning(status.initContainerStatuses) &&
    notRunning(status.containerStatuses) &&
    notRunning(status.ephemeralContainerStatuses)
  );
}

/** podIsShutDown: the kubelet is done with the pod (deleted with grace 0), or it was force-deleted. */
const podIsShutDown = (pod: ClaimUser): boolean =>
  !!pod.metadata?.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0;

/**
 * podUsesPVC. Only scheduled pods count: the kubelet will not start a pod whose claim is being
 * deleted. A scheduled pod keeps a claim it names even once Succeeded or Failed (upstream keeps
 * it until the pod is deleted); an ephemeral claim counts only if the pod controls it and is not
 * shut down.
 */
export function podUsesClaim(pod: ClaimUser, claim: PersistentVolumeClaim): boolean {
  if (!pod.spec?.nodeName) return false;
  const name = claim.metadata?.name;
  return (pod.spec.volumes ?? []).some((volume) => {
    if (volume.persistentVolumeClaim) return volume.persistentVolumeClaim.claimName === name;
    if (!volume.ephemeral || podIsShutDown(pod) || claimNameOf(pod, volume) !== name) return false;
    // ephemeral.VolumeIsForPod: same namespace, and the pod is the claim's controller.
    const owner = controllerOf(claim);
    return claim.metadata?.namespace === pod.metadata?.namespace && !!owner && owner.uid === pod.metadata?.uid;
  });
}

/**
 * The PVC protection controller (pkg/controller/volume/pvcprotection): removes
 * `kubernetes.io/pvc-protection` from a claim being deleted once no pod uses it, looking first in
 * the pod cache, then in a live list of the namespace's pods (a pod may not be cached yet); adds
 * the finalizer to live claims that lack it. Pod events requeue the claims of pods that are
 * deleted, terminated or unscheduled, the pods that can free a claim.
 */
export class PvcProtectionController {
  readonly queue: WorkQueue<string>;
  private readonly claimInformer: Informer<PersistentVolumeClaim>;
  private readonly podInformer: Informer<ClaimUser>;
  private stopped = false;

  constructor(private readonly deps: PvcProtectionControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.claimInformer = deps.informers.informerFor<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS);
    this.podInformer = deps.informers.informerFor<ClaimUser>(PODS);
    this.podInformer.addIndexer(POD_PVC_INDEX, podClaimKeys);
    const claimChanged = (claim: PersistentVolumeClaim): void => {
      const finalizer = PVC_PROTECTION_FINALIZER;
      if (needToAddFinalizer(claim, finalizer) || isDeletionCandidate(claim, finalizer)) {
        this.queue.add(objectKey(claim));
      }
    };
    this.claimInformer.addEventHandler({ add: claimChanged, update: (_old, claim) => claimChanged(claim) });
    this.podInformer.addEventHandler({
      add: (pod) => this.enqueueClaims(pod, false),
      update: (old, pod) => {
        this.enqueueClaims(pod, false);
        // A delete and a create under the same name can arrive as one update: the old pod's
        // claims may be free now.
        if (old.metadata?.uid !== pod.metadata?.uid) this.enqueueClaims(old, true);
      },
      delete: (pod) => this.enqueueClaims(tombstoneObject(pod), true),
    });
  }

  /** Waits for the claim and pod caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_PVC_PROTECTION_WORKERS): Promise<void> {
    await Promise.all([this.claimInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  /** processPVC: frees an unused claim being deleted, or gives a live claim its finalizer. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const claim = this.claimInformer.get(namespace, name);
    if (!claim) return;
    if (isDeletionCandidate(claim, PVC_PROTECTION_FINALIZER)) {
      if (!(await this.isBeingUsed(claim))) return this.write(withFinalizer(claim, PVC_PROTECTION_FINALIZER, false));
    }
    // The admission plugin adds it; this covers claims created before the plugin was enabled.
    if (needToAddFinalizer(claim, PVC_PROTECTION_FINALIZER)) {
      await this.write(withFinalizer(claim, PVC_PROTECTION_FINALIZER, true));
    }
  }

  /** isBeingUsed: the pod cache first; then, to be sure, a live list of the claim's namespace. */
  private async isBeingUsed(claim: PersistentVolumeClaim): Promise<boolean> {
    const cached = this.podInformer.byIndex(POD_PVC_INDEX, objectKey(claim));
    if (cached.some((pod) => podUsesClaim(pod, claim))) return true;
    const live = await this.deps.client.resource<ClaimUser>(PODS, claim.metadata?.namespace).list();
    return live.items.some((pod) => podUsesClaim(pod, claim));
  }

  /** Updates the claim (conflicts fail the sync, which is retried); a claim gone meanwhile is done. */
  private async write(claim: PersistentVolumeClaim): Promise<void> {
    try {
      await this.deps.client
        .resource<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS, claim.metadata?.namespace)
        .update(claim);
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
  }

  /** enqueuePVCs: the claims of a pod that may have stopped using them. */
  private enqueueClaims(pod: ClaimUser, deleted: boolean): void {
    if (!deleted && !isPodTerminated(pod) && pod.spec?.nodeName) return;
    for (const key of podClaimKeys(pod)) this.queue.add(key);
  }
}
