// pods/log, pods/exec, pods/attach and the proxies, against a stand-in for the kubelet and the pod
// network: the API server's side of the connection (container and node lookup, options, errors).
import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';
import { decodeUtf8, encodeUtf8 } from '../util/utf8';
import {
  connectionRefused,
  type ClusterNetwork,
  type ContainerTarget,
  type KubeletServer,
  type LogOptions,
  type StreamSession,
} from './node-connection';
import type { ApiRequest } from './types';

/** A kubelet that echoes what it was asked, so the tests can see what reached it. */
class KubeletDouble implements KubeletServer {
  logs: Array<[ContainerTarget, LogOptions]> = [];
  requests: ApiRequest[] = [];
  logReply = { status: 200, headers: {}, body: 'line 1\nline 2\n' };

  async containerLogs(target: ContainerTarget, options: LogOptions) {
    this.logs.push([target, options]);
    return this.logReply;
  }
  async exec(target: ContainerTarget, options: { command: string[] }): Promise<StreamSession> {
    const text = `${target.container}: ${options.command.join(' ')}\n`;
    return {
      stdin: () => {},
      resize: () => {},
      output: (async function* () {
        yield [1, new Uint8Array(encodeUtf8(text))] as [1, Uint8Array];
      })(),
      result: Promise.resolve({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 0 }),
      close: () => {},
    };
  }
  attach(target: ContainerTarget): Promise<StreamSession> {
    return this.exec(target, { command: ['attach'] });
  }
  async serve(request: ApiRequest) {
    this.requests.push(request);
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
  }
}

function network(kubelet?: KubeletDouble): ClusterNetwork & { calls: Array<[string, number, ApiRequest]> } {
  const calls: Array<[string, number, ApiRequest]> = [];
  return {
    calls,
    kubelet: (address, port) => (address === '192.168.49.2' && port === 10250 ? kubelet : undefined),
    async http(ip, port, request) {
      calls.push([ip, port, request]);
      if (ip !== '10.244.0.5' || port !== 80) throw connectionRefused(ip, port);
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<h1>Welcome to nginx!</h1>' };
    },
  };
}

const NODE = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'minikube' },
  status: {
    addresses: [
      { type: 'InternalIP', address: '192.168.49.2' },
      { type: 'Hostname', address: 'minikube' },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
  },
};

/** A cluster with node minikube, pod `web` on it (IP 10.244.0.5) and `pending` on no node. */
async function setup(kubelet?: KubeletDouble) {
  const net = network(kubelet);
  const t = await createTestApi(undefined, net);
  expect((await t.request('POST', '/api/v1/nodes', NODE)).status).toBe(201);
  const web = podManifest('web', {
    spec: {
      nodeName: 'minikube',
      containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }],
    },
  });
  expect((await t.request('POST', '/api/v1/namespaces/default/pods', web)).status).toBe(201);
  const status = await t.request(
    'PATCH',
    '/api/v1/namespaces/default/pods/web/status',
    { status: { phase: 'Running', podIP: '10.244.0.5' } },
    { 'content-type': 'application/merge-patch+json' },
  );
  expect(status.status).toBe(200);
  await t.request('POST', '/api/v1/namespaces/default/pods', podManifest('pending'));
  const text = async (path: string, headers: Record<string, string> = {}) => {
    const response = await t.api({ method: 'GET', path, headers });
    return { status: response.status, headers: response.headers, body: response.body };
  };
  return { ...t, net, text };
}

describe('pods/log', () => {
  it('asks the kubelet of the pod’s node for the container’s log, with the options', async () => {
    const kubelet = new KubeletDouble();
    const { text } = await setup(kubelet);
    const reply = await text('/api/v1/namespaces/default/pods/web/log?tailLines=2&timestamps=true&follow=');
    expect(reply).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'line 1\nline 2\n' });
    expect(kubelet.logs).toEqual([
      [
        { namespace: 'default', pod: 'web', container: 'nginx' },
        { follow: true, previous: false, timestamps: true, tailLines: 2, stream: 'All' },
      ],
    ]);
  });

  it('is empty for a pod that no node has taken', async () => {
    const { text } = await setup(new KubeletDouble());
    expect(await text('/api/v1/namespaces/default/pods/pending/log')).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: '',
    });
  });

  it('relays the kubelet’s refusal as a BadRequest', async () => {
    const kubelet = new KubeletDouble();
    kubelet.logReply = {
      status: 400,
      headers: {},
      body: 'container "nginx" in pod "web" is waiting to start: ContainerCreating',
    };
    const { request } = await setup(kubelet);
    expect((await request('GET', '/api/v1/namespaces/default/pods/web/log')).body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'container "nginx" in pod "web" is waiting to start: ContainerCreating',
      reason: 'BadRequest',
      details: { name: 'web', kind: 'pods/log' },
      code: 400,
    });
  });

  it('says how the dial to an absent kubelet failed', async () => {
    const { request } = await setup();
    const reply = await request('GET', '/api/v1/namespaces/default/pods/web/log?timestamps=1&tailLines=5');
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Get "https://192.168.49.2:10250/containerLogs/default/web/nginx?tailLines=5&timestamps=true": dial tcp 192.168.49.2:10250: connect: connection refused',
      code: 500,
    });
  });

  it('names the containers to choose from, and refuses unknown ones and bad options', async () => {
    const { request } = await setup(new KubeletDouble());
    const two = podManifest('two', {
      spec: {
        initContainers: [{ name: 'setup', image: 'busybox' }],
        containers: [
          { name: 'app', image: 'nginx' },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    });
    await request('POST', '/api/v1/namespaces/default/pods', two);
    const message = async (path: string) => (await request('GET', path)).body.message;
    expect(await message('/api/v1/namespaces/default/pods/two/log')).toBe(
      'a container name must be specified for pod two, choose one of: [app sidecar] or one of the init containers: [setup]',
    );
    expect((await request('GET', '/api/v1/namespaces/default/pods/two/log?container=setup')).status).toBe(200);
    expect(await message('/api/v1/namespaces/default/pods/web/log?container=redis')).toBe(
      'container redis is not valid for pod web',
    );
    expect(await message('/api/v1/namespaces/default/pods/nope/log')).toBe('pods "nope" not found');
    expect(await message('/api/v1/namespaces/default/pods/web/log?tailLines=-1')).toBe(
      'PodLogOptions "web" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(await message('/api/v1/namespaces/default/pods/web/log?sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z')).toBe(
      'PodLogOptions "web" is invalid: : Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified',
    );
    expect(await message('/api/v1/namespaces/default/pods/web/log?limitBytes=0')).toBe(
      'PodLogOptions "web" is invalid: limitBytes: Invalid value: 0: must be greater than 0',
    );
  });
});

describe('pods/exec and pods/attach', () => {
  const upgrade = { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-protocol': 'v5.channel.k8s.io' };

  it('upgrades to a session with the kubelet', async () => {
    const { api } = await setup(new KubeletDouble());
    const reply = await api({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/web/exec?command=ls&command=-l&stdout=true&stderr=true',
      headers: upgrade,
    });
    expect(reply.status).toBe(101);
    expect(reply.headers['sec-websocket-protocol']).toBe('v5.channel.k8s.io');
    const chunks: string[] = [];
    for await (const [channel, data] of reply.session?.output ?? []) chunks.push(`${channel}:${decodeUtf8(data)}`);
    expect(chunks).toEqual(['1:nginx: ls -l\n']);
    expect((await reply.session?.result)?.status).toBe('Success');
  });

  it('refuses what cannot be upgraded or reached, with the real texts', async () => {
    const { request } = await setup();
    const exec = '/api/v1/namespaces/default/pods/web/exec?command=ls&stdout=true';
    expect((await request('GET', exec)).body).toMatchObject({ code: 400, message: 'Upgrade request required' });
    expect((await request('GET', exec, undefined, upgrade)).body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'error dialing backend: dial tcp 192.168.49.2:10250: connect: connection refused',
      code: 500,
    });
    expect(
      (await request('GET', '/api/v1/namespaces/default/pods/pending/attach?stdout=true', undefined, upgrade)).body,
    ).toMatchObject({ code: 400, reason: 'BadRequest', message: 'pod pending does not have a host assigned' });
  });
});

describe('proxies', () => {
  it('relay a pod’s answer, redirect an empty path, and report a refused dial', async () => {
    const { text, net, request } = await setup(new KubeletDouble());
    expect(await text('/api/v1/namespaces/default/pods/web/proxy/?x=1', { accept: 'text/html' })).toEqual({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Welcome to nginx!</h1>',
    });
    expect(net.calls.map(([ip, port, r]) => [ip, port, r.path])).toEqual([['10.244.0.5', 80, '/?x=1']]);
    expect(await text('/api/v1/namespaces/default/pods/web/proxy?x=1')).toEqual({
      status: 301,
      headers: { location: '/api/v1/namespaces/default/pods/web/proxy/?x=1' },
      body: '',
    });
    expect((await request('GET', '/api/v1/namespaces/default/pods/web:8080/proxy/')).body).toMatchObject({
      code: 503,
      reason: 'ServiceUnavailable',
      message: 'error trying to reach service: dial tcp 10.244.0.5:8080: connect: connection refused',
    });
    expect((await request('GET', '/api/v1/namespaces/default/pods/pending/proxy/')).body).toMatchObject({
      code: 400,
      message: 'address not allowed',
    });
    expect((await request('GET', '/api/v1/namespaces/default/pods/a:b:c:d/proxy/')).body.message).toBe(
      'invalid pod request "a:b:c:d"',
    );
  });

  it('send a service’s traffic to a ready endpoint of the port asked for', async () => {
    const { text, request } = await setup(new KubeletDouble());
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 8000, targetPort: 80 }] },
    };
    await request('POST', '/api/v1/namespaces/default/services', service);
    expect((await request('GET', '/api/v1/namespaces/default/services/web:81/proxy/')).body.message).toBe(
      'no service port 81 found for service "web"',
    );
    expect((await request('GET', '/api/v1/namespaces/default/services/web:8000/proxy/')).body.message).toBe(
      'endpoints "web" not found',
    );
    const endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web' },
      subsets: [{ addresses: [{ ip: '10.244.0.5' }], ports: [{ name: 'http', port: 80 }] }],
    };
    await request('POST', '/api/v1/namespaces/default/endpoints', endpoints);
    expect((await text('/api/v1/namespaces/default/services/web:8000/proxy/')).body).toBe('<h1>Welcome to nginx!</h1>');
    expect((await text('/api/v1/namespaces/default/services/http:web:http/proxy/')).status).toBe(200);
  });

  it('reach the node’s kubelet', async () => {
    const kubelet = new KubeletDouble();
    const { text } = await setup(kubelet);
    expect(await text('/api/v1/nodes/minikube/proxy/healthz')).toMatchObject({ status: 200, body: 'ok' });
    expect(kubelet.requests.map((r) => r.path)).toEqual(['/healthz']);
  });
});
