import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../runtime/clock';
import { MemoryBackend } from '../../runtime/storage/backend';
import { TEST_EPOCH } from '../harness';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

/** Decoded JSON that tests read freely. */
type Json = any;

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const pod = (name: string, container: Json, spec: Json = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name, ...container }], ...spec },
});

async function status(bed: MinikubeTestbed, name: string): Promise<Json> {
  return (await bed.request('GET', `/api/v1/namespaces/default/pods/${name}`)).body.status;
}

async function started(bed: MinikubeTestbed, manifest: Json): Promise<void> {
  await bed.wait(10_000);
  expect((await bed.request('POST', '/api/v1/namespaces/default/pods', manifest)).status).toBe(201);
}

describe('the kubelet', () => {
  it('restarts a crashing container with the exponential back-off and reports CrashLoopBackOff', async () => {
    bed = await minikubeTestbed();
    await started(bed, pod('crash', { image: 'busybox', command: ['sh', '-c', 'echo boom; exit 3'] }));
    await bed.wait(12_000);
    let s = (await status(bed, 'crash')).containerStatuses[0];
    // The first restart is immediate; the second waits 10 s.
    expect(s.restartCount).toBe(1);
    expect(s.state.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: expect.stringMatching(
        /^back-off 10s restarting failed container=crash pod=crash_default\([0-9a-f-]{36}\)$/,
      ),
    });
    expect(s.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    await bed.wait(85_000);
    s = (await status(bed, 'crash')).containerStatuses[0];
    // Restarts follow crashes after 0, 10, 20 and 40 s: the fourth comes about 70 s in; the next waits 80 s.
    expect(s.restartCount).toBe(4);
    expect(s.state.waiting.message).toMatch(/^back-off 1m20s restarting/);
    const logs = await bed.request('GET', '/api/v1/namespaces/default/pods/crash/log?previous=true');
    expect(logs.text).toBe('boom\n');
    const events = (await bed.events()).filter((e) => e.involvedObject.name === 'crash');
    const backoff = events.find((e) => e.reason === 'BackOff');
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toMatch(/^Back-off restarting failed container crash in pod crash_default\(/);
    expect(backoff.involvedObject.fieldPath).toBe('spec.containers{crash}');
  });

  it('kills a container whose liveness probe fails, and starts it again', async () => {
    bed = await minikubeTestbed();
    await started(
      bed,
      pod('liveness', {
        image: 'busybox',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
    );
    await bed.wait(40_000);
    expect((await status(bed, 'liveness')).containerStatuses[0].restartCount).toBe(0);
    // Three failures 5 s apart, then SIGTERM, which sh as PID 1 ignores: SIGKILL after the 30 s grace.
    await bed.wait(60_000);
    const s = (await status(bed, 'liveness')).containerStatuses[0];
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const events = (await bed.events()).filter((e) => e.involvedObject.name === 'liveness');
    expect(events.find((e) => e.reason === 'Unhealthy').message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(events.find((e) => e.reason === 'Killing').message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    );
  });

  it('reports an image that does not exist as ErrImagePull, then ImagePullBackOff', async () => {
    bed = await minikubeTestbed();
    await started(bed, pod('typo', { image: 'nginxx' }));
    await bed.wait(3_000);
    const message =
      "Error response from daemon: pull access denied for nginxx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect((await status(bed, 'typo')).containerStatuses[0].state.waiting).toEqual({ reason: 'ErrImagePull', message });
    await bed.wait(10_000);
    expect((await status(bed, 'typo')).containerStatuses[0].state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginxx": ErrImagePull: ${message}`,
    });
    const events = (await bed.events())
      .filter((e) => e.involvedObject.name === 'typo')
      .map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain(`Failed: Failed to pull image "nginxx": ${message}`);
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "nginxx"');
    expect(events).toContain('Failed: Error: ImagePullBackOff');
  });

  it('runs a container to completion with restartPolicy Never: Succeeded, Completed, its log kept', async () => {
    bed = await minikubeTestbed();
    await started(
      bed,
      pod('once', { image: 'busybox', command: ['echo', 'hello from busybox'] }, { restartPolicy: 'Never' }),
    );
    await bed.wait(10_000);
    const s = await status(bed, 'once');
    expect(s.phase).toBe('Succeeded');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions.find((c: Json) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
    expect((await bed.request('GET', '/api/v1/namespaces/default/pods/once/log')).text).toBe('hello from busybox\n');
  });

  it("keeps a crash-looping container's restart count and back-off across a reload", async () => {
    const storage = new MemoryBackend();
    const first = await minikubeTestbed('before', storage);
    await first.wait(10_000);
    await first.request(
      'POST',
      '/api/v1/namespaces/default/pods',
      pod('crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] }),
    );
    await first.wait(40_000);
    const before = (await status(first, 'crash')).containerStatuses[0];
    expect(before.restartCount).toBe(3);
    await first.stop();
    // Ten minutes later the back-off has long run out: the container restarts at once, counting on.
    bed = await minikubeTestbed('after', storage, new VirtualClock(TEST_EPOCH + 50_000 + 600_000));
    await bed.wait(2_000);
    const after = (await status(bed, 'crash')).containerStatuses[0];
    expect(after.restartCount).toBe(4);
  });
});
