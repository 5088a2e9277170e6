import { createSeededRng } from '../runtime/rng';
import { Scheduler } from '../runtime/scheduler/scheduler';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

/** What a test node has: allocatable cpu/memory/pods, labels, taints, cordoned. */
export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Json[];
  unschedulable?: boolean;
}

/** A Ready node as a kubelet registers it (minikube's allocatable by default). */
export function nodeManifest(name: string, spec: NodeSpec = {}): Json {
  const allocatable = { cpu: spec.cpu ?? '2', memory: spec.memory ?? '3912Mi', pods: spec.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...spec.labels } },
    spec: { ...(spec.taints ? { taints: spec.taints } : {}), ...(spec.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
    },
  };
}

/** A cluster with the scheduler running, and what a test does to it. */
export interface SchedulerTestbed extends TestApi {
  scheduler: Scheduler;
  errors: Array<{ key: string; message: string }>;
  addNode(name: string, spec?: NodeSpec): Promise<void>;
  /** Creates pod `name` in default; `spec` goes over one nginx container asking for `cpu`. */
  addPod(name: string, spec?: Json, cpu?: string, metadata?: Json): Promise<void>;
  pod(name: string): Promise<Json>;
  deletePod(name: string): Promise<void>;
  /** The events.k8s.io/v1 events in default, in creation order. */
  events(): Promise<Json[]>;
  wait(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the scheduler against a fresh cluster (its nodes are up to the test). */
export async function schedulerTestbed(seed = 'scheduler-test'): Promise<SchedulerTestbed> {
  const test = await createTestApi();
  const errors: Array<{ key: string; message: string }> = [];
  const scheduler = new Scheduler(test.api, test.clock, createSeededRng(seed), {
    onError: (key, error) => errors.push({ key, message: (error as Error).message }),
  });
  scheduler.start();
  await settle();
  const ns = '/api/v1/namespaces/default';
  const check = (what: string, status: number): void => {
    if (status >= 300) throw new Error(`${what}: ${status}`);
  };
  return {
    ...test,
    scheduler,
    errors,
    async addNode(name, spec) {
      check(`node ${name}`, (await test.request('POST', '/api/v1/nodes', nodeManifest(name, spec))).status);
      await settle();
    },
    async addPod(name, spec = {}, cpu, metadata = {}) {
      const container: Json = { name: 'nginx', image: 'nginx' };
      if (cpu) container.resources = { requests: { cpu } };
      const body = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, ...metadata },
        spec: { containers: [container], ...spec },
      };
      check(`pod ${name}`, (await test.request('POST', `${ns}/pods`, body)).status);
      await settle();
    },
    async pod(name) {
      return (await test.request('GET', `${ns}/pods/${name}`)).body;
    },
    async deletePod(name) {
      check(`delete ${name}`, (await test.request('DELETE', `${ns}/pods/${name}`, { gracePeriodSeconds: 0 })).status);
      await settle();
    },
    async events() {
      await scheduler.recorder.flush();
      await settle();
      return (await test.request('GET', '/apis/events.k8s.io/v1/namespaces/default/events')).body.items;
    },
    wait: (ms = 0) => runFor(test.clock, ms),
    stop: () => scheduler.stop(),
  };
}
