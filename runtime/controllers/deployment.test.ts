import { describe, expect, it } from 'vitest';
import { deploymentManifest, deploymentTestbed, type DeploymentTestbed } from '../../tests/deployment-testbed';
import { computeHash } from './pod-template-hash';

const HASH = /^nginx-[456789bcdf]{1,10}$/;
const REVISION = 'deployment.kubernetes.io/revision';
const sizes = async (bed: DeploymentTestbed): Promise<Record<string, number>> =>
  Object.fromEntries((await bed.replicaSets()).map((rs) => [rs.metadata.name, rs.spec.replicas]));
const conditions = (d: any) =>
  Object.fromEntries(d.status.conditions.map((c: any) => [c.type, `${c.status} ${c.reason}: ${c.message}`]));

describe('Deployment controller', () => {
  it('creates one ReplicaSet named by the template hash, and reports status and conditions', async () => {
    const bed = await deploymentTestbed();
    const created = await bed.create(deploymentManifest('nginx', 3));
    await bed.wait();
    const [rs] = await bed.replicaSets();
    const hash = computeHash(created.spec.template);
    expect(rs.metadata.name).toBe(`nginx-${hash}`);
    expect(rs.metadata.name).toMatch(HASH);
    expect(rs.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'nginx', 'pod-template-hash': hash } });
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'nginx',
        uid: created.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      [REVISION]: '1',
    });
    const pods = await bed.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) expect(pod.metadata.name).toMatch(new RegExp(`^nginx-${hash}-[a-z0-9]{5}$`));
    let d = await bed.deployment('nginx');
    expect(d.metadata.annotations).toEqual({ [REVISION]: '1' });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(conditions(d)).toEqual({
      Available: 'False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
      Progressing: `True ReplicaSetUpdated: ReplicaSet "nginx-${hash}" is progressing.`,
    });
    await bed.runPods();
    await bed.wait();
    d = await bed.deployment('nginx');
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: '2026-01-01T00:00:00Z',
          lastTransitionTime: '2026-01-01T00:00:00Z',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: '2026-01-01T00:00:00Z',
          lastTransitionTime: '2026-01-01T00:00:00Z',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "nginx-${hash}" has successfully progressed.`,
        },
      ],
    });
    const events = await bed.events();
    expect(events.map((e) => e.message)).toEqual([`Scaled up replica set nginx-${hash} from 0 to 3`]);
    expect(events[0]).toMatchObject({
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      source: { component: 'deployment-controller' },
      involvedObject: { kind: 'Deployment', name: 'nginx', apiVersion: 'apps/v1', uid: created.metadata.uid },
    });
  });

  it('rolls out a new image within maxSurge and maxUnavailable, step by step', async () => {
    const bed = await deploymentTestbed();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } };
    await bed.create(deploymentManifest('nginx', 4, { strategy }));
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    const [old] = await bed.replicaSets();
    await bed.patch('nginx', {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    await bed.wait();
    const next = (await bed.replicaSets()).find((rs) => rs.metadata.name !== old.metadata.name);
    const oldName = old.metadata.name;
    const newName = next.metadata.name;
    expect(newName).toMatch(HASH);
    expect(next.metadata.annotations[REVISION]).toBe('2');
    // One old pod may go unavailable and one new pod may surge: 3 old and 2 new (5 in all).
    expect(await sizes(bed)).toEqual({ [oldName]: 3, [newName]: 2 });
    const history: Array<Record<string, number>> = [];
    for (let step = 0; step < 6; step++) {
      const current = await sizes(bed);
      history.push(current);
      expect(current[oldName] + current[newName]).toBeLessThanOrEqual(5);
      const ready = (await bed.pods()).filter(
        (p) =>
          !p.metadata.deletionTimestamp &&
          p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'),
      );
      expect(ready.length).toBeGreaterThanOrEqual(3);
      if (current[oldName] === 0 && current[newName] === 4) break;
      await bed.runPods(`${newName}-`);
      await bed.wait(1000);
    }
    expect(await sizes(bed)).toEqual({ [oldName]: 0, [newName]: 4 });
    expect(history).toEqual([
      { [oldName]: 3, [newName]: 2 },
      { [oldName]: 1, [newName]: 4 },
      { [oldName]: 0, [newName]: 4 },
    ]);
    await bed.runPods(`${newName}-`);
    await bed.wait(1000);
    const d = await bed.deployment('nginx');
    expect(d.metadata.annotations[REVISION]).toBe('2');
    expect((await bed.replicaSets()).map((rs) => rs.metadata.annotations[REVISION])).toEqual(['1', '2']);
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    expect(conditions(d).Progressing).toBe(
      `True NewReplicaSetAvailable: ReplicaSet "${newName}" has successfully progressed.`,
    );
    expect((await bed.events()).map((e) => e.message)).toEqual([
      `Scaled up replica set ${oldName} from 0 to 4`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 4 to 3`,
      `Scaled up replica set ${newName} from 1 to 2`,
      // The two new pods become available one ReplicaSet status at a time.
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 3 to 4`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
  });

  it('Recreate: scales the old ReplicaSet to 0 and starts the new one once its pods are gone', async () => {
    const bed = await deploymentTestbed();
    await bed.create(deploymentManifest('web', 2, { strategy: { type: 'Recreate' } }));
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    const [old] = await bed.replicaSets();
    await bed.patch('web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    await bed.wait(1000);
    // The old pods are terminating; no new ReplicaSet yet.
    let rss = await bed.replicaSets();
    expect(rss.map((rs) => [rs.metadata.name, rs.spec.replicas])).toEqual([[old.metadata.name, 0]]);
    expect((await bed.pods()).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    await bed.finishTerminating();
    await bed.wait(1000);
    rss = await bed.replicaSets();
    expect(rss.map((rs) => rs.spec.replicas)).toEqual([0, 2]);
    expect(rss[1].metadata.annotations[REVISION]).toBe('2');
    const messages = (await bed.events()).map((e) => e.message);
    expect(messages).toEqual([
      `Scaled up replica set ${old.metadata.name} from 0 to 2`,
      `Scaled down replica set ${old.metadata.name} from 2 to 0`,
      `Scaled up replica set ${rss[1].metadata.name} from 0 to 2`,
    ]);
  });
});
