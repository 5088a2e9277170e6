import { describe, expect, it } from 'vitest';
import { controllerTestbed, quotaManifest, resourcePod } from '../../tests/resourcequota-testbed';
import {
  DEFAULT_RESOURCE_QUOTA_WORKERS,
  RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
  ResourceQuotaController,
} from './resourcequota';

const NS = '/api/v1/namespaces/default';
const QUOTAS = `${NS}/resourcequotas`;

const QUOTAS_BY_SCOPE = [
  quotaManifest('best-effort', { pods: '5' }, { scopes: ['BestEffort'] }),
  quotaManifest('not-best-effort', { pods: '5', 'requests.cpu': '4' }, { scopes: ['NotBestEffort'] }),
  quotaManifest('terminating', { pods: '5' }, { scopes: ['Terminating'] }),
  quotaManifest('long-running', { pods: '5' }, { scopes: ['NotTerminating', 'NotBestEffort'] }),
  quotaManifest(
    'high',
    { pods: '5', 'requests.cpu': '4' },
    { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } },
  ),
  quotaManifest(
    'unprioritised',
    { pods: '5', services: '5' },
    { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'DoesNotExist' }] } },
  ),
];

async function testbed() {
  const bed = await controllerTestbed(
    RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
    DEFAULT_RESOURCE_QUOTA_WORKERS,
    (deps) => new ResourceQuotaController(deps),
  );
  await bed.request('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'high' },
    value: 1000,
  });
  return bed;
}

type Bed = Awaited<ReturnType<typeof testbed>>;

async function usedByQuota(bed: Bed): Promise<Record<string, Record<string, string>>> {
  const items = (await bed.request('GET', QUOTAS)).body.items;
  return Object.fromEntries(items.map((q: any) => [q.metadata.name, q.status.used]));
}

/** A best-effort pod, a burstable one with a deadline, and a burstable one of priority class `high`. */
async function createPods(bed: Bed): Promise<void> {
  await bed.request('POST', `${NS}/pods`, resourcePod('idle', {}));
  await bed.request('POST', `${NS}/pods`, resourcePod('batch', { cpu: '500m' }, {}, { activeDeadlineSeconds: 600 }));
  await bed.request('POST', `${NS}/pods`, resourcePod('vip', { cpu: '1' }, {}, { priorityClassName: 'high' }));
}

const EXPECTED = {
  'best-effort': { pods: '1' },
  'not-best-effort': { pods: '2', 'requests.cpu': '1500m' },
  terminating: { pods: '1' },
  'long-running': { pods: '1' },
  high: { pods: '1', 'requests.cpu': '1' },
  // Services fall in no scope: a scoped quota counts none.
  unprioritised: { pods: '2', services: '0' },
};

describe('ResourceQuota controller scopes', () => {
  it('counts only the pods in every scope of the quota', async () => {
    const bed = await testbed();
    await createPods(bed);
    for (const quota of QUOTAS_BY_SCOPE) await bed.request('POST', QUOTAS, quota);
    await bed.wait();
    expect(await usedByQuota(bed)).toEqual(EXPECTED);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('lets admission charge only the quotas whose scopes match, agreeing with the recount', async () => {
    const bed = await testbed();
    for (const quota of QUOTAS_BY_SCOPE) await bed.request('POST', QUOTAS, quota);
    await bed.wait();
    // A best-effort pod needs no cpu request, though a NotBestEffort quota limits requests.cpu.
    await createPods(bed);
    expect(await usedByQuota(bed)).toEqual(EXPECTED);
    await bed.wait(300_000);
    expect(await usedByQuota(bed)).toEqual(EXPECTED);
    await bed.stop();
  });
});
