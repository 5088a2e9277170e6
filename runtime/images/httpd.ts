// The official httpd image (Apache 2.4, Debian based): `httpd-foreground`, its start-up notices
// on stderr, "It works!" from /usr/local/apache2/htdocs and the common log format on stdout.
import { GNU_PROGRAMS } from './gnu-programs';
import { goDate } from '../network/host-network-http';
import { DEBIAN_SHELLS } from './container-shell';
import { DEBIAN_DIRECTORIES, debianFiles } from './debian-base';
import { httpdTime } from './log-time';
import { timeLocal } from './nginx/access-log';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import type { HttpResponse, ImageModule, Program } from './types';
import { utf8Length } from '../util/utf8';

export const HTTPD_VERSION = '2.4.71';
const SERVER = `Apache/${HTTPD_VERSION} (Unix)`;
const DOCROOT = '/usr/local/apache2/htdocs';
export const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';
/** htdocs/index.html's time in the httpd distribution (ETag `"2d-432a5e4a73a80"`). */
export const INDEX_MTIME = Date.UTC(2007, 5, 11, 18, 53, 14);

const NOT_FOUND =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
/** What a client that keeps its connection (curl, browsers) is told on its first request. */
const KEEP_ALIVE = { 'Keep-Alive': 'timeout=5, max=100', Connection: 'Keep-Alive' };

/** httpd -D FOREGROUND: the ServerName warning (twice: config check and start), the notices, then serve on 80. */
const httpdForeground: Program = (ctx) => {
  const address = ctx.net?.address ?? '127.0.0.1';
  const warning = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${address}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.stderr.write(warning + warning);
  const at = httpdTime(ctx.startedAt);
  ctx.stderr.write(
    `[${at}] [mpm_event:notice] [pid 1:tid 1] AH00489: ${SERVER} configured -- resuming normal operations\n`,
  );
  ctx.stderr.write(`[${at}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  const close = ctx.listen(80, {
    protocol: 'TCP',
    http: (request) => {
      const now = ctx.clock.now();
      const path = request.path.split('?')[0];
      const file = `${DOCROOT}${path.endsWith('/') ? `${path}index.html` : path}`;
      let response: HttpResponse;
      try {
        const body = ctx.fs.readFile(file);
        const mtime =
          file === `${DOCROOT}/index.html` && ctx.fs.stat(file).mtime === 0 ? INDEX_MTIME : ctx.fs.stat(file).mtime;
        response = {
          status: 200,
          headers: {
            Date: goDate(now),
            Server: SERVER,
            'Last-Modified': goDate(mtime),
            ETag: `"${utf8Length(body).toString(16)}-${(mtime * 1000).toString(16)}"`,
            'Accept-Ranges': 'bytes',
            'Content-Length': String(utf8Length(body)),
            ...KEEP_ALIVE,
            'Content-Type': 'text/html',
          },
          body: request.method === 'HEAD' ? '' : body,
        };
      } catch {
        const body = NOT_FOUND;
        response = {
          status: 404,
          headers: {
            Date: goDate(now),
            Server: SERVER,
            'Content-Length': String(body.length),
            ...KEEP_ALIVE,
            'Content-Type': 'text/html; charset=iso-8859-1',
          },
          body: request.method === 'HEAD' ? '' : body,
        };
      }
      const bytes = request.method === 'HEAD' ? '-' : String(utf8Length(response.body));
      ctx.stdout.write(
        `${request.remoteAddress} - - [${timeLocal(now)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${bytes}\n`,
      );
      return Promise.resolve(response);
    },
  });
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT', 'SIGQUIT'], (signal) => {
    close();
    const now = httpdTime(ctx.clock.now());
    if (signal === 'SIGTERM' || signal === 'SIGINT') {
      ctx.stderr.write(`[${now}] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n`);
    }
  });
};

/** The official httpd image, 2.4 (Debian 13 based). */
export const HTTPD: ImageModule = {
  repository: 'docker.io/library/httpd',
  tags: /^(latest|alpine|trixie|2(\.4(\.\d+)?)?(-(alpine|trixie))?)$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 117_000_000,
  config: {
    cmd: ['httpd-foreground'],
    env: {
      PATH: '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HTTPD_PREFIX: '/usr/local/apache2',
      HTTPD_VERSION,
    },
    workingDir: '/usr/local/apache2',
    exposedPorts: ['80/tcp'],
    // The image's STOPSIGNAL is SIGWINCH (a graceful stop), which the simulated runtime does not send.
  },
  directories: DEBIAN_DIRECTORIES,
  files: () => ({ ...debianFiles(), [`${DOCROOT}/index.html`]: IT_WORKS }),
  programs: { ...BASE_PROGRAMS, ...GNU_PROGRAMS, ...DEBIAN_SHELLS, 'httpd-foreground': httpdForeground },
};
