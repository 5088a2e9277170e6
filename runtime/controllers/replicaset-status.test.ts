import { describe, expect, it } from 'vitest';
import { replicaSetManifest, replicaSetTestbed } from '../../tests/controllers';

const RS_PATH = '/apis/apps/v1/namespaces/default/replicasets';
const QUOTA_PATH = '/api/v1/namespaces/default/resourcequotas';
const names = (pods: any[]): string[] => pods.map((p) => p.metadata.name).sort();

describe('ReplicaSet controller: status, quota, RBAC', () => {
  it('counts ready pods, and available ones once minReadySeconds have passed', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3, { minReadySeconds: 10 }));
    await bed.wait();
    const pods = names(await bed.pods());
    await bed.run(pods[0]);
    await bed.run(pods[1]);
    await bed.run(pods[2], false);
    await bed.wait();
    expect((await bed.replicaSet('frontend')).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 2,
      observedGeneration: 1,
    });
    // Each pod turning ready requeues the ReplicaSet minReadySeconds + 1 s later.
    await bed.wait(11_000);
    expect((await bed.replicaSet('frontend')).status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    await bed.request(
      'PATCH',
      `/api/v1/namespaces/default/pods/${pods[0]}`,
      { metadata: { labels: { tier: null } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await bed.wait();
    expect((await bed.replicaSet('frontend')).status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 2 });
  });

  it('reports FailedCreate with the quota text, backs off, and succeeds once the quota is raised', async () => {
    const bed = await replicaSetTestbed();
    // The ResourceQuota controller is not running: its status is written here as it would write it.
    await bed.request('POST', QUOTA_PATH, { metadata: { name: 'pods-quota' }, spec: { hard: { pods: '1' } } });
    const quota = (await bed.request('GET', `${QUOTA_PATH}/pods-quota`)).body;
    await bed.request('PUT', `${QUOTA_PATH}/pods-quota/status`, {
      ...quota,
      status: { hard: { pods: '1' }, used: { pods: '0' } },
    });
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 2));
    await bed.wait();
    expect(await bed.pods()).toHaveLength(1);
    const quotaText =
      'pods "frontend-" is forbidden: exceeded quota: pods-quota, requested: pods=1, used: pods=1, limited: pods=1';
    let failed = (await bed.events()).find((e) => e.reason === 'FailedCreate');
    expect(failed).toMatchObject({ type: 'Warning', message: `Error creating: ${quotaText}` });
    expect((await bed.replicaSet('frontend')).status.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2026-01-01T00:00:00Z',
        reason: 'FailedCreate',
        message: quotaText,
      },
    ]);
    expect(bed.errors[0]).toEqual({ key: 'default/frontend', message: quotaText });
    // Retries back off exponentially, 5 ms · 2^failures. The first sync's own writes (its pod, the
    // status condition) requeue it at once, and those immediate failures count too, while the
    // 5 ms retry already waiting keeps its earlier deadline: so 5 ms, then 40, 80, 160, …
    await bed.wait(2000);
    const attempts = bed.creates.filter((c) => c.status === 403).map((c) => c.at - bed.creates[0].at);
    const gaps = attempts
      .slice(1)
      .map((t, i) => t - attempts[i])
      .filter((gap) => gap > 0);
    expect(gaps.slice(0, 3)).toEqual([5, 40, 80]);
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]).toBe(2 * gaps[i - 1]);
    expect(gaps.at(-1)).toBe(640);
    failed = (await bed.events()).find((e) => e.reason === 'FailedCreate');
    expect(failed.count).toBe(attempts.length);
    // The quota is raised (and its status with it); the next retry gets the second pod.
    const raised = (await bed.request('GET', `${QUOTA_PATH}/pods-quota`)).body;
    await bed.request('PUT', `${QUOTA_PATH}/pods-quota`, { ...raised, spec: { hard: { pods: '2' } } });
    const current = (await bed.request('GET', `${QUOTA_PATH}/pods-quota`)).body;
    await bed.request('PUT', `${QUOTA_PATH}/pods-quota/status`, {
      ...current,
      status: { hard: { pods: '2' }, used: { pods: '1' } },
    });
    const nextGap = 2 * gaps[gaps.length - 1];
    await bed.wait(nextGap + 1);
    expect(await bed.pods()).toHaveLength(2);
    const status = (await bed.replicaSet('frontend')).status;
    expect(status.replicas).toBe(2);
    expect(status.conditions).toBeUndefined();
    const created = (await bed.events()).filter((e) => e.reason === 'SuccessfulCreate');
    expect(created).toHaveLength(2);
  });

  it('stays within its RBAC role when every request goes as its service account', async () => {
    const bed = await replicaSetTestbed({ impersonate: true });
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3));
    await bed.wait();
    const pods = names(await bed.pods());
    expect(pods).toHaveLength(3);
    await bed.request(
      'PATCH',
      `/api/v1/namespaces/default/pods/${pods[0]}`,
      { metadata: { labels: { app: 'debug' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await bed.wait();
    await bed.scale('frontend', 1);
    await bed.wait();
    expect(await bed.pods('app=frontend')).toHaveLength(1);
    expect(bed.errors).toEqual([]);
    expect((await bed.events()).map((e) => e.reason).sort()).toEqual([
      ...Array(4).fill('SuccessfulCreate'),
      ...Array(2).fill('SuccessfulDelete'),
    ]);
  });

  it('forgets a deleted ReplicaSet and stops when asked', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 2));
    await bed.wait();
    await bed.request('DELETE', `${RS_PATH}/frontend`);
    await bed.wait();
    const controller = bed.manager.replicaSetController();
    expect(controller?.expectations.get('default/frontend')).toBeUndefined();
    // Without the garbage collector (not running yet) the pods stay; nothing recreates or deletes them.
    expect(await bed.pods()).toHaveLength(2);
    await bed.manager.stop();
    expect(controller?.queue.isShuttingDown()).toBe(true);
  });
});
