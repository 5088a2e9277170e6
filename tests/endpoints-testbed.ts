import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import { ENDPOINT_CONTROLLER_NAME, EndpointsController } from '../runtime/controllers/endpoints';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  ENDPOINTSLICE_EVENT_SOURCE,
  EndpointSliceController,
} from '../runtime/controllers/endpointslice';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

const NS = '/api/v1/namespaces/default';
const SLICES = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';
const MERGE = { 'content-type': 'application/merge-patch+json' };

/** A pod `name` labelled `app=<app>` whose container serves `ports` (name → number). */
export function appPod(name: string, app: string, ports: Record<string, number> = { http: 8080 }): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app } },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: Object.entries(ports).map(([portName, containerPort]) => ({ name: portName, containerPort })),
        },
      ],
    },
  };
}

/** A Service `name` selecting `app=<name>` (spec merged over port 80 → targetPort `http`). */
export function appService(name: string, spec: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app: name } },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 'http' }], ...spec },
  };
}

/** A cluster with the Endpoints and EndpointSlice controllers running, and what a test does to it. */
export interface EndpointsTestbed extends TestApi {
  errors: Array<{ controller: string; key: string; message: string }>;
  /** POSTs `manifest` to `default/<resource>`; throws unless created. */
  create(resource: string, manifest: Json): Promise<Json>;
  /**
   * What a scheduler and kubelet would do: bind the pod to `minikube`, report it Running with an
   * IP; then let the controllers work, unless `settleAfter` is false (for bursts of pods).
   */
  run(pod: string, ready: boolean, settleAfter?: boolean): Promise<string>;
  /** What the kubelet reports when the pod's readiness changes. */
  setReady(pod: string, ready: boolean): Promise<void>;
  endpoints(name: string): Promise<{ status: number; body: Json }>;
  /** The EndpointSlices labelled for `service`, by name. */
  slices(service: string): Promise<Json[]>;
  /** The namespace's events, once written. */
  events(): Promise<Json[]>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts both controllers against a fresh cluster with one node, `minikube` (with `nodeLabels`),
 * each with its own client and recorder as kube-controller-manager builds them.
 */
export async function endpointsTestbed(
  options: { nodeLabels?: Record<string, string>; maxEndpointsPerSlice?: number } = {},
): Promise<EndpointsTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng('endpoints-test');
  await test.request('POST', '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'minikube', labels: { 'kubernetes.io/hostname': 'minikube', ...options.nodeLabels } },
  });
  const informers = new InformerFactory(
    new RestClient(test.api, { userAgent: componentUserAgent('kube-controller-manager', 'shared-informers') }),
    test.clock,
    rng,
  );
  const errors: EndpointsTestbed['errors'] = [];
  const clientFor = (serviceAccount: string): RestClient =>
    new RestClient(test.api, { userAgent: controllerUserAgent(serviceAccount), fieldValidation: 'Ignore' });
  const epClient = clientFor(ENDPOINT_CONTROLLER_NAME);
  const sliceClient = clientFor(ENDPOINTSLICE_CONTROLLER_NAME);
  const recorders = [
    new EventRecorder(epClient, test.clock, rng, { component: ENDPOINT_CONTROLLER_NAME }),
    new EventRecorder(sliceClient, test.clock, rng, { component: ENDPOINTSLICE_EVENT_SOURCE }),
  ];
  const onError = (controller: string) => (key: string, error: unknown) =>
    errors.push({ controller, key, message: (error as Error).message });
  const controllers = [
    new EndpointsController({
      client: epClient,
      informers,
      clock: test.clock,
      recorder: recorders[0],
      onError: onError('endpoint'),
    }),
    new EndpointSliceController({
      client: sliceClient,
      informers,
      clock: test.clock,
      recorder: recorders[1],
      maxEndpointsPerSlice: options.maxEndpointsPerSlice,
      onError: onError('endpointslice'),
    }),
  ];
  const done = controllers.map((c) => c.run(5));
  informers.start();
  await settle();
  let nextIP = 1;
  const podIPs = new Map<string, string>();
  const readyCondition = (ready: boolean) => [
    { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: formatTime(test.clock.now()) },
  ];
  return {
    ...test,
    errors,
    async create(resource, manifest) {
      const { status, body } = await test.request('POST', `${NS}/${resource}`, manifest);
      if (status !== 201) throw new Error(`create ${resource}: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    async run(pod, ready, settleAfter = true) {
      await test.request('POST', `${NS}/pods/${pod}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod },
        target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
      });
      const ip = `10.244.${Math.floor(nextIP / 250)}.${(nextIP % 250) + 2}`;
      nextIP++;
      podIPs.set(pod, ip);
      const status = { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: readyCondition(ready) };
      const reply = await test.request('PATCH', `${NS}/pods/${pod}/status`, { status }, MERGE);
      if (reply.status !== 200) throw new Error(`run ${pod}: ${reply.status}`);
      if (settleAfter) await settle();
      return ip;
    },
    async setReady(pod, ready) {
      await test.request('PATCH', `${NS}/pods/${pod}/status`, { status: { conditions: readyCondition(ready) } }, MERGE);
      await settle();
    },
    async endpoints(name) {
      return test.request('GET', `${NS}/endpoints/${name}`);
    },
    async slices(service) {
      const query = `?labelSelector=${encodeURIComponent(`kubernetes.io/service-name=${service}`)}`;
      const items: Json[] = (await test.request('GET', `${SLICES}${query}`)).body.items;
      return items.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    },
    async events() {
      await Promise.all(recorders.map((r) => r.flush()));
      await settle();
      return (await test.request('GET', `${NS}/events`)).body.items;
    },
    wait: (ms = 0) => runFor(test.clock, ms),
    async stop() {
      for (const controller of controllers) controller.stop();
      informers.shutdown();
      for (const recorder of recorders) recorder.shutdown();
      await Promise.all(done);
    },
  };
}

/** The metadata the API server fills in, dropped so that tests compare what the controllers wrote. */
export function withoutServerFields(object: Json): Json {
  const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, managedFields: _mf, ...metadata } = object.metadata;
  return { ...object, metadata };
}
