import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';

const PODS = '/api/v1/namespaces/default/pods';
const PDBS = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';
const SUCCESS = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";
/** The test epoch plus the 90 seconds every test lets pass before it evicts. */
const NOW = '2026-01-01T00:01:30Z';

type PodOptions = {
  phase?: string;
  ready?: boolean;
  labels?: Record<string, string>;
  nodeName?: string;
  finalizers?: string[];
};

/** A cluster with helpers for pods in a given state, budgets with a given status, and evictions. */
async function cluster() {
  const api = await createTestApi();
  const { request } = api;
  return {
    ...api,
    async pod(name: string, options: PodOptions = {}) {
      const { phase = 'Running', ready = true, labels = { app: 'web' }, nodeName, finalizers } = options;
      const metadata = { labels, ...(finalizers ? { finalizers } : {}) };
      const created = (await request('POST', PODS, podManifest(name, { metadata, spec: { nodeName } }))).body;
      const status = { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] };
      return (await request('PUT', `${PODS}/${name}/status`, { ...created, status })).body;
    },
    async pdb(name: string, status: object, spec: object = { selector: { matchLabels: { app: 'web' } } }) {
      const body = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec };
      const created = (await request('POST', PDBS, body)).body;
      const full = { observedGeneration: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, ...status };
      return (await request('PUT', `${PDBS}/${name}/status`, { ...created, status: full })).body;
    },
    evict(name: string, extra: object = {}, query = '') {
      api.clock.advance(90_000);
      const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name }, ...extra };
      return request('POST', `${PODS}/${name}/eviction${query}`, body);
    },
    get: async (path: string) => (await request('GET', path)).body,
  };
}

/** A Status the way the API server words a failure; `details` left out when it has none. */
const failure = (code: number, reason: string | undefined, message: string, details?: object) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  ...(reason ? { reason } : {}),
  ...(details ? { details } : {}),
  code,
});
const badRequest = (message: string) => failure(400, 'BadRequest', message, {});
const tooMany = (message: string, retryAfterSeconds?: number) =>
  failure(429, 'TooManyRequests', VIOLATION, {
    causes: [{ reason: 'DisruptionBudget', message }],
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  });
const forbidden = (detail: string) =>
  failure(403, 'Forbidden', `poddisruptionbudget.policy "web" is forbidden: ${detail}`, {
    name: 'web',
    group: 'policy',
    kind: 'poddisruptionbudget',
  });

describe('pods/eviction: the request', () => {
  const eviction = (metadata: object, apiVersion?: string, kind?: string) => ({ apiVersion, kind, metadata });
  it.each([
    ['no kind or apiVersion', 'web', '', { metadata: { name: 'web' } }, 201, SUCCESS],
    ['policy/v1beta1', 'web', '', eviction({ name: 'web' }, 'policy/v1beta1', 'Eviction'), 201, SUCCESS],
    [
      'a name other than the URL',
      'web',
      '',
      eviction({ name: 'other' }, 'policy/v1', 'Eviction'),
      400,
      badRequest('name in URL does not match name in Eviction object'),
    ],
    [
      'a kind the decoder cannot convert',
      'web',
      '',
      eviction({ name: 'web' }, 'v1', 'Pod'),
      400,
      badRequest(
        'Pod in version "v1" cannot be handled as a Eviction: converting (v1.Pod) to (policy.Eviction): unknown conversion',
      ),
    ],
    [
      'a kind the version does not have',
      'web',
      '',
      eviction({ name: 'web' }, 'v1'),
      400,
      badRequest(
        'Eviction in version "v1" cannot be handled as a Eviction: no kind "Eviction" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
      ),
    ],
    [
      'another namespace',
      'web',
      '',
      eviction({ name: 'web', namespace: 'kube-system' }, 'policy/v1', 'Eviction'),
      400,
      badRequest('the namespace of the provided object does not match the namespace sent on the request'),
    ],
    [
      'a pod that does not exist',
      'nope',
      '',
      eviction({ name: 'nope' }),
      404,
      failure(404, 'NotFound', 'pods "nope" not found', { name: 'nope', kind: 'pods' }),
    ],
    [
      'a dryRun in the body other than the query',
      'web',
      '?dryRun=All',
      { metadata: { name: 'web' }, deleteOptions: { dryRun: ['All', 'All'] } },
      500,
      failure(500, 'Unknown', 'Non-matching dry-run options in request and content: [All] and [All All]'),
    ],
  ])('%s', async (_, pod, query, body, code, expected) => {
    const c = await cluster();
    await c.pod('web');
    const response = await c.request('POST', `${PODS}/${pod}/eviction${query}`, body);
    expect([response.status, response.body]).toEqual([code, expected]);
  });
});

describe('pods/eviction: pods no budget guards', () => {
  it('deletes a pod no budget selects, with the grace period of deleteOptions and a DisruptionTarget', async () => {
    const c = await cluster();
    await c.pod('web', { nodeName: 'minikube' });
    await c.pdb('other', { disruptionsAllowed: 0 }, { selector: { matchLabels: { app: 'other' } } });
    await c.pdb('unset', { disruptionsAllowed: 0 }, {});
    const response = await c.evict('web', { deleteOptions: { gracePeriodSeconds: 5 } });
    expect([response.status, response.body]).toEqual([201, SUCCESS]);
    const pod = await c.get(`${PODS}/web`);
    expect(pod.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:01:35Z', deletionGracePeriodSeconds: 5 });
    expect(pod.status.conditions).toEqual([
      { type: 'Ready', status: 'True' },
      {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: NOW,
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
      },
    ]);
  });

  it.each([
    ['Succeeded', { phase: 'Succeeded' }],
    ['Failed', { phase: 'Failed' }],
    ['Pending', { phase: 'Pending', ready: false, nodeName: undefined }],
  ])('deletes a %s pod without asking its budget', async (_, state) => {
    const c = await cluster();
    await c.pod('web', { nodeName: 'minikube', ...state });
    const pdb = await c.pdb('web', { disruptionsAllowed: 0 });
    expect((await c.evict('web')).status).toBe(201);
    expect((await c.request('GET', `${PODS}/web`)).status).toBe(404);
    expect((await c.get(`${PDBS}/web`)).metadata.resourceVersion).toBe(pdb.metadata.resourceVersion);
  });

  it.each([
    ['', [], ['Ready', 'DisruptionTarget']],
    [' (with a finalizer)', ['example.com/keep'], ['Ready', 'DisruptionTarget']],
  ])('marks a terminating pod%s without asking its budget or shortening its grace', async (_, finalizers, types) => {
    const c = await cluster();
    await c.pod('web', { nodeName: 'minikube', finalizers });
    await c.pdb('web', { disruptionsAllowed: 0 });
    await c.request('DELETE', `${PODS}/web`);
    expect((await c.evict('web', { deleteOptions: { gracePeriodSeconds: 60 } })).status).toBe(201);
    const pod = await c.get(`${PODS}/web`);
    expect(pod.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: 30 });
    expect(pod.status.conditions.map((x: { type: string }) => x.type)).toEqual(types);
  });

  it('changes nothing under dryRun=All', async () => {
    const c = await cluster();
    const pod = await c.pod('web', { nodeName: 'minikube' });
    const pdb = await c.pdb('web', { disruptionsAllowed: 1 });
    expect((await c.evict('web', {}, '?dryRun=All')).body).toEqual(SUCCESS);
    expect((await c.evict('web', { deleteOptions: { dryRun: ['All'] } })).body).toEqual(SUCCESS);
    expect(await c.get(`${PODS}/web`)).toEqual(pod);
    expect(await c.get(`${PDBS}/web`)).toEqual(pdb);
  });

  it.each([
    [
      'uid',
      'u-1',
      (pod: any) =>
        `UID in the precondition (u-1) does not match the UID in record (${pod.metadata.uid}). The object might have been deleted and then recreated`,
    ],
    [
      'resourceVersion',
      '1',
      (pod: any) =>
        `ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${pod.metadata.resourceVersion}). The object might have been modified`,
    ],
  ])('checks a %s precondition as the registry words it', async (field, value, detail) => {
    const c = await cluster();
    const pod = await c.pod('web');
    const response = await c.evict('web', { deleteOptions: { preconditions: { [field]: value } } });
    expect([response.status, response.body]).toEqual([
      409,
      failure(409, 'Conflict', `Operation cannot be fulfilled on Pod "web": the ${detail(pod)}`, {
        name: 'web',
        kind: 'Pod',
      }),
    ]);
    expect(await c.get(`${PODS}/web`)).toEqual(pod);
  });
});

describe('pods/eviction: the disruption budget', () => {
  it('spends one disruption: the budget records the pod, then the pod is deleted', async () => {
    const c = await cluster();
    await c.pod('web');
    const before = await c.pdb('web', { disruptionsAllowed: 2, disruptedPods: { old: '2026-01-01T00:00:00Z' } });
    expect((await c.evict('web')).body).toEqual(SUCCESS);
    expect((await c.request('GET', `${PODS}/web`)).status).toBe(404);
    const pdb = await c.get(`${PDBS}/web`);
    expect(pdb.status).toEqual({
      ...before.status,
      disruptionsAllowed: 1,
      disruptedPods: { old: before.status.disruptedPods.old, web: NOW },
    });
    expect(Number(pdb.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect(pdb.metadata.managedFields.at(-1)).toMatchObject({ manager: 'kube-apiserver', subresource: 'status' });
  });

  it('marks the budget InsufficientPods when it spends the last disruption', async () => {
    const c = await cluster();
    await c.pod('web');
    await c.pdb('web', { disruptionsAllowed: 1 });
    expect((await c.evict('web')).status).toBe(201);
    expect((await c.get(`${PDBS}/web`)).status).toMatchObject({
      disruptionsAllowed: 0,
      disruptedPods: { web: NOW },
      conditions: [
        {
          type: 'DisruptionAllowed',
          status: 'False',
          observedGeneration: 1,
          lastTransitionTime: NOW,
          reason: 'InsufficientPods',
          message: '',
        },
      ],
    });
  });

  it.each([
    [
      'no disruption is allowed',
      { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 },
      429,
      tooMany('The disruption budget web needs 2 healthy pods and has 2 currently'),
    ],
    [
      'the budget is not processed yet',
      { observedGeneration: 0, disruptionsAllowed: 1 },
      429,
      tooMany('The disruption budget web is still being processed by the server.', 10),
    ],
    ['the budget is negative', { disruptionsAllowed: -1 }, 403, forbidden('pdb disruptions allowed is negative')],
    [
      'too many evictions are pending',
      { disruptionsAllowed: 1, disruptedPods: Object.fromEntries([...Array(2001).keys()].map((i) => [`p${i}`, NOW])) },
      403,
      forbidden('DisruptedPods map too big - too many evictions not confirmed by PDB controller'),
    ],
  ])('refuses when %s, leaving pod and budget alone', async (_, status, code, expected) => {
    const c = await cluster();
    const pod = await c.pod('web');
    const pdb = await c.pdb('web', status);
    const response = await c.evict('web');
    expect([response.status, response.body]).toEqual([code, expected]);
    const retry = (expected.details as { retryAfterSeconds?: number }).retryAfterSeconds;
    expect(response.response.headers['retry-after']).toBe(retry ? String(retry) : undefined);
    expect(await c.get(`${PODS}/web`)).toEqual(pod);
    expect(await c.get(`${PDBS}/web`)).toEqual(pdb);
  });

  it('500s when more than one budget selects the pod (an empty selector selects every pod)', async () => {
    const c = await cluster();
    await c.pod('web');
    await c.pdb('web', { disruptionsAllowed: 1 });
    await c.pdb('all', { disruptionsAllowed: 1 }, { selector: {} });
    const response = await c.evict('web');
    const message = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
    expect([response.status, response.body]).toEqual([500, failure(500, undefined, message)]);
  });

  it.each([
    [
      'IfHealthyBudget (the default) with enough healthy pods',
      undefined,
      { currentHealthy: 2, desiredHealthy: 2 },
      201,
    ],
    ['IfHealthyBudget with too few healthy pods', 'IfHealthyBudget', { currentHealthy: 1, desiredHealthy: 2 }, 429],
    ['AlwaysAllow with too few healthy pods', 'AlwaysAllow', { currentHealthy: 1, desiredHealthy: 2 }, 201],
  ])('evicts an unready pod under %s without spending the budget', async (_, policy, health, code) => {
    const c = await cluster();
    await c.pod('web', { ready: false });
    const spec = {
      selector: { matchLabels: { app: 'web' } },
      ...(policy ? { unhealthyPodEvictionPolicy: policy } : {}),
    };
    const pdb = await c.pdb('web', { disruptionsAllowed: 0, ...health }, spec);
    expect((await c.evict('web')).status).toBe(code);
    expect((await c.request('GET', `${PODS}/web`)).status).toBe(code === 201 ? 404 : 200);
    expect(await c.get(`${PDBS}/web`)).toEqual(pdb);
  });

  it('validates deleteOptions after the budget is spent, as the registry does', async () => {
    const c = await cluster();
    await c.pod('web');
    await c.pdb('web', { disruptionsAllowed: 2 });
    const response = await c.evict('web', { deleteOptions: { propagationPolicy: 'Later' } });
    const message = 'Unsupported value: "Later": supported values: "Foreground", "Background", "Orphan", "nil"';
    expect([response.status, response.body]).toEqual([
      422,
      failure(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: ${message}`, {
        group: 'meta.k8s.io',
        kind: 'DeleteOptions',
        causes: [{ reason: 'FieldValueNotSupported', message, field: 'propagationPolicy' }],
      }),
    ]);
    expect((await c.get(`${PDBS}/web`)).status.disruptionsAllowed).toBe(1);
    expect((await c.get(`${PODS}/web`)).status.conditions.at(-1).type).toBe('DisruptionTarget');
  });
});
