import { describe, expect, it } from 'vitest';
import { deploymentManifest, deploymentTestbed, type DeploymentTestbed } from '../../tests/deployment-testbed';

const REVISION = 'deployment.kubernetes.io/revision';
const image = (tag: string) => ({ spec: { template: { spec: { containers: [{ name: 'nginx', image: tag }] } } } });
const sizes = async (bed: DeploymentTestbed): Promise<number[]> =>
  (await bed.replicaSets()).map((rs) => rs.spec.replicas);
const progressing = async (bed: DeploymentTestbed, name: string) =>
  (await bed.deployment(name)).status.conditions.find((c: any) => c.type === 'Progressing');

describe('Deployment controller: scaling, pausing, deadlines, history', () => {
  it('scales proportionally across ReplicaSets during a rollout', async () => {
    const bed = await deploymentTestbed();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    await bed.create(deploymentManifest('nginx', 10, { strategy }));
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    // The new pods never become ready: the rollout stalls at 8 old and 5 new (10 + 3 surge).
    await bed.patch('nginx', image('nginx:broken'));
    await bed.wait(1000);
    expect(await sizes(bed)).toEqual([8, 5]);
    await bed.patch('nginx', { spec: { replicas: 20 } });
    await bed.wait(1000);
    // 23 allowed, 13 there: +10 split by size as max-replicas 13 says: 8·23/13 ≈ 14, 5·23/13 ≈ 9.
    expect(await sizes(bed)).toEqual([14, 9]);
    const [old, next] = await bed.replicaSets();
    for (const rs of [old, next]) {
      expect(rs.metadata.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '20',
        'deployment.kubernetes.io/max-replicas': '23',
      });
    }
    const messages = (await bed.events()).map((e) => e.message);
    expect(messages.slice(-2)).toEqual([
      `Scaled up replica set ${old.metadata.name} from 8 to 14`,
      `Scaled up replica set ${next.metadata.name} from 5 to 9`,
    ]);
    await bed.patch('nginx', { spec: { replicas: 5 } });
    await bed.wait(1000);
    // 8 allowed, 23 there: −15, the larger (older on a tie) first: 14·8/23 ≈ 5, 9·8/23 ≈ 3.
    // (The rollout then goes on from there, as far as availability allows.)
    const after = (await bed.events()).map((e) => e.message);
    const i = after.indexOf(`Scaled down replica set ${old.metadata.name} from 14 to 5`);
    expect(i).toBeGreaterThan(0);
    expect(after[i + 1]).toBe(`Scaled down replica set ${next.metadata.name} from 9 to 3`);
  });

  it('pauses (no rollout, Progressing Unknown) and resumes', async () => {
    const bed = await deploymentTestbed();
    await bed.create(deploymentManifest('nginx', 2));
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    await bed.patch('nginx', { spec: { paused: true } });
    await bed.wait();
    expect(await progressing(bed, 'nginx')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    await bed.patch('nginx', image('nginx:1.27'));
    await bed.wait(60_000);
    expect(await sizes(bed)).toEqual([2]);
    // Scaling still works while paused.
    await bed.patch('nginx', { spec: { replicas: 3 } });
    await bed.wait(1000);
    expect(await sizes(bed)).toEqual([3]);
    await bed.patch('nginx', { spec: { paused: false } });
    await bed.wait(1000);
    const rss = await bed.replicaSets();
    expect(rss).toHaveLength(2);
    expect(rss[1].metadata.annotations[REVISION]).toBe('2');
    const condition = await progressing(bed, 'nginx');
    expect(condition.status).toBe('True');
    expect(['NewReplicaSetCreated', 'ReplicaSetUpdated']).toContain(condition.reason);
  });

  it('reports ProgressDeadlineExceeded once no progress is made for progressDeadlineSeconds', async () => {
    const bed = await deploymentTestbed();
    await bed.create(deploymentManifest('nginx', 3, { progressDeadlineSeconds: 30 }));
    await bed.wait();
    const [rs] = await bed.replicaSets();
    await bed.wait(20_000);
    expect((await progressing(bed, 'nginx')).reason).toBe('ReplicaSetUpdated');
    await bed.wait(12_000);
    expect(await progressing(bed, 'nginx')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
    const available = (await bed.deployment('nginx')).status.conditions.find((c: any) => c.type === 'Available');
    expect(available).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    // Progress after the deadline: the rollout completes and says so.
    await bed.runPods();
    await bed.wait(1000);
    expect(await progressing(bed, 'nginx')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('keeps revisionHistoryLimit old ReplicaSets and deletes older idle ones', async () => {
    const bed = await deploymentTestbed();
    await bed.create(deploymentManifest('nginx', 1, { revisionHistoryLimit: 1 }));
    for (const tag of ['nginx:1.25', 'nginx:1.26', 'nginx:1.27']) {
      await bed.wait();
      await bed.runPods();
      await bed.wait(1000);
      await bed.patch('nginx', image(tag));
      await bed.wait(1000);
      await bed.runPods();
      await bed.wait(1000);
      await bed.finishTerminating();
      await bed.wait(1000);
    }
    const rss = await bed.replicaSets();
    expect(rss.map((rs) => [rs.metadata.annotations[REVISION], rs.spec.replicas])).toEqual([
      ['3', 0],
      ['4', 1],
    ]);
    expect((await bed.deployment('nginx')).metadata.annotations[REVISION]).toBe('4');
  });
});
