import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { Listener } from '../images/types';
import { PodNetwork, type ServiceRouting } from './cluster-network';
import { createContainerNetwork, DNS_QUERY_TIMEOUT_MS } from './container-network';
import { SYN_TIMEOUT_MS } from './host-network';
import { NetError, type Socket } from './socket';

const CLIENT = '10.244.0.4';

/** Everything the peer sends until it ends its side. */
async function readAll(socket: Socket): Promise<string> {
  let text = '';
  for await (const chunk of socket.input) text += chunk;
  return text;
}

/** A line server: answers each line in upper case, until the client ends. */
const shout: Listener = {
  protocol: 'TCP',
  accept: (socket) =>
    void (async () => {
      for await (const chunk of socket.input) socket.write(chunk.toUpperCase());
      socket.end();
    })(),
};

const hello: Listener = {
  protocol: 'TCP',
  http: (request) =>
    Promise.resolve({
      status: 200,
      headers: { Server: 'test' },
      body: `${request.method} ${request.path} from ${request.remoteAddress}\n`,
    }),
};

/** The cluster of these tests: the client pod, a pod with both servers, a service in front of it. */
function setup() {
  const clock = new VirtualClock(0);
  const pods = new PodNetwork();
  pods.addHost(CLIENT);
  pods.addHost('10.244.0.5');
  pods.listen('10.244.0.5', 7000, shout);
  pods.listen('10.244.0.5', 8080, hello);
  pods.listen('10.244.0.6', 53, {
    protocol: 'UDP',
    dns: (query, from) =>
      Promise.resolve({
        rcode: 'NOERROR',
        authoritative: true,
        answers: [{ name: query.name, type: 'A', ttl: 30, data: from }],
        authority: [],
      }),
  });
  const routing: ServiceRouting = {
    route: (ip, port, protocol) => {
      if (ip === '10.96.0.20' && port === 80 && protocol === 'TCP') return { address: '10.244.0.5', port: 8080 };
      if (ip === '10.96.0.10' && port === 53 && protocol === 'UDP') return { address: '10.244.0.6', port: 53 };
      if (ip === '10.96.0.30') return 'refused';
      return undefined;
    },
  };
  pods.setServiceRouting(routing);
  const net = createContainerNetwork({ pods, address: CLIENT, clock });
  return { clock, pods, net };
}

describe('a container network', () => {
  it('connects stream clients to stream servers, and to HTTP servers through an HTTP/1 adapter', async () => {
    const { net } = setup();
    const socket = await net.connect('10.244.0.5', 7000);
    expect([socket.localAddress, socket.localPort, socket.remoteAddress, socket.remotePort]).toEqual([
      CLIENT,
      32768,
      '10.244.0.5',
      7000,
    ]);
    socket.write('ping\n');
    socket.end();
    expect(await readAll(socket)).toBe('PING\n');

    const web = await net.connect('10.96.0.20', 80);
    web.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n');
    const replies = (await readAll(web)).replace(/Date: .*\r\n/g, '');
    expect(replies).toBe(
      'HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 23\r\n\r\nGET /a from 10.244.0.4\n' +
        'HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 23\r\n\r\nGET /b from 10.244.0.4\n',
    );
  });

  it('sends HTTP requests to HTTP servers, through services and on loopback', async () => {
    const { net, pods } = setup();
    const request = { method: 'GET', path: '/x', headers: {}, body: '' };
    expect(await net.http('10.96.0.20', 80, request)).toEqual({
      status: 200,
      headers: { Server: 'test' },
      body: 'GET /x from 10.244.0.4\n',
    });
    pods.listen(CLIENT, 9000, hello);
    expect((await net.http('127.0.0.1', 9000, request)).body).toBe('GET /x from 10.244.0.4\n');
  });

  it("keeps a server's own reason phrase both ways", async () => {
    const { net, pods } = setup();
    pods.listen('10.244.0.5', 8081, {
      protocol: 'TCP',
      http: () =>
        Promise.resolve({ status: 405, statusText: 'Not Allowed', headers: { 'Content-Length': '0' }, body: '' }),
    });
    const socket = await net.connect('10.244.0.5', 8081);
    socket.write('POST / HTTP/1.0\r\n\r\n');
    expect((await readAll(socket)).split('\r\n')[0]).toBe('HTTP/1.1 405 Not Allowed');
    pods.listen('10.244.0.5', 8082, {
      protocol: 'TCP',
      accept: (server) => server.write('HTTP/1.1 405 Not Allowed\r\nContent-Length: 0\r\n\r\n'),
    });
    expect(await net.http('10.244.0.5', 8082, { method: 'POST', path: '/', headers: {}, body: '' })).toEqual({
      status: 405,
      statusText: 'Not Allowed',
      headers: { 'Content-Length': '0' },
      body: '',
    });
  });

  it('speaks HTTP/1.1 to stream servers', async () => {
    const { net, pods } = setup();
    pods.listen('10.244.0.5', 9090, {
      protocol: 'TCP',
      accept: (socket) =>
        void (async () => {
          let text = '';
          for await (const chunk of socket.input) {
            text += chunk;
            if (text.includes('\r\n\r\n')) break;
          }
          socket.write(
            `HTTP/1.1 201 Created\r\nX-Seen: ${JSON.stringify(text.split('\r\n')[0])}\r\nContent-Length: 2\r\n\r\nok`,
          );
        })(),
    });
    expect(
      await net.http('10.244.0.5', 9090, { method: 'PUT', path: '/k', headers: { host: 'db' }, body: '' }),
    ).toEqual({
      status: 201,
      headers: { 'X-Seen': '"PUT /k HTTP/1.1"', 'Content-Length': '2' },
      body: 'ok',
    });
  });

  it('is refused by hosts without the port and by services without endpoints', async () => {
    const { net } = setup();
    await expect(net.connect('10.244.0.5', 81)).rejects.toEqual(new NetError('ECONNREFUSED', '10.244.0.5', 81));
    await expect(net.connect('10.96.0.30', 80)).rejects.toEqual(new NetError('ECONNREFUSED', '10.96.0.30', 80));
    await expect(net.connect('127.0.0.1', 80)).rejects.toEqual(new NetError('ECONNREFUSED', '127.0.0.1', 80));
  });

  it('times out on addresses no host has, after the SYN retries on the clock', async () => {
    const { net, clock } = setup();
    let settled: unknown;
    void net.connect('10.244.0.99', 80).catch((error: unknown) => (settled = error));
    clock.advance(SYN_TIMEOUT_MS - 1);
    await Promise.resolve();
    expect(settled).toBeUndefined();
    clock.advance(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(new NetError('ETIMEDOUT', '10.244.0.99', 80));
  });

  it('answers pings from hosts, not from service IPs or addresses nobody has', () => {
    const { net } = setup();
    expect(
      ['127.0.0.1', CLIENT, '10.244.0.5', '192.168.49.1', '10.96.0.20', '10.244.0.99'].map((ip) =>
        net.answersPing?.(ip),
      ),
    ).toEqual([true, true, true, true, false, false]);
  });

  it('asks DNS servers through services, and times out when none answers', async () => {
    const { net, clock } = setup();
    expect((await net.query('10.96.0.10', { name: 'x', type: 'A' })).answers).toEqual([
      { name: 'x', type: 'A', ttl: 30, data: CLIENT },
    ]);
    let settled: unknown;
    void net.query('10.96.0.99', { name: 'x', type: 'A' }).catch((error: unknown) => (settled = error));
    clock.advance(DNS_QUERY_TIMEOUT_MS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(new NetError('ETIMEDOUT', '10.96.0.99', 53));
  });
});
