import { describe, expect, it } from 'vitest';
import { controllerTestbed, quotaManifest, resourcePod } from '../../tests/resourcequota-testbed';
import {
  DEFAULT_RESOURCE_QUOTA_WORKERS,
  RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
  ResourceQuotaController,
} from './resourcequota';

const NS = '/api/v1/namespaces/default';
const QUOTAS = `${NS}/resourcequotas`;
const MERGE = { 'content-type': 'application/merge-patch+json' };

async function testbed() {
  return controllerTestbed(
    RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
    DEFAULT_RESOURCE_QUOTA_WORKERS,
    (deps) => new ResourceQuotaController(deps),
  );
}

type Bed = Awaited<ReturnType<typeof testbed>>;
const status = async (bed: Bed, name = 'q') => (await bed.get(`${QUOTAS}/${name}`)).status;
/** A replenishment: deleting a ConfigMap recounts the quotas that track configmaps. */
async function touchConfigMaps(bed: Bed): Promise<void> {
  await bed.request('POST', `${NS}/configmaps`, { metadata: { name: 'touch' } });
  await bed.request('DELETE', `${NS}/configmaps/touch`);
  await bed.wait();
}

describe('ResourceQuota controller', () => {
  it('counts what the namespace holds when a quota is created, in canonical quantities', async () => {
    const bed = await testbed();
    await bed.request(
      'POST',
      `${NS}/pods`,
      resourcePod('web', { cpu: '500m', memory: '128Mi' }, { cpu: '1', memory: '256Mi' }),
    );
    await bed.request('POST', `${NS}/pods`, resourcePod('worker', { cpu: '250m', memory: '64Mi' }));
    await bed.request('POST', `${NS}/configmaps`, { metadata: { name: 'settings' } });
    await bed.request('POST', `${NS}/services`, {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }, { port: 443 }] },
    });
    const hard = {
      pods: '10',
      'count/pods': '10',
      cpu: '2000m',
      'requests.cpu': '2',
      'requests.memory': '1Gi',
      memory: '1024Mi',
      'limits.cpu': '4',
      'limits.memory': '2Gi',
      configmaps: '5',
      services: '3',
      'services.nodeports': '4',
      'services.loadbalancers': '1',
      secrets: '10',
      persistentvolumeclaims: '2',
      'requests.storage': '10Gi',
    };
    await bed.request('POST', QUOTAS, quotaManifest('q', hard));
    await bed.wait();
    expect(await status(bed)).toEqual({
      hard: {
        configmaps: '5',
        'count/pods': '10',
        cpu: '2',
        'limits.cpu': '4',
        'limits.memory': '2Gi',
        memory: '1Gi',
        persistentvolumeclaims: '2',
        pods: '10',
        'requests.cpu': '2',
        'requests.memory': '1Gi',
        'requests.storage': '10Gi',
        secrets: '10',
        services: '3',
        'services.loadbalancers': '1',
        'services.nodeports': '4',
      },
      used: {
        configmaps: '1',
        'count/pods': '2',
        cpu: '750m',
        'limits.cpu': '1',
        'limits.memory': '256Mi',
        memory: '192Mi',
        persistentvolumeclaims: '0',
        pods: '2',
        'requests.cpu': '750m',
        'requests.memory': '192Mi',
        'requests.storage': '0',
        secrets: '0',
        // The API server's own `kubernetes` Service counts too.
        services: '2',
        'services.loadbalancers': '0',
        'services.nodeports': '2',
      },
    });
    const quota = await bed.get(`${QUOTAS}/q`);
    const writers = quota.metadata.managedFields.map((f: any) => [f.manager, f.subresource ?? '']);
    expect(writers).toContainEqual(['kube-controller-manager', 'status']);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('fills in usage admission then charges, and gives back a pod once it is gone', async () => {
    const bed = await testbed();
    await bed.request('POST', QUOTAS, quotaManifest('q', { pods: '1', 'requests.cpu': '1' }));
    await bed.wait();
    expect((await status(bed)).used).toEqual({ pods: '0', 'requests.cpu': '0' });
    expect((await bed.request('POST', `${NS}/pods`, resourcePod('one', { cpu: '500m' }))).status).toBe(201);
    expect((await status(bed)).used).toEqual({ pods: '1', 'requests.cpu': '500m' });
    const refused = await bed.request('POST', `${NS}/pods`, resourcePod('two', { cpu: '500m' }));
    expect(refused.body.message).toBe(
      'pods "two" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
    );
    // An unscheduled pod goes at once; its deletion replenishes the quota.
    await bed.request('DELETE', `${NS}/pods/one`);
    await bed.wait();
    expect((await status(bed)).used).toEqual({ pods: '0', 'requests.cpu': '0' });
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('still counts a pod being deleted with a 30 s grace period while the grace lasts', async () => {
    const bed = await testbed();
    await bed.request('POST', QUOTAS, quotaManifest('q', { pods: '1', configmaps: '9' }));
    await bed.request('POST', `${NS}/pods`, resourcePod('slow', {}));
    await bed.run('default', 'slow');
    await bed.request('DELETE', `${NS}/pods/slow`, { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 30 });
    await bed.wait(30_000);
    await touchConfigMaps(bed);
    expect((await status(bed)).used).toEqual({ configmaps: '0', pods: '1' });
    const refused = await bed.request('POST', `${NS}/pods`, resourcePod('next', {}));
    expect(refused.status).toBe(403);
    // Uncounted once past deletionTimestamp (the delete plus 30 s) plus the 30 s grace period,
    // when something makes the controller recount.
    await bed.wait(30_000);
    await touchConfigMaps(bed);
    expect((await status(bed)).used).toEqual({ configmaps: '0', pods: '1' });
    await bed.wait(1000);
    await touchConfigMaps(bed);
    expect((await status(bed)).used).toEqual({ configmaps: '0', pods: '0' });
    expect((await bed.get(`${NS}/pods/slow`)).metadata.deletionTimestamp).toBeDefined();
    expect((await bed.request('POST', `${NS}/pods`, resourcePod('next', {}))).status).toBe(201);
    await bed.stop();
  });

  it('stops counting a pod that has Succeeded or Failed, except as a stored object', async () => {
    const bed = await testbed();
    await bed.request('POST', QUOTAS, quotaManifest('q', { pods: '5', 'count/pods': '5', 'requests.memory': '1Gi' }));
    await bed.wait();
    for (const name of ['done', 'crashed', 'running']) {
      await bed.request('POST', `${NS}/pods`, resourcePod(name, { memory: '100Mi' }));
      await bed.run('default', name);
    }
    expect((await status(bed)).used).toEqual({ 'count/pods': '3', pods: '3', 'requests.memory': '300Mi' });
    await bed.request('PATCH', `${NS}/pods/done/status`, { status: { phase: 'Succeeded' } }, MERGE);
    await bed.request('PATCH', `${NS}/pods/crashed/status`, { status: { phase: 'Failed' } }, MERGE);
    await bed.wait();
    expect((await status(bed)).used).toEqual({ 'count/pods': '3', pods: '1', 'requests.memory': '100Mi' });
    await bed.stop();
  });

  it('follows spec.hard, and recounts everything every 5 minutes', async () => {
    const bed = await testbed();
    await bed.request('POST', QUOTAS, quotaManifest('q', { pods: '2' }));
    await bed.wait();
    await bed.request('PATCH', `${QUOTAS}/q`, { spec: { hard: { pods: '3', secrets: '1' } } }, MERGE);
    await bed.wait();
    expect(await status(bed)).toEqual({ hard: { pods: '3', secrets: '1' }, used: { pods: '0', secrets: '0' } });
    // A wrong usage written by someone else stands until the full resync.
    const quota = await bed.get(`${QUOTAS}/q`);
    await bed.request('PUT', `${QUOTAS}/q/status`, {
      ...quota,
      status: { ...quota.status, used: { pods: '2', secrets: '0' } },
    });
    await bed.wait(299_000);
    expect((await status(bed)).used).toEqual({ pods: '2', secrets: '0' });
    await bed.wait(1000);
    expect((await status(bed)).used).toEqual({ pods: '0', secrets: '0' });
    await bed.stop();
  });

  it('counts any quotable resource by count/<resource>.<group>, found through discovery', async () => {
    const bed = await testbed();
    const deployments = '/apis/apps/v1/namespaces/default/deployments';
    await bed.request('POST', deployments, {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      },
    });
    await bed.request(
      'POST',
      QUOTAS,
      quotaManifest('q', { 'count/deployments.apps': '2', 'count/widgets.example.com': '1' }),
    );
    await bed.wait();
    // A resource the server does not serve is not counted.
    expect((await status(bed)).used).toEqual({ 'count/deployments.apps': '1' });
    await bed.request('DELETE', `${deployments}/web`);
    await bed.wait();
    expect((await status(bed)).used).toEqual({ 'count/deployments.apps': '0' });
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });
});
