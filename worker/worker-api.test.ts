import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../runtime/storage/backend';
import { STORE_SCHEMA } from '../runtime/storage/schema';
import { createWorkerApi, type SessionListener } from './worker-api';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function listener() {
  const received = { output: '', exits: [] as number[] };
  const l: SessionListener = { output: (data) => (received.output += data), exit: (code) => received.exits.push(code) };
  return { l, received };
}

describe('the worker API', () => {
  it('opens sessions that prompt, take input and answer', async () => {
    const api = createWorkerApi(Promise.resolve({ backend: new MemoryBackend() }));
    const { l, received } = listener();
    const id = await api.openSession(l, 80);
    expect(received.output).toContain('learner@kubeplay');
    // kubectl's code loads after the first prompt (the worker starts loading it then); here it
    // is loaded up front, so its first run finds it and answers within the turn.
    await import('../runtime/kubectl/kubectl');
    api.input(id, 'kubectl version --client\r');
    for (let turn = 0; turn < 20 && !received.output.includes('Kustomize Version'); turn++) await settle();
    expect(received.output).toContain('Client Version: v1.34.5\r\nKustomize Version: v5.7.1\r\n');
  });

  it('reports a session exit and ignores input to it afterwards', async () => {
    const api = createWorkerApi(Promise.resolve({ backend: new MemoryBackend() }));
    const { l, received } = listener();
    const id = await api.openSession(l, 80);
    api.input(id, 'exit 4\r');
    await settle();
    expect(received.exits).toEqual([4]);
    const before = received.output;
    api.input(id, 'echo gone\r');
    await settle();
    expect(received.output).toBe(before);
  });

  it('closes a session whose tab went away: no more output, no exit report', async () => {
    const api = createWorkerApi(Promise.resolve({ backend: new MemoryBackend() }));
    const { l, received } = listener();
    const id = await api.openSession(l, 80);
    api.input(id, 'sleep 100\r');
    await settle();
    api.closeSession(id);
    const before = received.output;
    api.input(id, 'echo gone\r');
    await settle();
    expect(received.output).toBe(before);
    expect(received.exits).toEqual([]);
  });

  it('tells the learner when storage is not IndexedDB', async () => {
    const api = createWorkerApi(Promise.resolve({ backend: new MemoryBackend(), warning: 'no storage' }));
    const { l, received } = listener();
    await api.openSession(l, 80);
    expect(received.output.startsWith('\x1b[33mkubeplay: no storage\x1b[0m\r\n')).toBe(true);
  });

  it('runs a new cluster, and says so, when the saved one was written by a newer kubeplay', async () => {
    const saved = new MemoryBackend();
    await saved.commit([{ key: 'meta/schema', value: STORE_SCHEMA + 1 }]);
    const api = createWorkerApi(Promise.resolve({ backend: saved }));
    const { l, received } = listener();
    await api.openSession(l, 80);
    expect(received.output).toContain(
      `\x1b[33mkubeplay: the saved cluster could not be opened (the saved cluster has storage schema ${STORE_SCHEMA + 1}, newer than this kubeplay's ${STORE_SCHEMA}); this tab runs a new one and keeps nothing.\x1b[0m\r\n`,
    );
    expect(await saved.scan('')).toEqual([['meta/schema', STORE_SCHEMA + 1]]);
  });
});
