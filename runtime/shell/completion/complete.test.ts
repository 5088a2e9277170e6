import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../api/client';
import { VirtualClock } from '../../clock';
import { createCluster } from '../../cluster';
import { createSeededRng } from '../../rng';
import { MemoryBackend } from '../../storage/backend';
import type { ShellCommand } from '../command';
import { Volume } from '../fs/volume';
import { complete } from './complete';
import { lineWords } from './words';

async function setup() {
  const { api } = await createCluster({
    clock: new VirtualClock(Date.UTC(2026, 0, 1)),
    rng: createSeededRng('completion'),
    storage: new MemoryBackend(),
  });
  const create = (path: string, body: object) =>
    api({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const pod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
  for (const name of ['nginx-7d9f8c6b5-abcde', 'nginx-7d9f8c6b5-fghij', 'redis-0']) {
    await create('/api/v1/namespaces/default/pods', pod(name));
  }
  await create('/api/v1/namespaces/kube-system/pods', pod('coredns-66bc5c9577-x7k2p'));
  const fs = new Volume({
    '/home/learner/pod.yaml': 'x',
    '/home/learner/manifests/web.yaml': 'y',
    '/home/learner/.bashrc': '',
  });
  const command = (name: string): ShellCommand => ({ name, summary: '', run: async () => 0 });
  const commands = new Map(['kubectl', 'minikube', 'cat', 'clear'].map((n) => [n, command(n)]));
  const ctx = { services: { commands, api: new ApiClient(api), fs }, cwd: '/home/learner', home: '/home/learner' };
  return (before: string) => complete(before, ctx);
}

describe('Tab completion', () => {
  it('splits the line as readline does: quotes held together, a new command after | or ;', () => {
    expect(lineWords('kubectl get "my pod')).toEqual({ words: ['kubectl', 'get', 'my pod'], raw: '"my pod' });
    expect(lineWords('cat x | kubectl ap')).toEqual({ words: ['kubectl', 'ap'], raw: 'ap' });
    expect(lineWords('kubectl get ')).toEqual({ words: ['kubectl', 'get', ''], raw: '' });
  });

  it('completes command names, then kubectl subcommands, resource types and live pod names', async () => {
    const at = await setup();
    expect(await at('ku')).toEqual({ word: 'ku', candidates: ['kubectl'] });
    expect((await at('kubectl ap')).candidates).toEqual(['api-resources', 'api-versions', 'apply']);
    expect((await at('kubectl get deploy')).candidates).toEqual(['deployments.apps']);
    expect((await at('kubectl get pods ng')).candidates).toEqual(['nginx-7d9f8c6b5-abcde', 'nginx-7d9f8c6b5-fghij']);
    expect((await at('kubectl get po ')).candidates).toEqual([
      'nginx-7d9f8c6b5-abcde',
      'nginx-7d9f8c6b5-fghij',
      'redis-0',
    ]);
    expect((await at('kubectl logs r')).candidates).toEqual(['redis-0']);
  });

  it('completes namespaces after -n, and names in that namespace', async () => {
    const at = await setup();
    expect((await at('kubectl -n kube-')).candidates).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect((await at('kubectl get pods -n kube-system c')).candidates).toEqual(['coredns-66bc5c9577-x7k2p']);
  });

  it('completes minikube subcommands and file names, directories with a slash, dot files only when asked', async () => {
    const at = await setup();
    expect((await at('minikube st')).candidates).toEqual(['start', 'status', 'stop']);
    expect(await at('cat ')).toEqual({
      word: '',
      candidates: ['manifests/', 'pod.yaml'],
      display: ['manifests/', 'pod.yaml'],
    });
    expect(await at('cat manifests/w')).toEqual({
      word: 'manifests/w',
      candidates: ['manifests/web.yaml'],
      display: ['web.yaml'],
    });
    expect((await at('cat .b')).candidates).toEqual(['.bashrc']);
    expect((await at('kubectl apply -f p')).candidates).toEqual(['pod.yaml']);
  });
});
