import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import { NODE_LIFECYCLE_SERVICE_ACCOUNT, NodeLifecycleController } from '../runtime/controllers/node-lifecycle';
import {
  TAINT_EVICTION_EVENT_SOURCE,
  TAINT_EVICTION_SERVICE_ACCOUNT,
  TaintEvictionController,
} from '../runtime/controllers/taint-eviction';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, podManifest, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

const MERGE = { 'content-type': 'application/merge-patch+json' };
const LEASES = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases';
/** The kubelet renews its Lease every 10 s (a quarter of its 40 s duration). */
const LEASE_RENEW_MS = 10_000;

/** A cluster with the node lifecycle and taint eviction controllers, and kubelets a test can stop. */
export interface NodeLifecycleTestbed extends TestApi {
  nodeController: NodeLifecycleController;
  taintController: TaintEvictionController;
  errors: Array<{ key: string; message: string }>;
  /** Registers a Ready node with its Lease and starts its kubelet's heartbeats. */
  addNode(name: string): Promise<void>;
  /** The kubelet of `name` stops renewing its Lease and posting status. */
  stopKubelet(name: string): void;
  /** The kubelet of `name` is back: it renews its Lease and posts Ready again. */
  startKubelet(name: string): Promise<void>;
  node(name: string): Promise<Json>;
  pod(name: string): Promise<Json>;
  /** Creates pod `name` (with `spec`), binds it to `node` and reports it Running and Ready. */
  runPod(name: string, node: string, spec?: Json): Promise<void>;
  /** The events of `namespace`, once the recorders have written what they hold. */
  events(namespace?: string): Promise<Json[]>;
  wait(ms?: number): Promise<void>;
  stop(): void;
}

/** Starts both controllers against a fresh cluster with no nodes. */
export async function nodeLifecycleTestbed(): Promise<NodeLifecycleTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng('node-lifecycle-test');
  const informers = new InformerFactory(
    new RestClient(test.api, { userAgent: componentUserAgent('kube-controller-manager', 'shared-informers') }),
    test.clock,
    rng,
  );
  const clientFor = (serviceAccount: string): RestClient =>
    new RestClient(test.api, { userAgent: controllerUserAgent(serviceAccount), fieldValidation: 'Ignore' });
  const errors: NodeLifecycleTestbed['errors'] = [];
  const onError = (key: string, error: unknown): void => void errors.push({ key, message: (error as Error).message });
  const nodeClient = clientFor(NODE_LIFECYCLE_SERVICE_ACCOUNT);
  const nodeRecorder = new EventRecorder(nodeClient, test.clock, rng, { component: NODE_LIFECYCLE_SERVICE_ACCOUNT });
  const nodeController = new NodeLifecycleController({
    client: nodeClient,
    informers,
    clock: test.clock,
    recorder: nodeRecorder,
    onError,
  });
  const taintClient = clientFor(TAINT_EVICTION_SERVICE_ACCOUNT);
  const taintRecorder = new EventRecorder(taintClient, test.clock, rng, { component: TAINT_EVICTION_EVENT_SOURCE });
  const taintController = new TaintEvictionController({
    client: taintClient,
    informers,
    clock: test.clock,
    recorder: taintRecorder,
    onError,
  });
  informers.start();
  void nodeController.run();
  void taintController.run();
  await settle();

  const live = new Set<string>();
  const renew = async (name: string): Promise<void> => {
    await test.request('PATCH', `${LEASES}/${name}`, { spec: { renewTime: microTime(test.clock.now()) } }, MERGE);
  };
  const heartbeat = (name: string): void => {
    test.clock.setTimer(LEASE_RENEW_MS, () => {
      if (!live.has(name)) return;
      void renew(name);
      heartbeat(name);
    });
  };
  const readyStatus = (): Json => {
    const now = formatTime(test.clock.now());
    return {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
    };
  };
  const bed: NodeLifecycleTestbed = {
    ...test,
    nodeController,
    taintController,
    errors,
    async addNode(name) {
      const node = { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: readyStatus() };
      await test.request('POST', '/api/v1/nodes', node);
      const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime(test.clock.now()) };
      await test.request('POST', LEASES, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name },
        spec,
      });
      live.add(name);
      heartbeat(name);
      await settle();
    },
    stopKubelet: (name) => void live.delete(name),
    async startKubelet(name) {
      live.add(name);
      await renew(name);
      heartbeat(name);
      await test.request('PATCH', `/api/v1/nodes/${name}/status`, { status: readyStatus() }, MERGE);
      await settle();
    },
    node: async (name) => (await test.request('GET', `/api/v1/nodes/${name}`)).body,
    pod: async (name) => (await test.request('GET', `/api/v1/namespaces/default/pods/${name}`)).body,
    async runPod(name, node, spec = {}) {
      const ns = '/api/v1/namespaces/default';
      await test.request('POST', `${ns}/pods`, podManifest(name, { spec }));
      await test.request('POST', `${ns}/pods/${name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: node },
      });
      const now = formatTime(test.clock.now());
      const conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
      await test.request('PATCH', `${ns}/pods/${name}/status`, { status: { phase: 'Running', conditions } }, MERGE);
      await settle();
    },
    async events(namespace = 'default') {
      await Promise.all([nodeRecorder.flush(), taintRecorder.flush()]);
      await settle();
      return (await test.request('GET', `/api/v1/namespaces/${namespace}/events`)).body.items;
    },
    wait: (ms = 0) => runFor(test.clock, ms),
    stop() {
      live.clear();
      nodeController.stop();
      taintController.stop();
      informers.shutdown();
    },
  };
  return bed;
}

/** A metav1.MicroTime as the kubelet writes a Lease's renewTime. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}
