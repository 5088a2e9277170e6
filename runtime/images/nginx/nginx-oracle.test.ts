// nginx against the real one: each case of tests/fixtures/nginx/cases.ts, recorded from nginx
// with the image's configuration by scripts/oracle/record-nginx.ts, replayed through the
// simulated server on the same files at the same instant; the start-up, reload and shutdown log
// and the command line's texts likewise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Volume } from '../../shell/fs/volume';
import { NGINX_CASES } from '../../../tests/fixtures/nginx/cases';
import { fakeProcess } from '../fake-process';
import { NGINX, NGINX_INDEX_HTML } from '../nginx';
import type { HttpRequest, HttpResponse } from '../types';
import { logLine } from './error-log';
import { IMAGE_FILE_MTIME, NGINX_50X_HTML } from './html';
import { masterOf } from './master';
import { serveRequest } from './static-server';
import { OS_LINE } from './version';

interface Recorded {
  packagedIndexHtml: string;
  requests: { name: string; response: string; accessLog: string; errorLog: string }[];
  lifecycle: Record<'SIGQUIT' | 'SIGTERM', string>;
  cli: { args: string[]; stdout: string; stderr: string; status: number }[];
}

const RECORDED = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/nginx/results.json', import.meta.url), 'utf8'),
) as Recorded;
/** The instant the recorder normalises its dates to. */
const NOW = Date.UTC(2026, 0, 1);
const identical: string[] = [];

/** A raw HTTP/1.1 request as the traffic model hands it to a listener. */
function parseRequest(raw: string): HttpRequest {
  const end = raw.indexOf('\r\n\r\n');
  const [requestLine, ...lines] = raw.slice(0, end).split('\r\n');
  const [method, path] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, path, headers, body: raw.slice(end + 4), remoteAddress: '127.0.0.1' };
}

/** The reply as bytes on the wire. */
function wire(response: HttpResponse): string {
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${response.status} ${response.statusText}\r\n${headers.join('')}\r\n${response.body}`;
}

describe('nginx replays the real nginx', () => {
  it("serves the packaged welcome page's bytes", () => {
    expect(NGINX_INDEX_HTML).toBe(RECORDED.packagedIndexHtml);
    identical.push('index.html');
  });

  for (const [index, testCase] of NGINX_CASES.entries()) {
    it(testCase.name, () => {
      const recorded = RECORDED.requests[index];
      expect(recorded.name).toBe(testCase.name);
      const fs = new Volume();
      const files = {
        '/index.html': { data: NGINX_INDEX_HTML, mtime: IMAGE_FILE_MTIME },
        '/50x.html': { data: NGINX_50X_HTML, mtime: IMAGE_FILE_MTIME },
        ...testCase.files,
      };
      for (const [path, file] of Object.entries(files)) {
        const full = `/usr/share/nginx/html${path}`;
        if (path.endsWith('/')) fs.mkdir(full.slice(0, -1));
        else {
          fs.writeFile(full, file.data);
          fs.utimes(full, file.mtime);
        }
      }
      const served = serveRequest(fs, parseRequest(testCase.raw), NOW, 1);
      let errors = '';
      for (const error of served.errors) logLine({ write: (text) => void (errors += text) }, NOW, 'error', 29, error);
      expect(wire(served.response)).toBe(recorded.response);
      expect(served.accessLog).toBe(recorded.accessLog);
      expect(errors).toBe(recorded.errorLog);
      identical.push(testCase.name);
    });
  }

  for (const signal of ['SIGQUIT', 'SIGTERM'] as const) {
    it(`logs its start, a reload and a ${signal} shutdown`, async () => {
      const process = fakeProcess(['nginx', '-g', 'daemon off; worker_processes 1;'], {
        files: NGINX.files(),
        programs: NGINX.programs,
      });
      const status = NGINX.programs.nginx(process.ctx);
      const master = masterOf(process.ctx.fs);
      master?.signal('SIGHUP', 999);
      master?.signal(signal, 999);
      expect(await status).toBe(0);
      const log = process
        .stderr()
        .replaceAll('from 999,', 'from <sender>,')
        // Debian's own build does not name its compiler; the recorded machine's kernel and limits differ.
        .replace(/^.*\[notice\] 1#1: built by .*\n/m, '')
        .replace(`OS: ${OS_LINE}`, 'OS: Linux <kernel>')
        .replace('getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'getrlimit(RLIMIT_NOFILE): <limits>');
      expect(log).toBe(RECORDED.lifecycle[signal]);
      identical.push(`lifecycle ${signal}`);
    });
  }

  for (const recorded of RECORDED.cli) {
    it(`nginx ${recorded.args.join(' ')}`, async () => {
      const process = fakeProcess(['nginx', ...recorded.args], { files: NGINX.files(), pid1: false });
      const status = await NGINX.programs.nginx(process.ctx);
      expect(process.stderr().replace(/\b\d+#\d+:/g, '<pid>#<pid>:')).toBe(recorded.stderr);
      expect(process.stdout()).toBe(recorded.stdout);
      expect(status).toBe(recorded.status);
      identical.push(`nginx ${recorded.args.join(' ')}`);
    });
  }

  it('agrees with every recorded case', () => {
    const total = 1 + RECORDED.requests.length + 2 + RECORDED.cli.length;
    console.log(`nginx: ${identical.length}/${total} identical`);
    expect(identical.length).toBe(total);
  });
});

describe('nginx -V', () => {
  it("is as long as the image's (1679 bytes on stderr, observed for nginx:1.29.3)", async () => {
    const process = fakeProcess(['nginx', '-V'], { files: NGINX.files(), pid1: false });
    expect(await NGINX.programs.nginx(process.ctx)).toBe(0);
    expect(process.stdout()).toBe('');
    expect(process.stderr().length).toBe(1679);
  });
});
