import { afterEach, describe, expect, it } from 'vitest';
import { PODS, REPLICASETS, DEPLOYMENTS } from '../../runtime/client/resources';
import { createSeededRng, type Rng } from '../../runtime/rng';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

// Seeded random sequences of what learners do — create, scale, roll out, relabel, delete, drain,
// add nodes — then the virtual clock runs until the cluster is quiet, and what it shows must
// add up: desired state is actual state, informer caches equal the store, owner chains hold.
// A seed that ever fails is added to REGRESSION_SEEDS and stays.

const REGRESSION_SEEDS: string[] = [];
const RANDOM_SEEDS = Array.from({ length: 16 }, (_, i) => `s${i}`);
const OPERATIONS = 40;

/** Decoded JSON that tests read freely. */
type Json = any;

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const MERGE = { 'content-type': 'application/merge-patch+json' };
const DEPLOY_PATH = '/apis/apps/v1/namespaces/default/deployments';

function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items.length ? items[rng.int(items.length)] : undefined;
}

function deployment(name: string, replicas: number, image: string): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

/** One random step; returns what it did, for the failure message. */
async function step(bed: MinikubeTestbed, rng: Rng, n: number): Promise<string> {
  const deployments: Json[] = (await bed.request('GET', DEPLOY_PATH)).body.items;
  const pods: Json[] = await bed.pods();
  const nodes: Json[] = (await bed.request('GET', '/api/v1/nodes')).body.items;
  const d = pick(rng, deployments);
  switch (rng.int(8)) {
    case 0: {
      const name = `d${n}`;
      await bed.request(
        'POST',
        DEPLOY_PATH,
        deployment(name, rng.int(5), pick(rng, ['nginx', 'nginx:1.29', 'redis'])!),
      );
      return `create ${name}`;
    }
    case 1:
      if (!d) return 'nothing to scale';
      await bed.request('PATCH', `${DEPLOY_PATH}/${d.metadata.name}`, { spec: { replicas: rng.int(6) } }, MERGE);
      return `scale ${d.metadata.name}`;
    case 2: {
      if (!d) return 'nothing to roll out';
      const image = pick(rng, ['nginx:1.27', 'nginx:1.29', 'nginx', 'redis:7'])!;
      const patch = { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } };
      await bed.request('PATCH', `${DEPLOY_PATH}/${d.metadata.name}`, patch, {
        'content-type': 'application/strategic-merge-patch+json',
      });
      return `roll out ${d.metadata.name} to ${image}`;
    }
    case 3: {
      const pod = pick(
        rng,
        pods.filter((p) => p.metadata.labels?.app && !p.metadata.deletionTimestamp),
      );
      if (!pod) return 'nothing to relabel';
      await bed.request(
        'PATCH',
        `/api/v1/namespaces/default/pods/${pod.metadata.name}`,
        { metadata: { labels: { app: 'debug' } } },
        MERGE,
      );
      return `relabel ${pod.metadata.name}`;
    }
    case 4: {
      const pod = pick(rng, pods);
      if (!pod) return 'nothing to delete';
      await bed.request('DELETE', `/api/v1/namespaces/default/pods/${pod.metadata.name}`);
      return `delete pod ${pod.metadata.name}`;
    }
    case 5:
      if (!d || rng.int(3) > 0) return 'keep deployments';
      await bed.request('DELETE', `${DEPLOY_PATH}/${d.metadata.name}`);
      return `delete ${d.metadata.name}`;
    case 6:
      if (nodes.length >= 3) return 'enough nodes';
      await bed.components.addNode();
      return 'add a node';
    default: {
      // Drain: cordon a worker node, evict its default-namespace pods, uncordon it later.
      const node = pick(
        rng,
        nodes.filter((x) => x.metadata.name !== 'minikube'),
      );
      if (!node) return 'no node to drain';
      const name = node.metadata.name;
      await bed.request('PATCH', `/api/v1/nodes/${name}`, { spec: { unschedulable: true } }, MERGE);
      for (const pod of pods.filter((p) => p.spec.nodeName === name)) {
        await bed.request('POST', `/api/v1/namespaces/default/pods/${pod.metadata.name}/eviction`, {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name: pod.metadata.name, namespace: 'default' },
        });
      }
      await bed.wait(rng.int(20_000));
      await bed.request('PATCH', `/api/v1/nodes/${name}`, { spec: { unschedulable: null } }, MERGE);
      return `drain ${name}`;
    }
  }
}

/** Everything that must add up once the cluster is quiet. */
async function checkInvariants(bed: MinikubeTestbed): Promise<void> {
  const deployments: Json[] = (await bed.request('GET', DEPLOY_PATH)).body.items;
  const replicaSets: Json[] = (await bed.request('GET', '/apis/apps/v1/namespaces/default/replicasets')).body.items;
  const pods: Json[] = await bed.pods();
  const byUid = new Map<string, Json>([...deployments, ...replicaSets].map((o) => [o.metadata.uid, o]));
  for (const d of deployments) {
    const want = d.spec.replicas;
    // Counts of zero are omitted, as Go's omitempty leaves them out.
    const counts = { replicas: want, updatedReplicas: want, readyReplicas: want, availableReplicas: want };
    const { replicas, updatedReplicas, readyReplicas, availableReplicas, observedGeneration } = d.status;
    expect(
      { replicas, updatedReplicas, readyReplicas, availableReplicas, observedGeneration },
      `status of ${d.metadata.name}`,
    ).toEqual({ ...(want ? counts : {}), observedGeneration: d.metadata.generation });
    const owned = replicaSets.filter((rs) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid);
    const active = owned.filter((rs) => rs.spec.replicas > 0);
    expect(active.length, `active ReplicaSets of ${d.metadata.name}`).toBeLessThanOrEqual(1);
    const running = pods.filter((p) => owned.some((rs) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid));
    expect(
      running.map((p) => p.status.phase),
      `pods of ${d.metadata.name}`,
    ).toEqual(Array(want).fill('Running'));
  }
  for (const object of [...replicaSets, ...pods]) {
    for (const ref of object.metadata.ownerReferences ?? []) {
      expect(byUid.get(ref.uid)?.metadata.name, `owner of ${object.metadata.name}`).toBe(ref.name);
    }
  }
  for (const pod of pods) {
    expect(pod.metadata.deletionTimestamp, `pod ${pod.metadata.name} still terminating`).toBeUndefined();
    expect(pod.status.phase, `phase of ${pod.metadata.name}`).toBe('Running');
  }
  // The controllers' shared informers hold what the store holds.
  for (const [ref, items] of [
    [PODS, pods],
    [REPLICASETS, replicaSets],
    [DEPLOYMENTS, deployments],
  ] as const) {
    const cached = bed.components.manager.informers
      .informerFor(ref)
      .list('default')
      .map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`)
      .sort();
    expect(cached, `informer cache of ${ref.resource}`).toEqual(
      items.map((o: Json) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort(),
    );
  }
}

describe('cluster invariants under random operations', () => {
  for (const seed of [...REGRESSION_SEEDS, ...RANDOM_SEEDS]) {
    it(`holds for seed ${seed}`, async () => {
      bed = await minikubeTestbed(`invariants-${seed}`);
      const rng = createSeededRng(seed);
      await bed.wait(30_000);
      const done: string[] = [];
      for (let n = 0; n < OPERATIONS; n++) {
        done.push(await step(bed, rng, n));
        await bed.wait(rng.int(15_000));
      }
      // Quiet: back-offs, rollouts and grace periods all run out well within ten minutes.
      await bed.wait(10 * 60_000);
      try {
        await checkInvariants(bed);
      } catch (error) {
        const deployments = (await bed.request('GET', DEPLOY_PATH)).body.items.map((d: Json) => ({
          name: d.metadata.name,
          spec: d.spec.replicas,
          status: d.status,
        }));
        throw new Error(
          `seed ${seed} after: ${done.join('; ')}\n${(error as Error).message}\n${JSON.stringify(deployments)}`,
          { cause: error },
        );
      }
      expect(bed.errors.filter((e) => !/the object has been modified|not found/.test(e.message))).toEqual([]);
    }, 120_000);
  }
});
