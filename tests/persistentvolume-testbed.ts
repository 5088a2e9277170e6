import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import {
  PERSISTENT_VOLUME_EVENT_SOURCE,
  PERSISTENT_VOLUME_SERVICE_ACCOUNT,
  PersistentVolumeController,
} from '../runtime/controllers/persistentvolume';
import { PV_PROTECTION_SERVICE_ACCOUNT, PvProtectionController } from '../runtime/controllers/pv-protection';
import { PVC_PROTECTION_SERVICE_ACCOUNT, PvcProtectionController } from '../runtime/controllers/pvc-protection';
import { StorageProvisioner, storageProvisionerEventSource } from '../runtime/controllers/storage-provisioner';
import { createSeededRng, randomUuid } from '../runtime/rng';
import { createTestApi, sentBody, type TestApi } from './api';
import { recordingApi, runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

/** minikube's default StorageClass, as its storage-provisioner addon installs it. */
export const STANDARD_STORAGE_CLASS = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'k8s.io/minikube-hostpath',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
};

/** A claim `name` for `storage` ReadWriteOnce, of `spec.storageClassName` if given. */
export function claimManifest(name: string, storage: string, spec: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...spec },
  };
}

/**
 * The PV controller and minikube's storage-provisioner on a fresh cluster, with the PVC and PV
 * protection controllers that free the claims and volumes the admission plugin protects.
 */
export interface PersistentVolumeTestbed extends TestApi {
  /** The provisioner's identity and event source. */
  identity: string;
  provisionerSource: string;
  errors: Array<{ key: string; message: string }>;
  /**
   * Every event the two components recorded: [source, type, reason, message]. (Both write an event
   * about the same claim in the same virtual millisecond, and events.ts names them alike, so one
   * of the two writes fails with AlreadyExists; this list is what they meant to write.)
   */
  emitted: string[][];
  /** The phases the binder wrote to volume `name`, in order. */
  phasesWritten(name: string): string[];
  /** Who deleted volume `name` (the user agents of the DELETEs). */
  volumeDeleters(name: string): string[];
  create(path: string, manifest: Json): Promise<Json>;
  claim(name: string): Promise<Json>;
  /** A volume, or undefined once it is gone. */
  volume(name: string): Promise<Json | undefined>;
  events(): Promise<Json[]>;
  wait(ms?: number): Promise<void>;
  stop(): void;
}

export async function persistentVolumeTestbed(): Promise<PersistentVolumeTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng('persistentvolume-test');
  const errors: PersistentVolumeTestbed['errors'] = [];
  const onError = (key: string, error: unknown): void => void errors.push({ key, message: (error as Error).message });
  const kcmInformers = new InformerFactory(
    new RestClient(test.api, { userAgent: componentUserAgent('kube-controller-manager', 'shared-informers') }),
    test.clock,
    rng,
  );
  const recorded = recordingApi(test.api, test.clock, (r) => /\/persistentvolumes\//.test(r.path));
  const binderClient = new RestClient(recorded.api, {
    userAgent: controllerUserAgent(PERSISTENT_VOLUME_SERVICE_ACCOUNT),
    fieldValidation: 'Ignore',
  });
  const binderRecorder = new EventRecorder(binderClient, test.clock, rng, {
    component: PERSISTENT_VOLUME_EVENT_SOURCE,
  });
  const binder = new PersistentVolumeController({
    client: binderClient,
    informers: kcmInformers,
    clock: test.clock,
    recorder: binderRecorder,
    onError,
  });
  // The provisioner is a pod of its own: its own client, informers and identity.
  const provisionerClient = new RestClient(recorded.api, { userAgent: componentUserAgent('storage-provisioner') });
  const provisionerInformers = new InformerFactory(provisionerClient, test.clock, rng);
  const provisionerSource = storageProvisionerEventSource(rng);
  const provisionerRecorder = new EventRecorder(provisionerClient, test.clock, rng, { component: provisionerSource });
  const identity = randomUuid(rng);
  const provisioner = new StorageProvisioner({
    client: provisionerClient,
    informers: provisionerInformers,
    clock: test.clock,
    recorder: provisionerRecorder,
    identity,
    onError,
  });
  const protectionClient = (account: string): RestClient =>
    new RestClient(test.api, { userAgent: controllerUserAgent(account), fieldValidation: 'Ignore' });
  const pvcProtection = new PvcProtectionController({
    client: protectionClient(PVC_PROTECTION_SERVICE_ACCOUNT),
    informers: kcmInformers,
    clock: test.clock,
    onError,
  });
  const pvProtection = new PvProtectionController({
    client: protectionClient(PV_PROTECTION_SERVICE_ACCOUNT),
    informers: kcmInformers,
    clock: test.clock,
    onError,
  });
  const emitted: string[][] = [];
  for (const [recorder, source] of [
    [binderRecorder, PERSISTENT_VOLUME_EVENT_SOURCE],
    [provisionerRecorder, provisionerSource],
  ] as const) {
    const record = recorder.event.bind(recorder);
    recorder.event = (object, type, reason, message) => {
      emitted.push([source, type, reason, message]);
      record(object, type, reason, message);
    };
  }
  kcmInformers.start();
  provisionerInformers.start();
  void binder.run();
  void provisioner.run();
  void pvcProtection.run();
  void pvProtection.run();
  await settle();
  return {
    ...test,
    identity,
    provisionerSource,
    errors,
    emitted,
    phasesWritten: (name) =>
      recorded.requests
        .filter(
          (r) => r.request.method === 'PUT' && r.request.path.startsWith(`/api/v1/persistentvolumes/${name}/status`),
        )
        .map((r) => sentBody(r.request).status.phase),
    volumeDeleters: (name) =>
      recorded.requests
        .filter((r) => r.request.method === 'DELETE' && r.request.path.startsWith(`/api/v1/persistentvolumes/${name}`))
        .map((r) => r.request.headers?.['user-agent'] ?? ''),
    async create(path, manifest) {
      const { status, body } = await test.request('POST', path, manifest);
      if (status !== 201) throw new Error(`create ${path}: ${status} ${JSON.stringify(body)}`);
      await settle();
      return body;
    },
    claim: async (name) =>
      (await test.request('GET', `/api/v1/namespaces/default/persistentvolumeclaims/${name}`)).body,
    async volume(name) {
      const { status, body } = await test.request('GET', `/api/v1/persistentvolumes/${name}`);
      return status === 404 ? undefined : body;
    },
    async events() {
      await Promise.all([binderRecorder.flush(), provisionerRecorder.flush()]);
      await settle();
      return (await test.request('GET', '/api/v1/namespaces/default/events')).body.items;
    },
    wait: (ms = 0) => runFor(test.clock, ms),
    stop() {
      binder.stop();
      provisioner.stop();
      pvcProtection.stop();
      pvProtection.stop();
      kcmInformers.shutdown();
      provisionerInformers.shutdown();
    },
  };
}
