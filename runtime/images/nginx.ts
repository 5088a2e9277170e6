// The official nginx image (Debian based): its files, configuration, entrypoint and programs.
// The behaviour lives in ./nginx/ (the server, the master's signals, the CLI, the entrypoint).
import { GNU_PROGRAMS } from './gnu-programs';
import { DEBIAN_SHELLS } from './container-shell';
import { DEBIAN_DIRECTORIES, debianFiles } from './debian-base';
import { nginx } from './nginx/cli';
import { MIME_TYPES, NGINX_CONF, NGINX_DEFAULT_CONF } from './nginx/config-files';
import { ENTRYPOINT_SCRIPTS, nginxEntrypoint } from './nginx/entrypoint';
import { IMAGE_FILE_MTIME, NGINX_50X_HTML } from './nginx/html';
import { NGINX_VERSION, NJS_VERSION, PKG_RELEASE } from './nginx/version';
import { BASE_PROGRAMS } from './programs';
import type { ImageModule } from './types';

/** The welcome page of nginx 1.21.1 through 1.29.5 (615 bytes). */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** docker-entrypoint.sh; a script of a learner's in /docker-entrypoint.d/ runs in the image's sh. */
const entrypoint = nginxEntrypoint((ctx, path) => ctx.spawn(DEBIAN_SHELLS.sh, ['sh', path]));

/** The official nginx image, `nginx:1.29.3` (Debian 13 based), as `latest` and `mainline` were in late 2025. */
export const NGINX: ImageModule = {
  repository: 'docker.io/library/nginx',
  tags: /^(latest|stable|mainline|alpine|perl|trixie|\d+(\.\d+){0,2}(-(alpine|perl|bookworm|trixie|alpine-slim))?)$/,
  sizeBytes: 192_004_242,
  config: {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      NGINX_VERSION,
      NJS_VERSION,
      NJS_RELEASE: PKG_RELEASE,
      PKG_RELEASE,
      DYNPKG_RELEASE: PKG_RELEASE,
    },
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGQUIT',
  },
  directories: DEBIAN_DIRECTORIES,
  filesTime: IMAGE_FILE_MTIME,
  files: () => ({
    ...debianFiles(['nginx:x:101:101:nginx user:/nonexistent:/bin/false'], ['nginx:x:101:']),
    '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
    '/usr/share/nginx/html/50x.html': NGINX_50X_HTML,
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/mime.types': MIME_TYPES,
    ...Object.fromEntries(
      ENTRYPOINT_SCRIPTS.map((name) => [`/docker-entrypoint.d/${name}`, '#!/bin/sh\n# vim:sw=4:ts=4:et\n']),
    ),
  }),
  programs: {
    ...BASE_PROGRAMS,
    ...GNU_PROGRAMS,
    ...DEBIAN_SHELLS,
    '/docker-entrypoint.sh': entrypoint,
    nginx,
    'nginx-debug': nginx,
  },
};
