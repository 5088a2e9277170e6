import { clone } from '../api/object';
import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES } from '../client/resources';
import { formatTime } from '../util/time';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  claimReference,
  isVolumeBoundToClaim,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from './persistentvolume-util';

/** What the binding writes need: a client, the clock, and where the controller caches what it wrote. */
export interface VolumeBindingDeps {
  client: RestClient;
  clock: Clock;
  storeVolume(volume: PersistentVolume): void;
  storeClaim(claim: PersistentVolumeClaim): void;
}

/**
 * The PV controller's writes of a binding (pv_controller.go's bind and its helpers): each step
 * writes only when something changes, and hands what the server returned to the controller's
 * caches.
 */
export class VolumeBinding {
  constructor(private readonly deps: VolumeBindingDeps) {}

  /** bind: volume → claim (claimRef), volume Bound, claim → volume (volumeName), claim Bound. */
  async bind(volume: PersistentVolume, claim: PersistentVolumeClaim): Promise<void> {
    let boundVolume = await this.bindVolumeToClaim(volume, claim);
    boundVolume = await this.updateVolumePhase(boundVolume, 'Bound');
    const boundClaim = await this.bindClaimToVolume(claim, boundVolume);
    await this.updateClaimStatus(boundClaim, 'Bound', boundVolume);
  }

  private claimClient(claim: PersistentVolumeClaim) {
    return this.deps.client.resource<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS, claim.metadata?.namespace);
  }

  private volumeClient() {
    return this.deps.client.resource<PersistentVolume>(PERSISTENTVOLUMES);
  }

  private async bindVolumeToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): Promise<PersistentVolume> {
    const setBoundByController = !isVolumeBoundToClaim(volume, claim);
    const next = clone(volume);
    next.spec ??= {};
    next.metadata ??= {};
    let dirty = false;
    const ref = volume.spec?.claimRef;
    if (
      !ref ||
      ref.name !== claim.metadata?.name ||
      ref.namespace !== claim.metadata?.namespace ||
      ref.uid !== claim.metadata?.uid
    ) {
      next.spec.claimRef = claimReference(claim);
      dirty = true;
    }
    if (setBoundByController && !next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
      next.metadata.annotations = { ...next.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      dirty = true;
    }
    if (!dirty) return volume;
    const updated = await this.volumeClient().update(next);
    this.deps.storeVolume(updated);
    return updated;
  }

  private async bindClaimToVolume(
    claim: PersistentVolumeClaim,
    volume: PersistentVolume,
  ): Promise<PersistentVolumeClaim> {
    const name = volume.metadata?.name ?? '';
    const next = clone(claim);
    next.spec ??= {};
    next.metadata ??= {};
    const annotations = { ...next.metadata.annotations };
    let dirty = false;
    if (next.spec.volumeName !== name) {
      next.spec.volumeName = name;
      annotations[ANN_BOUND_BY_CONTROLLER] ??= 'yes';
      dirty = true;
    }
    if (!annotations[ANN_BIND_COMPLETED]) {
      annotations[ANN_BIND_COMPLETED] = 'yes';
      dirty = true;
    }
    if (!dirty) return claim;
    next.metadata.annotations = annotations;
    const updated = await this.claimClient(claim).update(next);
    this.deps.storeClaim(updated);
    return updated;
  }

  /** updateClaimStatus: the phase, and the volume's access modes and (when binding) capacity. */
  async updateClaimStatus(
    claim: PersistentVolumeClaim,
    phase: string,
    volume: PersistentVolume | undefined,
  ): Promise<void> {
    const status = { ...claim.status };
    let dirty = status.phase !== phase;
    status.phase = phase;
    if (!volume) {
      if (status.accessModes || status.capacity) dirty = true;
      delete status.accessModes;
      delete status.capacity;
    } else {
      if (JSON.stringify(status.accessModes) !== JSON.stringify(volume.spec?.accessModes)) {
        status.accessModes = volume.spec?.accessModes;
        dirty = true;
      }
      if (claim.status?.phase !== phase && status.capacity?.storage !== volume.spec?.capacity?.storage) {
        status.capacity = volume.spec?.capacity;
        dirty = true;
      }
    }
    if (!dirty) return;
    const updated = await this.claimClient(claim).updateStatus({ ...claim, status });
    this.deps.storeClaim(updated);
  }

  /** updateVolumePhase: a new phase stamps lastPhaseTransitionTime. */
  async updateVolumePhase(volume: PersistentVolume, phase: string, message = ''): Promise<PersistentVolume> {
    if (volume.status?.phase === phase) return volume;
    const status: PersistentVolume['status'] = { phase, lastPhaseTransitionTime: formatTime(this.deps.clock.now()) };
    if (message) status.message = message;
    const updated = await this.volumeClient().updateStatus({ ...volume, status });
    this.deps.storeVolume(updated);
    return updated;
  }

  /** unbindVolume: a controller's binding goes; a user's pre-binding keeps the claim's name. */
  async unbindVolume(volume: PersistentVolume): Promise<void> {
    const next = clone(volume);
    next.spec ??= {};
    next.metadata ??= {};
    if (next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
      delete next.spec.claimRef;
      const { [ANN_BOUND_BY_CONTROLLER]: _dropped, ...rest } = next.metadata.annotations;
      next.metadata.annotations = rest;
    } else if (next.spec.claimRef) {
      next.spec.claimRef = { ...next.spec.claimRef, uid: '' };
    }
    const updated = await this.volumeClient().update(next);
    this.deps.storeVolume(updated);
    await this.updateVolumePhase(updated, 'Available');
  }
}
