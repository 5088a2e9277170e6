// The parts of conf.d the simulated nginx follows: listen, server_name, root and index, read at
// start and again on `nginx -s reload`.
import { describe, expect, it } from 'vitest';
import { fakeProcess } from '../fake-process';
import { NGINX } from '../nginx';
import type { HttpRequest } from '../types';
import { masterOf } from './master';
import { DEFAULT_SERVER, readServerConfig } from './server-config';

const CUSTOM = `# a learner's ConfigMap
server {
    listen 8080;
    listen [::]:8080;
    server_name web.local;
    location / {
        root /data/www;   # the app
        index home.html;
    }
}
`;

const get = (path: string): HttpRequest => ({
  method: 'GET',
  path,
  headers: { host: 'web' },
  body: '',
  remoteAddress: '10.244.0.1',
});

describe("nginx's server configuration", () => {
  it("reads the image's default.conf as the defaults", () => {
    const process = fakeProcess(['nginx'], { files: NGINX.files() });
    expect(readServerConfig(process.ctx.fs)).toEqual(DEFAULT_SERVER);
  });

  it('serves the root, index and port of a changed default.conf, and picks up changes on reload', async () => {
    const files = {
      ...NGINX.files(),
      '/etc/nginx/conf.d/default.conf': CUSTOM,
      '/data/www/home.html': '<p>home</p>\n',
    };
    const process = fakeProcess(['nginx', '-g', 'daemon off;'], { files });
    const status = NGINX.programs.nginx(process.ctx);
    expect(process.listeners.has(80)).toBe(false);
    const reply = await process.listeners.get(8080)?.http?.(get('/'));
    expect(reply?.body).toBe('<p>home</p>\n');
    process.ctx.fs.mkdir('/data/www/docs');
    expect((await process.listeners.get(8080)?.http?.(get('/docs')))?.headers.Location).toBe('http://web:8080/docs/');
    const missing = await process.listeners.get(8080)?.http?.(get('/nothing'));
    expect(missing?.status).toBe(404);
    expect(process.stderr()).toContain(
      '*3 open() "/data/www/nothing" failed (2: No such file or directory), client: 10.244.0.1, server: web.local, request: "GET /nothing HTTP/1.1", host: "web"\n',
    );
    process.ctx.fs.writeFile('/etc/nginx/conf.d/default.conf', CUSTOM.replace('listen 8080;', 'listen 9090;'));
    masterOf(process.ctx.fs)?.signal('SIGHUP', 40);
    expect([...process.listeners.keys()]).toEqual([9090]);
    masterOf(process.ctx.fs)?.signal('SIGQUIT');
    expect(await status).toBe(0);
    expect(process.listeners.size).toBe(0);
    expect(process.ctx.fs.exists('/run/nginx.pid')).toBe(false);
  });
});
