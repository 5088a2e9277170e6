import { ControllerManager, type ManagerOptions } from '../runtime/controllers/manager';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

const NS = '/api/v1/namespaces/default';
const APPS = '/apis/apps/v1/namespaces/default';
const MERGE = { 'content-type': 'application/merge-patch+json' };

/** A Deployment `name` selecting `app=<name>` running `image`, as `kubectl create deployment` makes it. */
export function deploymentManifest(name: string, replicas: number, spec: Json = {}, image = 'nginx'): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
      ...spec,
    },
  };
}

/** A cluster with the ReplicaSet and Deployment controllers running, and what a test does to it. */
export interface DeploymentTestbed extends TestApi {
  manager: ControllerManager;
  errors: Array<{ controller: string; key: string; message: string }>;
  create(manifest: Json): Promise<Json>;
  deployment(name: string): Promise<Json>;
  /** A merge patch of the Deployment (spec changes, pause/resume, image). */
  patch(name: string, patch: Json): Promise<Json>;
  /** The namespace's ReplicaSets, oldest first. */
  replicaSets(): Promise<Json[]>;
  pods(selector?: string): Promise<Json[]>;
  /** The Deployment controller's events, oldest first, once written. */
  events(reason?: string): Promise<Json[]>;
  /**
   * What a scheduler and kubelet would do for every pod not yet running and not being deleted
   * (or only those whose name starts with `prefix`): bind it, then report it Running and Ready.
   */
  runPods(prefix?: string, ready?: boolean): Promise<string[]>;
  /** What the kubelet does once a terminating pod has stopped: delete it for good. */
  finishTerminating(): Promise<void>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
}

/** Starts both controllers (with `options`) against a fresh cluster. */
export async function deploymentTestbed(options: ManagerOptions = {}): Promise<DeploymentTestbed> {
  const test = await createTestApi();
  const errors: DeploymentTestbed['errors'] = [];
  const manager = new ControllerManager(test.api, test.clock, createSeededRng('deployment-test'), {
    resyncPeriodMs: 0,
    onError: (controller, key, error) => errors.push({ controller, key, message: (error as Error).message }),
    ...options,
  });
  manager.start(['replicaset', 'deployment']);
  await settle();
  const bed: DeploymentTestbed = {
    ...test,
    manager,
    errors,
    async create(manifest) {
      const { status, body } = await test.request('POST', `${APPS}/deployments`, manifest);
      if (status !== 201) throw new Error(`create: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    async deployment(name) {
      return (await test.request('GET', `${APPS}/deployments/${name}`)).body;
    },
    async patch(name, patch) {
      const { status, body } = await test.request('PATCH', `${APPS}/deployments/${name}`, patch, MERGE);
      if (status !== 200) throw new Error(`patch ${name}: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    async replicaSets() {
      const items: Json[] = (await test.request('GET', `${APPS}/replicasets`)).body.items;
      return items.sort((a, b) =>
        a.metadata.creationTimestamp === b.metadata.creationTimestamp
          ? a.metadata.name.localeCompare(b.metadata.name)
          : a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
      );
    },
    async pods(selector) {
      const query = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
      return (await test.request('GET', `${NS}/pods${query}`)).body.items;
    },
    async events(reason) {
      await manager.flushEvents();
      await settle();
      const items: Json[] = (await test.request('GET', `${NS}/events`)).body.items;
      return items
        .filter((e) => e.source.component === 'deployment-controller' && (!reason || e.reason === reason))
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    },
    async runPods(prefix = '', ready = true) {
      const started: string[] = [];
      for (const pod of await bed.pods()) {
        const name: string = pod.metadata.name;
        if (!name.startsWith(prefix) || pod.metadata.deletionTimestamp || pod.status?.phase === 'Running') continue;
        if (!pod.spec.nodeName) {
          await test.request('POST', `${NS}/pods/${name}/binding`, {
            apiVersion: 'v1',
            kind: 'Binding',
            metadata: { name },
            target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
          });
        }
        const now = formatTime(test.clock.now());
        const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }];
        await test.request('PATCH', `${NS}/pods/${name}/status`, { status: { phase: 'Running', conditions } }, MERGE);
        started.push(name);
      }
      await settle();
      return started;
    },
    async finishTerminating() {
      for (const pod of await bed.pods()) {
        if (!pod.metadata.deletionTimestamp) continue;
        await test.request('DELETE', `${NS}/pods/${pod.metadata.name}`, { gracePeriodSeconds: 0 });
      }
      await settle();
    },
    wait: (ms = 0) => runFor(test.clock, ms),
  };
  return bed;
}
