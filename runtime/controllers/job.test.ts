import { describe, expect, it } from 'vitest';
import { batchTestbed, jobManifest } from '../../tests/job-testbed';
import { NAME_SUFFIX_ALPHABET } from '../rng';
import { formatTime } from '../util/time';

const names = (pods: any[]): string[] => pods.map((p) => p.metadata.name);
const active = (pods: any[]): any[] =>
  pods.filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status.phase));

describe('Job controller', () => {
  it('runs completions 3 with parallelism 2: two pods, then one, then Complete', async () => {
    const bed = await batchTestbed(['job']);
    const created = await bed.create('jobs', jobManifest('pi', { completions: 3, parallelism: 2 }));
    const start = formatTime(bed.clock.now());
    await bed.wait();
    const first = await bed.pods();
    expect(first).toHaveLength(2);
    const uid = created.metadata.uid;
    for (const pod of first) {
      expect(pod.metadata.name).toMatch(new RegExp(`^pi-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      expect(pod.metadata.generateName).toBe('pi-');
      expect(pod.metadata.labels).toEqual({
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': 'pi',
        'controller-uid': uid,
        'job-name': 'pi',
      });
      expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect((await bed.job('pi')).status).toEqual({
      startTime: start,
      active: 2,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    });
    for (const pod of first) await bed.runPod(pod.metadata.name);
    await bed.wait(2000);
    expect((await bed.job('pi')).status).toMatchObject({ active: 2, ready: 2 });

    await bed.wait(10_000);
    await bed.finishPod(first[0].metadata.name, 0);
    await bed.wait(2000);
    const second = await bed.pods();
    expect(second).toHaveLength(3);
    const done = second.find((p) => p.metadata.name === first[0].metadata.name);
    expect(done.metadata.finalizers ?? []).toEqual([]);
    expect((await bed.job('pi')).status).toMatchObject({ active: 2, succeeded: 1, uncountedTerminatedPods: {} });
    const third = second.find((p) => !names(first).includes(p.metadata.name));
    await bed.runPod(third.metadata.name);

    await bed.wait(10_000);
    await bed.finishPod(first[1].metadata.name, 0);
    await bed.wait(2000);
    // Two of three succeeded and one still runs: no new pod.
    expect(await bed.pods()).toHaveLength(3);
    await bed.finishPod(third.metadata.name, 0);
    await bed.wait(2000);
    const finished = formatTime(bed.clock.now() - 1000);
    const job = await bed.job('pi');
    const condition = (type: string) => ({
      type,
      status: 'True',
      lastProbeTime: finished,
      lastTransitionTime: finished,
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    expect(job.status).toEqual({
      conditions: [condition('SuccessCriteriaMet'), condition('Complete')],
      startTime: start,
      completionTime: finished,
      succeeded: 3,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    });
    for (const pod of await bed.pods()) expect(pod.metadata.finalizers ?? []).toEqual([]);
    const events = await bed.events('Job');
    expect(events.map((e) => [e.type, e.reason, e.message])).toEqual([
      ...names(first).map((n) => ['Normal', 'SuccessfulCreate', `Created pod: ${n}`]),
      ['Normal', 'SuccessfulCreate', `Created pod: ${third.metadata.name}`],
      ['Normal', 'Completed', 'Job completed'],
    ]);
    expect(events[0].source).toEqual({ component: 'job-controller' });
    expect(bed.errors).toEqual([]);
  });

  it('fails with BackoffLimitExceeded after backoffLimit 2, recreating pods 10 s and 20 s after failures', async () => {
    const bed = await batchTestbed(['job']);
    await bed.create('jobs', jobManifest('flaky', { backoffLimit: 2 }));
    await bed.wait();
    const createdAt: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const pods = active(await bed.pods());
      expect(pods).toHaveLength(1);
      createdAt.push(Date.parse(pods[0].metadata.creationTimestamp));
      await bed.runPod(pods[0].metadata.name);
      await bed.wait(5000);
      await bed.finishPod(pods[0].metadata.name, 1);
      const failedAt = bed.clock.now();
      // Within the back-off nothing replaces the failed pod.
      const delay = 10_000 * 2 ** attempt;
      if (attempt < 2) {
        await bed.wait(delay - 1500);
        expect(active(await bed.pods())).toHaveLength(0);
        await bed.wait(2500);
        expect(active(await bed.pods())).toHaveLength(1);
        const replacement = active(await bed.pods())[0];
        expect(Date.parse(replacement.metadata.creationTimestamp) - failedAt).toBeGreaterThanOrEqual(delay - 1000);
      } else {
        await bed.wait(2000);
      }
    }
    const job = await bed.job('flaky');
    expect(job.status.failed).toBe(3);
    expect(job.status.active).toBeUndefined();
    expect(job.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(job.status.completionTime).toBeUndefined();
    const warnings = await bed.events('Job', 'BackoffLimitExceeded');
    expect(warnings.map((e) => [e.type, e.message])).toEqual([
      ['Warning', 'Job has reached the specified backoff limit'],
    ]);
    expect(await bed.pods()).toHaveLength(3);
  });

  it('fails with DeadlineExceeded past activeDeadlineSeconds, deleting the running pod first', async () => {
    const bed = await batchTestbed(['job']);
    await bed.create('jobs', jobManifest('slow', { activeDeadlineSeconds: 30 }));
    await bed.wait();
    const [pod] = await bed.pods();
    await bed.runPod(pod.metadata.name);
    await bed.wait(29_000);
    expect((await bed.job('slow')).status.conditions).toBeUndefined();
    await bed.wait(1500);
    const terminating = await bed.pods();
    expect(terminating[0].metadata.deletionTimestamp).toBeDefined();
    let job = await bed.job('slow');
    expect(job.status.conditions.map((c: any) => c.type)).toEqual(['FailureTarget']);
    expect(job.status).toMatchObject({ failed: 1, terminating: 1 });
    const deleted = await bed.events('Job', 'SuccessfulDelete');
    expect(deleted.map((e) => e.message)).toEqual([`Deleted pod: ${pod.metadata.name}`]);
    // The kubelet stops the container; only then is the Job Failed.
    await bed.killTerminating();
    await bed.wait(2000);
    job = await bed.job('slow');
    expect(job.status.conditions.map((c: any) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
      ['Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
    ]);
    expect(job.status).toMatchObject({ failed: 1, terminating: 0, ready: 0 });
    const warnings = await bed.events('Job', 'DeadlineExceeded');
    expect(warnings.map((e) => [e.type, e.message])).toEqual([
      ['Warning', 'Job was active longer than specified deadline'],
    ]);
  });

  it('suspends (deleting its pods) and resumes', async () => {
    const bed = await batchTestbed(['job']);
    await bed.create('jobs', jobManifest('later', { parallelism: 2, completions: 2 }));
    await bed.wait();
    expect(await bed.pods()).toHaveLength(2);
    await bed.patch('jobs', 'later', { spec: { suspend: true } });
    await bed.wait(2000);
    expect(await bed.pods()).toEqual([]);
    let job = await bed.job('later');
    expect(job.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Suspended', 'True', 'JobSuspended', 'Job suspended'],
    ]);
    expect(job.status.active).toBeUndefined();
    await bed.wait(60_000);
    await bed.patch('jobs', 'later', { spec: { suspend: false } });
    await bed.wait(2000);
    expect(active(await bed.pods())).toHaveLength(2);
    job = await bed.job('later');
    expect(job.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
    expect(job.status.startTime).toBe(formatTime(bed.clock.now() - 2000));
    expect((await bed.events('Job')).map((e) => e.reason)).toEqual([
      'SuccessfulCreate',
      'SuccessfulCreate',
      'SuccessfulDelete',
      'SuccessfulDelete',
      'Suspended',
      'SuccessfulCreate',
      'SuccessfulCreate',
      'Resumed',
    ]);
  });
});
