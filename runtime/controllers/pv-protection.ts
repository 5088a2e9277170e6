import { PV_PROTECTION_FINALIZER } from '../api/admission/storage-protection';
import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMES } from '../client/resources';
import type { EventRecorder } from './events';
import type { Informer, InformerFactory } from './informer';
import type { PersistentVolume } from './persistentvolume-util';
import { isDeletionCandidate, needToAddFinalizer, withFinalizer } from './pvc-protection';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager runs the PV protection controller as this service account. */
export const PV_PROTECTION_SERVICE_ACCOUNT = 'pv-protection-controller';
/** kube-controller-manager starts it with one worker (no --concurrent-* flag exists). */
export const DEFAULT_PV_PROTECTION_WORKERS = 1;

/** What the controller needs (the recorder is taken for symmetry: upstream records no events). */
export interface PvProtectionControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder?: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The PV protection controller (pkg/controller/volume/pvprotection): removes
 * `kubernetes.io/pv-protection` from a volume being deleted once its status.phase is not Bound
 * (the binder moves it to Released when its claim goes); adds the finalizer to live volumes that
 * lack it. It watches volumes only: the phase the binder writes is what frees one.
 */
export class PvProtectionController {
  readonly queue: WorkQueue<string>;
  private readonly volumeInformer: Informer<PersistentVolume>;
  private stopped = false;

  constructor(private readonly deps: PvProtectionControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.volumeInformer = deps.informers.informerFor<PersistentVolume>(PERSISTENTVOLUMES);
    const volumeChanged = (volume: PersistentVolume): void => {
      const finalizer = PV_PROTECTION_FINALIZER;
      if (needToAddFinalizer(volume, finalizer) || isDeletionCandidate(volume, finalizer)) {
        this.queue.add(volume.metadata?.name ?? '');
      }
    };
    this.volumeInformer.addEventHandler({ add: volumeChanged, update: (_old, volume) => volumeChanged(volume) });
  }

  /** Waits for the volume cache, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_PV_PROTECTION_WORKERS): Promise<void> {
    await this.volumeInformer.waitForSync();
    if (this.stopped) return;
    await processQueue(this.queue, workers, (name) => this.sync(name), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  /** processPV: frees an unbound volume being deleted, or gives a live volume its finalizer. */
  async sync(name: string): Promise<void> {
    const volume = this.volumeInformer.get(undefined, name);
    if (!volume) return;
    // isBeingUsed: the binder's status.phase says whether a claim holds the volume.
    if (isDeletionCandidate(volume, PV_PROTECTION_FINALIZER) && volume.status?.phase !== 'Bound') {
      return this.write(withFinalizer(volume, PV_PROTECTION_FINALIZER, false));
    }
    // The admission plugin adds it; this covers volumes created before the plugin was enabled.
    if (needToAddFinalizer(volume, PV_PROTECTION_FINALIZER)) {
      await this.write(withFinalizer(volume, PV_PROTECTION_FINALIZER, true));
    }
  }

  /** Updates the volume (conflicts fail the sync, which is retried); a volume gone meanwhile is done. */
  private async write(volume: PersistentVolume): Promise<void> {
    try {
      await this.deps.client.resource<PersistentVolume>(PERSISTENTVOLUMES).update(volume);
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
  }
}
