import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import { CRONJOB_CONTROLLER_NAME, CronJobController } from '../runtime/controllers/cronjob';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import { JOB_CONTROLLER_NAME, JobController } from '../runtime/controllers/job';
import {
  TTL_AFTER_FINISHED_CONTROLLER_NAME,
  TtlAfterFinishedController,
} from '../runtime/controllers/ttl-after-finished';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

const NS = '/api/v1/namespaces/default';
const BATCH = '/apis/batch/v1/namespaces/default';
const MERGE = { 'content-type': 'application/merge-patch+json' };

/** The batch controllers a testbed can run. */
export type BatchControllerName = 'job' | 'cronjob' | 'ttl-after-finished';

/** A Job `name` running busybox, as `kubectl create job` makes it, with `spec` merged in. */
export function jobManifest(name: string, spec: Json = {}): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      template: {
        spec: { containers: [{ name: name, image: 'busybox' }], restartPolicy: 'Never' },
      },
      ...spec,
    },
  };
}

/** A CronJob `name` on `schedule` whose Jobs run busybox, with `spec` merged in. */
export function cronJobManifest(name: string, schedule: string, spec: Json = {}): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { labels: { app: name } },
        spec: { template: { spec: { containers: [{ name, image: 'busybox' }], restartPolicy: 'OnFailure' } } },
      },
      ...spec,
    },
  };
}

/** A cluster with batch controllers running, and what a test does to it. */
export interface BatchTestbed extends TestApi {
  /** Failed syncs the controllers reported. */
  errors: Array<{ controller: string; key: string; message: string }>;
  create(kind: 'jobs' | 'cronjobs', manifest: Json): Promise<Json>;
  job(name: string): Promise<Json>;
  jobs(): Promise<Json[]>;
  cronJob(name: string): Promise<Json>;
  /** A merge patch of a Job or CronJob. */
  patch(kind: 'jobs' | 'cronjobs', name: string, patch: Json): Promise<Json>;
  /** The namespace's pods, oldest first. */
  pods(selector?: string): Promise<Json[]>;
  /** The events about objects of `kind`, oldest first, once written; only `reason` if given. */
  events(kind: string, reason?: string): Promise<Json[]>;
  /** What a scheduler and kubelet do: bind the pod, then report it Running and Ready. */
  runPod(name: string): Promise<void>;
  /** What the kubelet reports when the pod's container exits with `exitCode`: Succeeded or Failed. */
  finishPod(name: string, exitCode: number): Promise<void>;
  /** What the kubelet does with pods being deleted: marks them Failed and removes them (grace 0). */
  killTerminating(): Promise<void>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
}

/** Starts the named batch controllers (one worker each) against a fresh cluster. */
export async function batchTestbed(names: BatchControllerName[]): Promise<BatchTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng('batch-test');
  const informers = new InformerFactory(
    new RestClient(test.api, { userAgent: componentUserAgent('kube-controller-manager', 'shared-informers') }),
    test.clock,
    rng,
    { resyncPeriodMs: 0 },
  );
  const errors: BatchTestbed['errors'] = [];
  const recorders: EventRecorder[] = [];
  const serviceAccounts: Record<BatchControllerName, string> = {
    job: JOB_CONTROLLER_NAME,
    cronjob: CRONJOB_CONTROLLER_NAME,
    'ttl-after-finished': TTL_AFTER_FINISHED_CONTROLLER_NAME,
  };
  for (const name of names) {
    const serviceAccount = serviceAccounts[name];
    const client = new RestClient(test.api, {
      userAgent: controllerUserAgent(serviceAccount),
      fieldValidation: 'Ignore',
    });
    const recorder = new EventRecorder(client, test.clock, rng, { component: serviceAccount });
    recorders.push(recorder);
    const deps = {
      client,
      informers,
      clock: test.clock,
      recorder,
      onError: (key: string, error: unknown) =>
        errors.push({ controller: name, key, message: (error as Error).message }),
    };
    const controller =
      name === 'job'
        ? new JobController(deps)
        : name === 'cronjob'
          ? new CronJobController(deps)
          : new TtlAfterFinishedController(deps);
    void controller.run(1);
  }
  informers.start();
  await settle();
  const get = async (path: string): Promise<Json> => (await test.request('GET', path)).body;
  const patchStatus = async (name: string, status: Json): Promise<void> => {
    const { status: code, body } = await test.request('PATCH', `${NS}/pods/${name}/status`, { status }, MERGE);
    if (code !== 200) throw new Error(`pod status ${name}: ${code} ${body?.message}`);
  };
  const byCreation = (items: Json[]): Json[] =>
    [...items].sort(
      (a, b) =>
        a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
        Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
    );
  const bed: BatchTestbed = {
    ...test,
    errors,
    async create(kind, manifest) {
      const { status, body } = await test.request('POST', `${BATCH}/${kind}`, manifest);
      if (status !== 201) throw new Error(`create: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    job: (name) => get(`${BATCH}/jobs/${name}`),
    jobs: async () => byCreation((await get(`${BATCH}/jobs`)).items),
    cronJob: (name) => get(`${BATCH}/cronjobs/${name}`),
    async patch(kind, name, patch) {
      const { status, body } = await test.request('PATCH', `${BATCH}/${kind}/${name}`, patch, MERGE);
      if (status !== 200) throw new Error(`patch ${name}: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    async pods(selector) {
      const query = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
      return byCreation((await get(`${NS}/pods${query}`)).items);
    },
    async events(kind, reason) {
      await Promise.all(recorders.map((r) => r.flush()));
      await settle();
      const items: Json[] = (await get(`${NS}/events`)).items;
      return items
        .filter((e) => e.involvedObject.kind === kind && (reason === undefined || e.reason === reason))
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    },
    async runPod(name) {
      await test.request('POST', `${NS}/pods/${name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
      });
      const now = formatTime(test.clock.now());
      await patchStatus(name, {
        phase: 'Running',
        startTime: now,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
      });
      await settle();
    },
    async finishPod(name, exitCode) {
      const now = formatTime(test.clock.now());
      const pod = await get(`${NS}/pods/${name}`);
      const containers = pod.spec.containers.map((c: Json) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: {
          terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: now, finishedAt: now },
        },
      }));
      await patchStatus(name, {
        phase: exitCode === 0 ? 'Succeeded' : 'Failed',
        conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now, reason: 'PodCompleted' }],
        containerStatuses: containers,
      });
      await settle();
    },
    async killTerminating() {
      for (const pod of await bed.pods()) {
        if (!pod.metadata.deletionTimestamp) continue;
        if (pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded') {
          await patchStatus(pod.metadata.name, { phase: 'Failed' });
        }
        await test.request('DELETE', `${NS}/pods/${pod.metadata.name}`, { gracePeriodSeconds: 0 });
      }
      await settle();
    },
    wait: (ms = 0) => runFor(test.clock, ms),
  };
  return bed;
}
