import { afterEach, describe, expect, it } from 'vitest';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

/** The seed document's exercises, through the API on the virtual clock (no shell). */

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const RS = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { tier: 'frontend' } },
    template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
};
const POD = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

/** `NAME STATUS` for each pod, as `kubectl get pods` would show the state (Terminating for deleted pods). */
async function states(bed: MinikubeTestbed): Promise<string[]> {
  return (await bed.pods())
    .map(
      (p) =>
        `${p.metadata.name} ${p.metadata.deletionTimestamp ? 'Terminating' : p.status.phase}${p.metadata.labels?.tier ? '' : ' (unlabelled)'}`,
    )
    .sort();
}

describe("the seed's ReplicaSet exercises", () => {
  it('replaces a deleted pod while the old one shows Terminating, then scales to 5', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    expect((await bed.request('POST', '/apis/apps/v1/namespaces/default/replicasets', RS)).status).toBe(201);
    await bed.wait(20_000);
    const running = await states(bed);
    expect(running).toHaveLength(3);
    expect(running.every((s) => s.endsWith(' Running'))).toBe(true);
    const victim = running[0].split(' ')[0];
    expect((await bed.request('DELETE', `/api/v1/namespaces/default/pods/${victim}`)).status).toBe(200);
    await bed.wait(200);
    const during = await states(bed);
    expect(during).toContain(`${victim} Terminating`);
    expect(during.filter((s) => !s.startsWith(victim))).toHaveLength(3);
    // nginx stops on SIGQUIT at once, so the kubelet removes the pod well within the grace period.
    await bed.wait(30_000);
    const after = await states(bed);
    expect(after).toHaveLength(3);
    expect(after.some((s) => s.startsWith(victim))).toBe(false);
    expect(after.every((s) => s.endsWith(' Running'))).toBe(true);

    const scale = await bed.request(
      'PATCH',
      '/apis/apps/v1/namespaces/default/replicasets/frontend',
      { spec: { replicas: 5 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(scale.status).toBe(200);
    await bed.wait(20_000);
    const five = await states(bed);
    expect(five).toHaveLength(5);
    expect(five.every((s) => s.endsWith(' Running'))).toBe(true);
    const rs = (await bed.request('GET', '/apis/apps/v1/namespaces/default/replicasets/frontend')).body;
    expect(rs.status).toMatchObject({ replicas: 5, readyReplicas: 5, availableReplicas: 5, fullyLabeledReplicas: 5 });
  });

  it('creates another pod when one is relabelled out of the selector, and the relabelled pod keeps running', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    await bed.request('POST', '/apis/apps/v1/namespaces/default/replicasets', RS);
    await bed.wait(20_000);
    const [first] = await bed.pods();
    const name = first.metadata.name;
    const patch = await bed.request(
      'PATCH',
      `/api/v1/namespaces/default/pods/${name}`,
      { metadata: { labels: { tier: null, app: 'debug' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(patch.status).toBe(200);
    await bed.wait(20_000);
    const pods = await bed.pods();
    expect(pods).toHaveLength(4);
    const released = pods.find((p) => p.metadata.name === name);
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.status.phase).toBe('Running');
    expect(pods.filter((p) => p.metadata.labels.tier === 'frontend' && p.status.phase === 'Running')).toHaveLength(3);
  });
});

describe("the seed's quota exercise", () => {
  it('forbids a second pod under pods=1 with the real error, until the quota is raised', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'qingge' },
      spec: { hard: { pods: '1' } },
    };
    expect((await bed.request('POST', '/api/v1/namespaces/default/resourcequotas', quota)).status).toBe(201);
    await bed.wait(1_000);
    expect((await bed.request('POST', '/api/v1/namespaces/default/pods', POD('one'))).status).toBe(201);
    await bed.wait(20_000);
    const second = await bed.request('POST', '/api/v1/namespaces/default/pods', POD('two'));
    expect(second.status).toBe(403);
    expect(second.body.message).toBe(
      'pods "two" is forbidden: exceeded quota: qingge, requested: pods=1, used: pods=1, limited: pods=1',
    );
    const used = (await bed.request('GET', '/api/v1/namespaces/default/resourcequotas/qingge')).body.status;
    expect(used).toEqual({ hard: { pods: '1' }, used: { pods: '1' } });
    await bed.request(
      'PATCH',
      '/api/v1/namespaces/default/resourcequotas/qingge',
      { spec: { hard: { pods: '2' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await bed.wait(1_000);
    expect((await bed.request('POST', '/api/v1/namespaces/default/pods', POD('two'))).status).toBe(201);
    await bed.wait(20_000);
    expect(await states(bed)).toEqual(['one Running (unlabelled)', 'two Running (unlabelled)']);
  });
});
