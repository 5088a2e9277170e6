import { clone } from '../api/object';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PODS } from '../client/resources';
import type { EventRecorder } from './events';
import type { Informer } from './informer';
import type { Pod } from './pods';
import {
  identityMatches,
  ordinalOf,
  persistentVolumeClaims,
  storageMatches,
  updateIdentity,
  updateStorage,
  type PersistentVolumeClaim,
  type StatefulSet,
} from './statefulset-util';

const KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
const title = (verb: string): string => verb[0].toUpperCase() + verb.slice(1);
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * StatefulPodControl (stateful_pod_control.go): the pod and claim writes of the StatefulSet
 * controller, each recorded as upstream words it (`create Pod web-0 in StatefulSet web
 * successful`, `create Claim www-web-0 Pod web-0 in StatefulSet web success`).
 */
export class StatefulPodControl {
  constructor(
    private readonly client: RestClient,
    private readonly recorder: EventRecorder,
    private readonly claimInformer: Informer<PersistentVolumeClaim>,
  ) {}

  private recordPodEvent(verb: string, set: StatefulSet, pod: Pod, error?: unknown): void {
    const podName = pod.metadata?.name;
    const setName = set.metadata?.name;
    if (error === undefined) {
      const message = `${verb} Pod ${podName} in StatefulSet ${setName} successful`;
      this.recorder.event({ ...set, ...KIND }, 'Normal', `Successful${title(verb)}`, message);
    } else {
      const message = `${verb} Pod ${podName} in StatefulSet ${setName} failed error: ${errorText(error)}`;
      this.recorder.event({ ...set, ...KIND }, 'Warning', `Failed${title(verb)}`, message);
    }
  }

  private recordClaimEvent(
    verb: string,
    set: StatefulSet,
    pod: Pod,
    claim: PersistentVolumeClaim,
    error?: unknown,
  ): void {
    const names = `Claim ${claim.metadata?.name}`;
    const setName = set.metadata?.name;
    if (error === undefined) {
      const message = `${verb} ${names} Pod ${pod.metadata?.name} in StatefulSet ${setName} success`;
      this.recorder.event({ ...set, ...KIND }, 'Normal', `Successful${title(verb)}`, message);
    } else {
      const message = `${verb} ${names} for Pod ${pod.metadata?.name} in StatefulSet ${setName} failed error: ${errorText(error)}`;
      this.recorder.event({ ...set, ...KIND }, 'Warning', `Failed${title(verb)}`, message);
    }
  }

  /**
   * createPersistentVolumeClaims: each claim the pod needs that the cache does not hold is
   * created (an AlreadyExists is not recorded); failures are gathered into one error.
   */
  async createPersistentVolumeClaims(set: StatefulSet, pod: Pod): Promise<void> {
    const errors: string[] = [];
    const namespace = set.metadata?.namespace;
    const claims = this.client.resource<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS, namespace);
    for (const claim of persistentVolumeClaims(set, ordinalOf(pod)).values()) {
      if (this.claimInformer.get(namespace, claim.metadata?.name ?? '')) continue;
      try {
        await claims.create(claim);
        this.recordClaimEvent('create', set, pod, claim);
      } catch (error) {
        errors.push(`failed to create PVC ${claim.metadata?.name}: ${errorText(error)}`);
        if (!hasStatusCode(error, 409)) this.recordClaimEvent('create', set, pod, claim, error);
      }
    }
    if (errors.length > 0) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  }

  /** CreateStatefulPod: its claims first, then the pod; an AlreadyExists pod is not recorded. */
  async createStatefulPod(set: StatefulSet, pod: Pod): Promise<void> {
    try {
      await this.createPersistentVolumeClaims(set, pod);
    } catch (error) {
      this.recordPodEvent('create', set, pod, error);
      throw error;
    }
    try {
      await this.client.resource<Pod>(PODS, set.metadata?.namespace).create(pod);
    } catch (error) {
      if (!hasStatusCode(error, 409)) this.recordPodEvent('create', set, pod, error);
      throw error;
    }
    this.recordPodEvent('create', set, pod);
  }

  /** DeleteStatefulPod. */
  async deleteStatefulPod(set: StatefulSet, pod: Pod): Promise<void> {
    try {
      await this.client.resource<Pod>(PODS, set.metadata?.namespace).delete(pod.metadata?.name ?? '');
    } catch (error) {
      this.recordPodEvent('delete', set, pod, error);
      throw error;
    }
    this.recordPodEvent('delete', set, pod);
  }

  /**
   * UpdateStatefulPod: restores the pod's identity labels (and creates claims it lacks),
   * retrying conflicts on a fresh read; recorded only when an update was tried.
   */
  async updateStatefulPod(set: StatefulSet, original: Pod): Promise<void> {
    const pods = this.client.resource<Pod>(PODS, set.metadata?.namespace);
    let pod = clone(original);
    let attempted = false;
    let failure: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      let consistent = true;
      if (!identityMatches(set, pod)) {
        updateIdentity(set, pod);
        consistent = false;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, pod);
        consistent = false;
        try {
          await this.createPersistentVolumeClaims(set, pod);
        } catch (error) {
          this.recordPodEvent('update', set, pod, error);
          throw error;
        }
      }
      if (consistent) break;
      attempted = true;
      try {
        await pods.update(pod);
        failure = undefined;
        break;
      } catch (error) {
        failure = error;
        if (!hasStatusCode(error, 409)) break;
        pod = await pods.get(pod.metadata?.name ?? '');
      }
    }
    if (attempted) this.recordPodEvent('update', set, pod, failure);
    if (failure !== undefined) throw failure;
  }
}
