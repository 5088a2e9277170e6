import { describe, expect, it } from 'vitest';
import { TEST_EPOCH } from '../../tests/harness';
import { batchTestbed, cronJobManifest, jobManifest } from '../../tests/job-testbed';

const MINUTE = 60_000;
/** The Job name for the schedule time `minutes` after the test epoch (2026-01-01T00:00:00Z). */
const jobAt = (cronJob: string, minutes: number): string => `${cronJob}-${TEST_EPOCH / MINUTE + minutes}`;
const time = (minutes: number): string => new Date(TEST_EPOCH + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
const names = (items: any[]): string[] => items.map((i) => i.metadata.name);
const messages = (events: any[]): string[] => events.map((e) => e.message);

/** Finishes the pods of Job `job` (as its kubelet would) with `exitCode`. */
async function finishJob(bed: Awaited<ReturnType<typeof batchTestbed>>, job: string, exitCode: number): Promise<void> {
  for (const pod of await bed.pods(`job-name=${job}`)) {
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    await bed.runPod(pod.metadata.name);
    await bed.finishPod(pod.metadata.name, exitCode);
  }
  await bed.wait(2000);
}

describe('CronJob controller', () => {
  it("creates a Job every minute for '*/1 * * * *', waking itself on the clock", async () => {
    const bed = await batchTestbed(['cronjob']);
    const cronJob = await bed.create('cronjobs', cronJobManifest('hello', '*/1 * * * *'));
    await bed.wait(5 * MINUTE + 500);
    const jobs = await bed.jobs();
    expect(names(jobs)).toEqual([1, 2, 3, 4, 5].map((m) => jobAt('hello', m)));
    const first = jobs[0];
    expect(first.metadata.labels).toEqual({ app: 'hello' });
    expect(first.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': time(1) });
    expect(first.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'hello',
        uid: cronJob.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // Created 100 ms after the minute, so within its second.
    expect(first.metadata.creationTimestamp).toBe(time(1));
    const status = (await bed.cronJob('hello')).status;
    expect(status.lastScheduleTime).toBe(time(5));
    expect(status.active).toEqual(
      jobs.map((j) => ({
        kind: 'Job',
        namespace: 'default',
        name: j.metadata.name,
        uid: j.metadata.uid,
        apiVersion: 'batch/v1',
        resourceVersion: j.metadata.resourceVersion,
      })),
    );
    const events = await bed.events('CronJob');
    expect(events.map((e) => [e.type, e.reason, e.message])).toEqual(
      jobs.map((j) => ['Normal', 'SuccessfulCreate', `Created job ${j.metadata.name}`]),
    );
    expect(events[0].source).toEqual({ component: 'cronjob-controller' });
    expect(bed.errors).toEqual([]);
  });

  it('with Forbid, starts nothing while a Job runs, then the latest missed run once it completed', async () => {
    const bed = await batchTestbed(['cronjob', 'job']);
    await bed.create('cronjobs', cronJobManifest('tick', '*/1 * * * *', { concurrencyPolicy: 'Forbid' }));
    await bed.wait(MINUTE + 500);
    expect(names(await bed.jobs())).toEqual([jobAt('tick', 1)]);
    await bed.wait(2 * MINUTE);
    expect(names(await bed.jobs())).toEqual([jobAt('tick', 1)]);
    // The recorder folds the repeat into one event with a count.
    const refused = await bed.events('CronJob', 'JobAlreadyActive');
    expect(refused.map((e) => [e.type, e.message, e.count])).toEqual([
      ['Normal', 'Not starting job because prior execution is running and concurrency policy is Forbid', 2],
    ]);
    await finishJob(bed, jobAt('tick', 1), 0);
    const done = await bed.job(jobAt('tick', 1));
    // Once it sees the Job complete it starts the most recent missed run (minute 3) at once.
    expect(names(await bed.jobs())).toEqual([jobAt('tick', 1), jobAt('tick', 3)]);
    let cronJob = await bed.cronJob('tick');
    expect(cronJob.status.active.map((r: any) => r.name)).toEqual([jobAt('tick', 3)]);
    expect(cronJob.status.lastScheduleTime).toBe(time(3));
    expect(cronJob.status.lastSuccessfulTime).toBe(done.status.completionTime);
    expect(messages(await bed.events('CronJob', 'SawCompletedJob'))).toEqual([
      `Saw completed job: ${jobAt('tick', 1)}, condition: Complete`,
    ]);
    await finishJob(bed, jobAt('tick', 3), 0);
    await bed.wait(MINUTE);
    expect(names(await bed.jobs())).toEqual([jobAt('tick', 1), jobAt('tick', 3), jobAt('tick', 4)]);
    cronJob = await bed.cronJob('tick');
    expect(cronJob.status.lastScheduleTime).toBe(time(4));
  });

  it('with Replace, deletes the running Job before creating the next', async () => {
    const bed = await batchTestbed(['cronjob']);
    await bed.create('cronjobs', cronJobManifest('swap', '*/1 * * * *', { concurrencyPolicy: 'Replace' }));
    await bed.wait(2 * MINUTE + 500);
    expect(names(await bed.jobs())).toEqual([jobAt('swap', 2)]);
    expect(messages(await bed.events('CronJob', 'SuccessfulDelete'))).toEqual([`Deleted job ${jobAt('swap', 1)}`]);
  });

  it('keeps 3 successful and 1 failed Job, deleting the oldest', async () => {
    const bed = await batchTestbed(['cronjob', 'job']);
    await bed.create('cronjobs', cronJobManifest('ok', '*/1 * * * *'));
    const failing = cronJobManifest('bad', '*/1 * * * *');
    failing.spec.jobTemplate.spec = jobManifest('bad', { backoffLimit: 0 }).spec;
    await bed.create('cronjobs', failing);
    const until = (minutes: number) => bed.wait(TEST_EPOCH + minutes * MINUTE + 500 - bed.clock.now());
    for (let minute = 1; minute <= 5; minute++) {
      await until(minute);
      await finishJob(bed, jobAt('ok', minute), 0);
      await finishJob(bed, jobAt('bad', minute), 1);
    }
    await until(6);
    const jobs = names(await bed.jobs());
    expect(jobs.filter((n) => n.startsWith('ok-'))).toEqual([3, 4, 5, 6].map((m) => jobAt('ok', m)));
    expect(jobs.filter((n) => n.startsWith('bad-'))).toEqual([5, 6].map((m) => jobAt('bad', m)));
    const deleted = await bed.events('CronJob', 'SuccessfulDelete');
    expect(deleted.filter((e) => e.involvedObject.name === 'ok').map((e) => e.message)).toEqual([
      `Deleted job ${jobAt('ok', 1)}`,
      `Deleted job ${jobAt('ok', 2)}`,
    ]);
    expect(deleted.filter((e) => e.involvedObject.name === 'bad').map((e) => e.message)).toEqual(
      [1, 2, 3, 4].map((m) => `Deleted job ${jobAt('bad', m)}`),
    );
    expect(messages(await bed.events('CronJob', 'SawCompletedJob'))).toContain(
      `Saw completed job: ${jobAt('bad', 1)}, condition: Failed`,
    );
  });

  it('after 3 hours asleep starts only the most recent missed run, warning past 100 missed', async () => {
    const bed = await batchTestbed(['cronjob']);
    await bed.create('cronjobs', cronJobManifest('often', '*/1 * * * *'));
    await bed.create('cronjobs', cronJobManifest('hourly', '@hourly'));
    await bed.create('cronjobs', cronJobManifest('recent', '*/1 * * * *', { startingDeadlineSeconds: 200 }));
    await bed.wait();
    // The controller's timers all fire at once, as after the machine wakes: one sync each.
    bed.clock.advance(3 * 60 * MINUTE + 30_000);
    await bed.wait();
    expect(names(await bed.jobs()).sort()).toEqual(
      [jobAt('hourly', 180), jobAt('often', 180), jobAt('recent', 180)].sort(),
    );
    const warnings = await bed.events('CronJob', 'TooManyMissedTimes');
    expect(warnings.map((e) => [e.involvedObject.name, e.type, e.message])).toEqual([
      [
        'often',
        'Warning',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      ],
    ]);
    for (const name of ['often', 'hourly', 'recent']) {
      expect((await bed.cronJob(name)).status.lastScheduleTime).toBe(time(180));
    }
    // Back on schedule from there.
    await bed.wait(MINUTE);
    expect(names(await bed.jobs())).toContain(jobAt('often', 181));
  });

  it('stays idle while suspended', async () => {
    const bed = await batchTestbed(['cronjob']);
    await bed.create('cronjobs', cronJobManifest('paused', '*/1 * * * *', { suspend: true }));
    await bed.wait(3 * MINUTE);
    expect(await bed.jobs()).toEqual([]);
    await bed.patch('cronjobs', 'paused', { spec: { suspend: false } });
    await bed.wait();
    // Unsuspended, it starts the most recent missed run at once.
    expect(names(await bed.jobs())).toEqual([jobAt('paused', 3)]);
  });
});
