// The web images learners run, each program on a fake process: its start-up log, its replies
// and its per-request log lines, at exact times on the virtual clock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGNHOST } from './agnhost';
import { KUBERNETES_BOOTCAMP } from './bootcamp';
import { lookupImage } from './catalog';
import { CURL_IMAGE } from './curl-image';
import { fakeProcess } from './fake-process';
import { HTTP_ECHO } from './http-echo';
import { HTTPD, HTTPD_VERSION, IT_WORKS } from './httpd';
import type { ContainerNetwork, HttpRequest, ImageModule, Listener } from './types';
import { listenerEndpoint } from '../network/host-network-http';
import { NetError } from '../network/socket';
import { VirtualClock } from '../clock';

const get = (path: string, headers: Record<string, string> = {}): HttpRequest => ({
  method: 'GET',
  path,
  headers: { host: '10.244.0.5:8080', 'user-agent': 'curl/8.17.0', ...headers },
  body: '',
  remoteAddress: '10.244.0.1',
});

/** A network that reaches nothing (for programs that only serve). */
const NO_NET: ContainerNetwork = {
  address: '10.244.0.5',
  connect: () => Promise.reject(new Error('no network')),
  http: () => Promise.reject(new Error('no network')),
  query: () => Promise.reject(new Error('no network')),
};

/** Runs `argv` (the image's entrypoint and command by default) on the image's files and programs. */
function start(image: ImageModule, argv?: string[], env: Record<string, string> = {}, net?: ContainerNetwork) {
  const command = argv ?? [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
  const process = fakeProcess(command, {
    files: image.files(),
    programs: image.programs,
    env: { ...image.config.env, ...env },
    net,
  });
  const program = image.programs[command[0]] ?? image.programs[command[0].split('/').pop() ?? ''];
  const status = program(process.ctx);
  return { ...process, status };
}

describe('gcr.io/google-samples/kubernetes-bootcamp', () => {
  it('logs its start, answers on 8080 with its version, and logs each request', async () => {
    const image = lookupImage('gcr.io/google-samples/kubernetes-bootcamp:v1');
    if (!image.ok) throw new Error(image.message);
    const app = start(image.image.module, ['node', 'server.js'], { HOSTNAME: 'kubernetes-bootcamp-658f6cbd58-t9vft' });
    expect(app.stdout()).toBe(
      'Kubernetes Bootcamp App Started At: 2026-01-01T00:00:00.000Z | Running On:  kubernetes-bootcamp-658f6cbd58-t9vft \n\n',
    );
    app.clock.advance(1611113);
    const reply = await app.listeners.get(8080)?.http?.(get('/'));
    expect(reply?.body).toBe('Hello Kubernetes bootcamp! | Running on: kubernetes-bootcamp-658f6cbd58-t9vft | v=1\n');
    expect(reply?.headers['Content-Type']).toBe('text/plain');
    expect(app.stdout().split('\n\n')[1]).toBe(
      'Running On: kubernetes-bootcamp-658f6cbd58-t9vft | Total Requests: 1 | App Uptime: 1611.113 seconds | Log Time: 2026-01-01T00:26:51.113Z\n',
    );
    app.signal('SIGTERM');
    expect(await app.status).toBe(143);
  });

  it('answers v=2 from the :v2 tag', async () => {
    const image = lookupImage('gcr.io/google-samples/kubernetes-bootcamp:v2');
    if (!image.ok) throw new Error(image.message);
    const app = start(image.image.module, ['/bin/sh', '-c', 'node server.js'], { HOSTNAME: 'v2' });
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await app.listeners.get(8080)?.http?.(get('/')))?.body).toBe(
      'Hello Kubernetes bootcamp! | Running on: v2 | v=2\n',
    );
    expect(KUBERNETES_BOOTCAMP.config.cmd).toEqual(['/bin/sh', '-c', 'node server.js']);
  });
});

describe('httpd', () => {
  /** Debian's Apache run with the image's kind of configuration (scripts/oracle/record-httpd.ts). */
  const RECORDED = JSON.parse(
    readFileSync(new URL('../../tests/fixtures/httpd/results.json', import.meta.url), 'utf8'),
  ) as {
    stdout: string;
    stderr: string;
    replies: { path: string; method: string; status: number; headers: [string, string][]; body: string }[];
  };
  const normalise = (text: string): string =>
    text
      .replaceAll(`Apache/${HTTPD_VERSION}`, 'Apache/<version>')
      .replace(/\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\]/g, '[<time>]')
      .replace(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[<time>]');

  it('logs, answers and stops as Apache does, replies byte for byte', async () => {
    const httpd = start(HTTPD, undefined, {}, { ...NO_NET, address: '127.0.0.1' });
    for (const recorded of RECORDED.replies) {
      const reply = await httpd.listeners
        .get(80)
        ?.http?.({ ...get(recorded.path), method: recorded.method, remoteAddress: '127.0.0.1' });
      expect(reply?.status).toBe(recorded.status);
      expect(
        Object.entries(reply?.headers ?? {}).map(([name, value]) => [
          name,
          name === 'Date' ? '<date>' : normalise(value),
        ]),
      ).toEqual(recorded.headers);
      expect(reply?.body).toBe(recorded.body);
    }
    httpd.signal('SIGTERM');
    await httpd.status;
    expect(normalise(httpd.stdout())).toBe(RECORDED.stdout);
    expect(normalise(httpd.stderr())).toBe(RECORDED.stderr);
    expect(IT_WORKS).toBe(RECORDED.replies[0].body);
  });
});

describe('hashicorp/http-echo', () => {
  it('echoes its -text with its headers, logs each request, and exits 2 on SIGTERM', async () => {
    const echo = start(HTTP_ECHO, ['/http-echo', '-text=hello']);
    expect(echo.stderr()).toBe('2026/01/01 00:00:00 [INFO] server is listening on :5678\n');
    const reply = await echo.listeners.get(5678)?.http?.(get('/', { host: 'echo:5678' }));
    expect(reply?.body).toBe('hello\n');
    expect(Object.keys(reply?.headers ?? {})).toEqual([
      'Content-Length',
      'Content-Type',
      'Date',
      'X-App-Name',
      'X-App-Version',
    ]);
    expect(echo.stdout()).toMatch(
      /^2026\/01\/01 00:00:00 echo:5678 10\.244\.0\.1:\d+ "GET \/ HTTP\/1\.1" 200 6 "curl\/8\.17\.0" [\d.]+µs\n$/,
    );
    echo.signal('SIGTERM');
    expect(await echo.status).toBe(2);
    expect(echo.stderr()).toContain('[INFO] received interrupt, shutting down...\n');
  });

  it('says what it misses without a text', async () => {
    const echo = start(HTTP_ECHO, ['/http-echo'], { ECHO_TEXT: '' });
    expect(await echo.status).toBe(127);
    expect(echo.stderr()).toBe('Missing -text option or ECHO_TEXT env var!\n');
  });
});

describe('agnhost', () => {
  it('netexec answers /hostname, /echo and /clientip on 8080 and logs each', async () => {
    const agnhost = start(AGNHOST, ['/agnhost', 'netexec', '--http-port=8080']);
    const http = agnhost.listeners.get(8080)?.http;
    expect((await http?.(get('/hostname')))?.body).toBe('web');
    expect((await http?.(get('/echo?msg=hello+there')))?.body).toBe('hello there');
    expect((await http?.(get('/clientip')))?.body).toMatch(/^10\.244\.0\.1:\d+$/);
    expect(agnhost.stderr()).toBe(
      '2026/01/01 00:00:00 Started HTTP server on port 8080\n' +
        '2026/01/01 00:00:00 Started UDP server on port  8081\n' +
        '2026/01/01 00:00:00 GET /hostname\n' +
        '2026/01/01 00:00:00 GET /echo?msg=hello there&code=\n' +
        '2026/01/01 00:00:00 GET /clientip\n',
    );
  });

  it('serve-hostname answers its hostname on 9376; pause prints Paused', async () => {
    const serve = start(AGNHOST, ['/agnhost', 'serve-hostname']);
    expect((await serve.listeners.get(9376)?.http?.(get('/')))?.body).toBe('web');
    expect(serve.stderr()).toMatch(
      /^2026\/01\/01 00:00:00 Serving on port 9376\.\n2026\/01\/01 00:00:00 HTTP request from 10\.244\.0\.1:\d+\n$/,
    );
    const pause = start(AGNHOST, ['/agnhost', 'pause']);
    expect(pause.stdout()).toBe('Paused\n');
    pause.signal('SIGTERM');
    expect(await pause.status).toBe(2);
  });
});

describe('curlimages/curl', () => {
  it('puts curl in front of options and prints what the server answered', async () => {
    const server = (ip: string, port: number): Listener => ({
      protocol: 'TCP',
      http: (request) =>
        Promise.resolve({
          status: 200,
          headers: { 'Content-Type': 'text/plain' },
          body: `${request.method} ${ip}:${port}${request.path} ${request.headers['user-agent']}\n`,
        }),
    });
    const net: ContainerNetwork = {
      address: '10.244.0.9',
      connect: () => Promise.reject(new Error('unused')),
      http: () => Promise.reject(new Error('unused')),
      dial: (ip, port) =>
        Promise.resolve({
          address: ip,
          port,
          ...listenerEndpoint(server(ip, port), '10.244.0.9', new VirtualClock(0)),
        }),
      query: () => Promise.reject(new Error('unused')),
    };
    const curl = start(CURL_IMAGE, ['/entrypoint.sh', '-s', 'http://10.244.0.5:5678/'], {}, net);
    expect(await curl.status).toBe(0);
    expect(curl.stdout()).toBe('GET 10.244.0.5:5678/ curl/8.17.0\n');
    const failing = start(
      CURL_IMAGE,
      ['/entrypoint.sh', '-sS', 'http://10.244.0.5:81/'],
      {},
      {
        ...net,
        dial: (ip, port) => Promise.reject(new NetError('ECONNREFUSED', ip, port)),
      },
    );
    expect(await failing.status).toBe(7);
    expect(failing.stderr()).toBe(
      'curl: (7) Failed to connect to 10.244.0.5 port 81 after 0 ms: Could not connect to server\n',
    );
  });

  it('fails to resolve a name nothing answers for, as curl 8 says', async () => {
    const curl = start(CURL_IMAGE, ['/entrypoint.sh', '-sS', 'http://nowhere/']);
    expect(await curl.status).toBe(6);
    expect(curl.stderr()).toBe('curl: (6) Could not resolve host: nowhere\n');
  });
});
