import { describe, expect, it } from 'vitest';
import { batchTestbed, jobManifest } from '../../tests/job-testbed';
import { NAME_SUFFIX_ALPHABET } from '../rng';
import { formatIntervals, parseIntervals, withIndexes } from './job-util';

const indexOf = (pod: any): string => pod.metadata.annotations['batch.kubernetes.io/job-completion-index'];

describe('Indexed Jobs', () => {
  it('gives each pod its index (name, annotation, label, hostname, env) and tracks completedIndexes', async () => {
    const bed = await batchTestbed(['job']);
    await bed.create('jobs', jobManifest('sq', { completions: 4, parallelism: 2, completionMode: 'Indexed' }));
    await bed.wait();
    const first = await bed.pods();
    expect(first.map(indexOf).sort()).toEqual(['0', '1']);
    for (const pod of first) {
      const ix = indexOf(pod);
      expect(pod.metadata.name).toMatch(new RegExp(`^sq-${ix}-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      expect(pod.metadata.generateName).toBe(`sq-${ix}-`);
      expect(pod.metadata.labels['batch.kubernetes.io/job-completion-index']).toBe(ix);
      expect(pod.spec.hostname).toBe(`sq-${ix}`);
      // (A real API server also defaults the fieldRef's apiVersion to v1.)
      expect(pod.spec.containers[0].env).toMatchObject([
        {
          name: 'JOB_COMPLETION_INDEX',
          valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } },
        },
      ]);
    }
    const byIndex = (pods: any[], ix: string) => pods.find((p) => indexOf(p) === ix);
    await bed.runPod(byIndex(first, '1').metadata.name);
    await bed.finishPod(byIndex(first, '1').metadata.name, 0);
    await bed.wait(2000);
    let job = await bed.job('sq');
    expect(job.status).toMatchObject({ completedIndexes: '1', succeeded: 1, active: 2 });
    // The next pod takes the lowest pending index, 2.
    const second = await bed.pods();
    expect(second.map(indexOf).sort()).toEqual(['0', '1', '2']);
    await bed.finishPod(byIndex(second, '2').metadata.name, 0);
    await bed.wait(2000);
    expect((await bed.job('sq')).status).toMatchObject({ completedIndexes: '1,2', succeeded: 2 });
    // A failed pod's index is run again.
    await bed.finishPod(byIndex(second, '0').metadata.name, 1);
    await bed.wait(12_000);
    const third = (await bed.pods()).filter((p) => !p.status.phase || p.status.phase === 'Pending');
    expect(third.map(indexOf).sort()).toEqual(['0', '3']);
    for (const pod of third) await bed.finishPod(pod.metadata.name, 0);
    await bed.wait(2000);
    job = await bed.job('sq');
    expect(job.status).toMatchObject({ completedIndexes: '0-3', succeeded: 4, failed: 1, ready: 0 });
    expect(job.status.conditions.map((c: any) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  it('writes index sets as upstream: runs of two with a comma, longer runs with a dash', () => {
    const intervals = withIndexes(parseIntervals('1,3-5', 10), [0, 7, 8]);
    expect(formatIntervals(intervals)).toBe('0,1,3-5,7,8');
    expect(formatIntervals(parseIntervals('0-20', 5))).toBe('0-4');
  });
});

describe('TTL-after-finished controller', () => {
  it('deletes a finished Job ttlSecondsAfterFinished after it completed (foreground)', async () => {
    const bed = await batchTestbed(['job', 'ttl-after-finished']);
    await bed.create('jobs', jobManifest('once', { ttlSecondsAfterFinished: 100 }));
    await bed.wait();
    const [pod] = await bed.pods();
    await bed.runPod(pod.metadata.name);
    await bed.finishPod(pod.metadata.name, 0);
    await bed.wait(2000);
    const done = await bed.job('once');
    expect(done.status.conditions.map((c: any) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    await bed.wait(97_000);
    expect((await bed.job('once')).metadata.deletionTimestamp).toBeUndefined();
    await bed.wait(2000);
    const deleted = await bed.job('once');
    // No garbage collector runs here: the Job waits on its foregroundDeletion finalizer.
    expect(deleted.metadata.deletionTimestamp).toBeDefined();
    expect(deleted.metadata.finalizers).toEqual(['foregroundDeletion']);
  });
});
