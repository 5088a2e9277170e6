import { describe, expect, it } from 'vitest';
import { podManifest, sentBody } from '../../tests/api';
import { deploymentManifest } from '../../tests/deployment-testbed';
import { collectorTestbed, type CollectorTestbed } from '../../tests/garbage-collector-testbed';
import { formatTime } from '../util/time';

const NS = '/api/v1/namespaces/shop';
const MERGE = { 'content-type': 'application/merge-patch+json' };
const ok = (type: string, reason: string, message: string, at: string) => ({
  type,
  status: 'False',
  lastTransitionTime: at,
  reason,
  message,
});
/** The five conditions with the False variant, but for `overrides` by type. */
function conditions(at: string, overrides: Record<string, object> = {}): object[] {
  return [
    ok('NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered', at),
    ok(
      'NamespaceDeletionGroupVersionParsingFailure',
      'ParsedGroupVersions',
      'All legacy kube types successfully parsed',
      at,
    ),
    ok(
      'NamespaceDeletionContentFailure',
      'ContentDeleted',
      'All content successfully deleted, may be waiting on finalization',
      at,
    ),
    ok('NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed', at),
    ok('NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished', at),
  ].map((c) => ({ ...c, ...overrides[c.type] }));
}

async function createNamespace(bed: CollectorTestbed): Promise<void> {
  await bed.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  await bed.wait();
}

describe('namespace controller', () => {
  it('empties a terminating namespace, reports what remains, and finalizes it once the pods are gone', async () => {
    const bed = await collectorTestbed({ controllers: ['replicaset', 'deployment'] });
    await createNamespace(bed);
    for (const name of ['settings', 'flags']) {
      await bed.create(`${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    }
    for (const name of ['cart', 'checkout']) await bed.create(`${NS}/pods`, podManifest(name));
    await bed.create('/apis/apps/v1/namespaces/shop/deployments', deploymentManifest('web', 1));
    await bed.wait();
    expect(await bed.runPods('shop')).toHaveLength(3);
    const deleting = await bed.request('DELETE', NS);
    expect(deleting.body.status.phase).toBe('Terminating');
    const deletedAt = bed.clock.now();
    const late = await bed.request('POST', `${NS}/pods`, podManifest('late'));
    expect(late.body).toMatchObject({
      code: 403,
      message:
        'pods "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
      details: {
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace shop is being terminated',
            field: 'metadata.namespace',
          },
        ],
      },
    });
    // The controller waits 5 s after the deletion, then deletes everything it can.
    await bed.wait(4000);
    expect((await bed.get(`${NS}/configmaps`)).body.items).toHaveLength(2);
    await bed.wait(1000);
    const firstPass = formatTime(deletedAt + 5000);
    expect((await bed.get(`${NS}/configmaps`)).body.items).toEqual([]);
    expect((await bed.get('/apis/apps/v1/namespaces/shop/deployments')).body.items).toEqual([]);
    expect((await bed.get('/apis/apps/v1/namespaces/shop/replicasets')).body.items).toEqual([]);
    const pods = await bed.pods('shop');
    expect(pods).toHaveLength(3);
    for (const pod of pods) expect(pod.metadata.deletionTimestamp).toBe(formatTime(deletedAt + 5000 + 30_000));
    const terminating = (await bed.get(NS)).body;
    expect(terminating.status).toEqual({
      phase: 'Terminating',
      conditions: conditions(firstPass, {
        NamespaceContentRemaining: {
          status: 'True',
          reason: 'SomeResourcesRemain',
          message: 'Some resources are remaining: pods. has 3 resource instances',
        },
      }),
    });
    expect(terminating.spec.finalizers).toEqual(['kubernetes']);
    // The kubelet removes the pods once their 30 s grace period is over; the controller looks
    // again every 16 s (half the estimate, plus one) and finalizes the empty namespace.
    await bed.wait(29_000);
    expect((await bed.get(NS)).status).toBe(200);
    await bed.finishTerminating('shop');
    await bed.wait(10_000);
    const gone = await bed.get(NS);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('namespaces "shop" not found');
    const finalize = bed.writes.find((w) => w.request.path.startsWith(`${NS}/finalize`));
    expect(finalize?.request.method).toBe('PUT');
    expect(sentBody(finalize?.request ?? {}).spec).toEqual({ finalizers: [] });
    const collections = bed.writes
      .filter((w) => w.request.method === 'DELETE' && !w.request.path.includes('/pods/'))
      .map((w) => w.request.path);
    expect(collections).toEqual(
      expect.arrayContaining([`${NS}/pods`, `${NS}/configmaps`, '/apis/apps/v1/namespaces/shop/deployments']),
    );
    expect(bed.errors).toEqual([]);
  });

  it('waits on content with finalizers and says which', async () => {
    const bed = await collectorTestbed();
    await createNamespace(bed);
    const held = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } };
    await bed.create(`${NS}/configmaps`, held);
    await bed.request('DELETE', NS);
    await bed.wait(5000);
    const status = (await bed.get(NS)).body.status;
    expect(status.conditions).toEqual(
      conditions(formatTime(bed.clock.now()), {
        NamespaceContentRemaining: {
          status: 'True',
          reason: 'SomeResourcesRemain',
          message: 'Some resources are remaining: configmaps. has 1 resource instances',
        },
        NamespaceFinalizersRemaining: {
          status: 'True',
          reason: 'SomeFinalizersRemain',
          message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
        },
      }),
    );
    await bed.request('PATCH', `${NS}/configmaps/held`, { metadata: { finalizers: null } }, MERGE);
    // The controller's own condition write is a namespace update, looked at 5 s later (before the
    // 8 s a finalizer's 15 s estimate asks for).
    await bed.wait(4000);
    expect((await bed.get(NS)).status).toBe(200);
    await bed.wait(1000);
    expect((await bed.get(NS)).status).toBe(404);
    expect(bed.errors).toEqual([]);
  });

  it('reports a discovery failure and keeps the namespace until discovery works again', async () => {
    let failing = true;
    const bed = await collectorTestbed({
      wrapApi: (api) => async (request) => {
        if (
          failing &&
          request.method === 'GET' &&
          request.path === '/apis/apps/v1' &&
          /namespace-controller/.test(request.headers?.['user-agent'] ?? '')
        ) {
          const status = {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'the server is currently unable to handle the request',
            reason: 'ServiceUnavailable',
            code: 503,
          };
          return { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify(status) };
        }
        return api(request);
      },
    });
    await createNamespace(bed);
    await bed.request('DELETE', NS);
    await bed.wait(5000);
    const failure =
      'unable to retrieve the complete list of server APIs: apps/v1: the server is currently unable to handle the request';
    expect((await bed.get(NS)).body.status.conditions[0]).toEqual({
      type: 'NamespaceDeletionDiscoveryFailure',
      status: 'True',
      lastTransitionTime: formatTime(bed.clock.now()),
      reason: 'DiscoveryFailed',
      message: `Discovery failed for some groups, 1 failing: ${failure}`,
    });
    expect(bed.errors).toEqual([{ key: 'shop', message: `deletion of namespace shop failed: ${failure}` }]);
    failing = false;
    // Retried with a back-off (5 ms, doubling).
    await bed.wait(1000);
    expect((await bed.get(NS)).status).toBe(404);
  });
});
