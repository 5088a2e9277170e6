import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';
import { runFor, settle } from '../../tests/controllers';
import { TEST_EPOCH } from '../../tests/harness';
import { createApiHandler } from '../api/handler';
import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { ApiHandler, ResponseStream } from '../api/types';
import { VirtualClock } from '../clock';
import { RestClient } from '../client/rest-client';
import { CONFIGMAPS, PODS } from '../client/resources';
import { createSeededRng } from '../rng';
import { MemoryBackend } from '../storage/backend';
import { Store } from '../storage/store';
import { Informer, InformerFactory, isTombstone, objectKey } from './informer';

/** `namespace/name@resourceVersion` of each object, sorted. */
const summary = (objects: Iterable<KubeObject>): string[] =>
  [...objects].map((o) => `${objectKey(o)}@${o.metadata?.resourceVersion}`).sort();

/** A map kept only from what the handlers were told. */
function shadowOf(informer: Informer): { objects: Map<string, KubeObject>; tombstones: string[] } {
  const objects = new Map<string, KubeObject>();
  const tombstones: string[] = [];
  informer.addEventHandler({
    add: (o) => objects.set(objectKey(o), o),
    update: (_old, o) => objects.set(objectKey(o), o),
    delete: (o) => {
      objects.delete(objectKey(o));
      if (isTombstone(o)) tombstones.push(o.key);
    },
  });
  return { objects, tombstones };
}

const isWatch = (path: string): boolean => /[?&]watch=true/.test(path);

describe('Informer', () => {
  it('lists, then watches: cache and handlers equal the store after seeded random writes', async () => {
    const { api, clock, request } = await createTestApi();
    await request('POST', '/api/v1/namespaces', { metadata: { name: 'other' } });
    const client = new RestClient(api, { fieldValidation: 'Ignore' });
    const rng = createSeededRng('informer-fuzz');
    const maps = (ns: string) => client.resource<KubeObject>(CONFIGMAPS, ns);
    for (let i = 0; i < 5; i++) await maps('default').create({ metadata: { name: `pre-${i}` }, data: { i: `${i}` } });
    const informer = new Informer(client, CONFIGMAPS, clock, rng);
    const shadow = shadowOf(informer);
    expect(informer.hasSynced()).toBe(false);
    informer.start();
    await informer.waitForSync();
    expect(informer.hasSynced()).toBe(true);
    for (let step = 0; step < 300; step++) {
      const ns = rng.int(2) === 0 ? 'default' : 'other';
      const name = `cm-${rng.int(15)}`;
      const op = rng.int(3);
      try {
        if (op === 0) await maps(ns).create({ metadata: { name }, data: { step: `${step}` } });
        else if (op === 1) await maps(ns).patch(name, 'merge', { data: { step: `${step}` } });
        else await maps(ns).delete(name);
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
      }
      if (rng.int(4) === 0) await settle();
    }
    await settle();
    const stored = await client.resource<KubeObject>(CONFIGMAPS).list();
    expect(summary(informer.list())).toEqual(summary(stored.items));
    expect(summary(shadow.objects.values())).toEqual(summary(stored.items));
    expect(informer.list('other').every((o) => o.metadata?.namespace === 'other')).toBe(true);
    expect(informer.lastSyncResourceVersion()).not.toBe('');
    informer.stop();
  });

  it('lists again after a back-off when its watch comes back 410 Expired, with tombstones for what went', async () => {
    const clock = new VirtualClock(TEST_EPOCH);
    const rng = createSeededRng('informer-relist');
    const server = createApiHandler({ store: await Store.open(new MemoryBackend(), 5), clock, rng });
    let gate: Promise<void> | undefined;
    let open: () => void = () => {};
    const streams: ResponseStream[] = [];
    let lists = 0;
    const api: ApiHandler = async (request) => {
      if (isWatch(request.path)) {
        if (gate) await gate;
        const response = await server(request);
        if (response.stream) streams.push(response.stream);
        return response;
      }
      if (request.method === 'GET' && request.path.includes('/configmaps')) lists++;
      return server(request);
    };
    const client = new RestClient(api);
    await client
      .resource({ group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false })
      .create({
        metadata: { name: 'default' },
      });
    const maps = client.resource<KubeObject>(CONFIGMAPS, 'default');
    const informer = new Informer(client, CONFIGMAPS, clock, rng);
    const shadow = shadowOf(informer);
    informer.start();
    await settle();
    await maps.create({ metadata: { name: 'keep' } });
    await maps.create({ metadata: { name: 'gone' } });
    await settle();
    expect(informer.keys().sort()).toEqual(['default/gone', 'default/keep']);
    // The connection drops; the informer's next watch waits while the store moves on.
    gate = new Promise((resolve) => (open = resolve));
    streams.at(-1)?.close();
    await settle();
    await maps.delete('gone');
    for (let i = 0; i < 8; i++) await maps.create({ metadata: { name: `filler-${i}` } });
    await maps.patch('keep', 'merge', { data: { a: 'b' } });
    gate = undefined;
    open();
    await settle();
    expect(lists).toBe(1);
    expect(informer.get('default', 'gone')).toBeDefined();
    await runFor(clock, 1600);
    expect(lists).toBe(2);
    const stored = await maps.list();
    expect(summary(informer.list())).toEqual(summary(stored.items));
    expect(summary(shadow.objects.values())).toEqual(summary(stored.items));
    expect(shadow.tombstones).toEqual(['default/gone']);
    informer.stop();
  });

  it('watches again from where it was when the server ends a watch, with bookmarks and a timeout', async () => {
    const { api: server, clock } = await createTestApi();
    const watches: string[] = [];
    const api: ApiHandler = async (request) => {
      if (isWatch(request.path)) watches.push(request.path);
      return server(request);
    };
    const client = new RestClient(api);
    const informer = new Informer(client, CONFIGMAPS, clock, createSeededRng('informer-timeout'));
    informer.start();
    await settle();
    for (let minute = 0; minute < 25; minute++) {
      await client.resource<KubeObject>(CONFIGMAPS, 'default').create({ metadata: { name: `m-${minute}` } });
      await runFor(clock, 60_000);
    }
    expect(watches.length).toBeGreaterThanOrEqual(3);
    for (const path of watches) {
      expect(path).toContain('allowWatchBookmarks=true');
      const timeout = Number(/timeoutSeconds=(\d+)/.exec(path)?.[1]);
      expect(timeout).toBeGreaterThanOrEqual(300);
      expect(timeout).toBeLessThan(600);
    }
    const stored = await client.resource<KubeObject>(CONFIGMAPS).list();
    expect(summary(informer.list())).toEqual(summary(stored.items));
    informer.stop();
  });

  it('replays its cache to a handler added late, and indexes objects', async () => {
    const { api, clock } = await createTestApi();
    const client = new RestClient(api);
    await client.resource<KubeObject>(CONFIGMAPS, 'default').create({ metadata: { name: 'a', labels: { t: 'x' } } });
    const informer = new Informer(client, CONFIGMAPS, clock, createSeededRng('late'));
    informer.addIndexer('t', (o) => (o.metadata?.labels?.t ? [o.metadata.labels.t] : []));
    informer.start();
    await informer.waitForSync();
    const added: string[] = [];
    informer.addEventHandler({ add: (o, initial) => added.push(`${o.metadata?.name}:${initial}`) });
    expect(added).toContain('a:true');
    expect(informer.byIndex('t', 'x').map((o) => o.metadata?.name)).toEqual(['a']);
    await client.resource<KubeObject>(CONFIGMAPS, 'default').create({ metadata: { name: 'b', labels: { t: 'x' } } });
    await settle();
    expect(added).toContain('b:false');
    expect(
      informer
        .byIndex('t', 'x')
        .map((o) => o.metadata?.name)
        .sort(),
    ).toEqual(['a', 'b']);
    // An update that keeps the index value keeps the entry (with the new object); one that
    // changes it moves the key.
    const configMaps = client.resource<KubeObject>(CONFIGMAPS, 'default');
    await configMaps.patch('a', 'merge', { data: { k: 'v' } });
    await configMaps.patch('b', 'merge', { metadata: { labels: { t: 'y' } } });
    await settle();
    expect(informer.byIndex('t', 'x').map((o) => [o.metadata?.name, o.data])).toEqual([['a', { k: 'v' }]]);
    expect(informer.byIndex('t', 'y').map((o) => o.metadata?.name)).toEqual(['b']);
    informer.stop();
  });

  it('is shared: a factory gives one informer per resource', async () => {
    const { api, clock } = await createTestApi();
    const factory = new InformerFactory(new RestClient(api), clock, createSeededRng('factory'));
    expect(factory.informerFor(PODS)).toBe(factory.informerFor(PODS));
    factory.start();
    await factory.waitForCacheSync();
    expect(factory.informerFor(PODS).hasSynced()).toBe(true);
    factory.shutdown();
  });
});
