import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';
import { runFor, settle } from '../../tests/controllers';
import { TEST_EPOCH } from '../../tests/harness';
import type { KubeObject } from '../api/object';
import type { ApiHandler } from '../api/types';
import { RestClient } from '../client/rest-client';
import { EVENTS } from '../client/resources';
import { controllerUserAgent } from '../client/user-agent';
import { createSeededRng } from '../rng';
import { eventName, EventRecorder } from './events';

const RS: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend', namespace: 'default', uid: 'rs-uid', resourceVersion: '42' },
};

async function setup() {
  const test = await createTestApi();
  const client = new RestClient(test.api, {
    userAgent: controllerUserAgent('replicaset-controller'),
    fieldValidation: 'Ignore',
  });
  const recorder = new EventRecorder(client, test.clock, createSeededRng('events'), {
    component: 'replicaset-controller',
  });
  const events = async (): Promise<any[]> => {
    await recorder.flush();
    await settle();
    return (await client.resource<any>(EVENTS, 'default').list()).items;
  };
  return { ...test, recorder, events };
}

describe('EventRecorder', () => {
  it('names events <object>.<nanoseconds in hex> and writes the fields client-go writes', async () => {
    const { recorder, events, clock } = await setup();
    recorder.event(RS, 'Normal', 'SuccessfulCreate', 'Created pod: frontend-abcde');
    const [event] = await events();
    // The nanoseconds within the millisecond start at a random point, as real clocks differ.
    const nanos = BigInt(`0x${event.metadata.name.split('.')[1]}`);
    expect(nanos / 1_000_000n).toBe(BigInt(TEST_EPOCH));
    expect(event.metadata.name).toBe(eventName('frontend', clock.now(), Number(nanos % 1_000_000n)));
    expect(event).toMatchObject({
      involvedObject: {
        kind: 'ReplicaSet',
        namespace: 'default',
        name: 'frontend',
        uid: 'rs-uid',
        apiVersion: 'apps/v1',
        resourceVersion: '42',
      },
      reason: 'SuccessfulCreate',
      message: 'Created pod: frontend-abcde',
      source: { component: 'replicaset-controller' },
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'replicaset-controller',
      reportingInstance: '',
    });
    expect(event.metadata.managedFields[0].manager).toBe('kube-controller-manager');
  });

  it('gives events of the same millisecond different names', async () => {
    const { recorder, events } = await setup();
    recorder.event(RS, 'Normal', 'SuccessfulCreate', 'Created pod: a');
    recorder.event(RS, 'Normal', 'SuccessfulCreate', 'Created pod: b');
    const names = (await events()).map((e) => e.metadata.name);
    expect(new Set(names).size).toBe(2);
  });

  it('turns a repeat into a patch of count, lastTimestamp and message', async () => {
    const { recorder, events, clock } = await setup();
    const message = 'Error creating: pods "frontend-" is forbidden: exceeded quota';
    recorder.event(RS, 'Warning', 'FailedCreate', message);
    await recorder.flush();
    clock.advance(65_000);
    recorder.event(RS, 'Warning', 'FailedCreate', message);
    clock.advance(5_000);
    recorder.event(RS, 'Warning', 'FailedCreate', message);
    const all = await events();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      count: 3,
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:01:10Z',
      message,
    });
  });

  it('combines the tenth distinct message of one reason into "(combined from similar events)"', async () => {
    const { recorder, events } = await setup();
    for (let i = 0; i < 12; i++) recorder.event(RS, 'Normal', 'SuccessfulCreate', `Created pod: frontend-${i}`);
    const all = await events();
    expect(all).toHaveLength(10);
    const combined = all.filter((e) => e.message.startsWith('(combined from similar events): '));
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({
      count: 3,
      message: '(combined from similar events): Created pod: frontend-11',
      reportingComponent: '',
    });
  });

  it('drops events past a burst of 25 per object and type (the spam filter)', async () => {
    const { recorder, events } = await setup();
    for (let i = 0; i < 30; i++) recorder.event(RS, 'Warning', `Reason${i}`, 'same');
    expect(await events()).toHaveLength(25);
  });

  it('retries a write the connection lost, 10 s apart with the first wait jittered; a refusal is final', async () => {
    const test = await createTestApi();
    let failures = 2;
    const flaky: ApiHandler = async (request) => {
      if (request.method === 'POST' && request.path.includes('/events') && failures-- > 0)
        throw new Error('connection reset');
      return test.api(request);
    };
    const client = new RestClient(flaky, { fieldValidation: 'Ignore' });
    const recorder = new EventRecorder(client, test.clock, createSeededRng('retry'), {
      component: 'replicaset-controller',
    });
    recorder.event(RS, 'Normal', 'SuccessfulCreate', 'Created pod: frontend-abcde');
    await runFor(test.clock, 10_000);
    expect((await test.request('GET', '/api/v1/namespaces/default/events')).body.items).toHaveLength(0);
    await runFor(test.clock, 10_000);
    expect((await test.request('GET', '/api/v1/namespaces/default/events')).body.items).toHaveLength(1);
    // An event in a namespace that does not exist is refused (404) and dropped, not retried.
    recorder.event({ ...RS, metadata: { ...RS.metadata, namespace: 'nowhere' } }, 'Normal', 'X', 'y');
    await recorder.flush();
    expect(test.clock.nextTimerAt()).toBeUndefined();
  });
});
