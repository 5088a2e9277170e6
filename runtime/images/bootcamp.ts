import { GNU_PROGRAMS } from './gnu-programs';
import { DEBIAN_DIRECTORIES } from './debian-base';
// gcr.io/google-samples/kubernetes-bootcamp: the Kubernetes tutorial's app, a Node.js 6.3.1
// server.js on port 8080 answering `Hello Kubernetes bootcamp! | Running on: <pod> | v=1`
// (`v=2` for the :v2 tag), logging its start and one line per request as console.log writes them.
import { DEBIAN_SHELLS } from './container-shell';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import type { ImageModule, Program } from './types';

/** /server.js as the image carries it (version `v` in its reply). */
const serverJs = (v: number): string => `var http = require('http');
var requests=0;
var podname= process.env.HOSTNAME;
var startTime;
var host;
var handleRequest = function(request, response) {
  response.setHeader('Content-Type', 'text/plain');
  response.writeHead(200);
  response.write("Hello Kubernetes bootcamp! | Running on: ");
  response.write(host);
  response.end(" | v=${v}\\n");
  console.log("Running On:" ,host, "| Total Requests:", ++requests,"| App Uptime:", (new Date() - startTime)/1000 , "seconds", "| Log Time:",new Date());
}
var www = http.createServer(handleRequest);
www.listen(8080,function () {
    startTime = new Date();;
    host = process.env.HOSTNAME;
    console.log ("Kubernetes Bootcamp App Started At:",startTime, "| Running On: " ,host, "\\n" );
});
`;

/** `node server.js`: the app above (its version read from the file), or `node -v`. */
const node: Program = (ctx) => {
  if (ctx.argv[1] === '-v' || ctx.argv[1] === '--version') {
    ctx.stdout.write('v6.3.1\n');
    return Promise.resolve(0);
  }
  const script = ctx.argv[1] ?? '';
  let source: string;
  try {
    source = ctx.fs.readFile(script.startsWith('/') ? script : `${ctx.cwd.replace(/\/$/, '')}/${script}`);
  } catch {
    ctx.stderr.write(
      `module.js:442\n    throw err;\n    ^\n\nError: Cannot find module '${script.startsWith('/') ? script : `/${script}`}'\n`,
    );
    return Promise.resolve(1);
  }
  const version = /\| v=(\d+)/.exec(source)?.[1] ?? '1';
  const host = ctx.env.HOSTNAME ?? ctx.hostname;
  const started = ctx.clock.now();
  let requests = 0;
  ctx.stdout.write(
    `Kubernetes Bootcamp App Started At: ${new Date(started).toISOString()} | Running On:  ${host} \n\n`,
  );
  const close = ctx.listen(8080, {
    protocol: 'TCP',
    http: () => {
      const now = ctx.clock.now();
      requests++;
      ctx.stdout.write(
        `Running On: ${host} | Total Requests: ${requests} | App Uptime: ${(now - started) / 1000} seconds | Log Time: ${new Date(now).toISOString()}\n`,
      );
      return Promise.resolve({
        status: 200,
        headers: { 'Content-Type': 'text/plain', Date: new Date(now).toUTCString(), Connection: 'keep-alive' },
        body: `Hello Kubernetes bootcamp! | Running on: ${host} | v=${version}\n`,
      });
    },
  });
  // Node dies of SIGTERM (no handler): exit status 143 as the kubelet sees it.
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT'], close).then(() => 143);
};

function bootcamp(v: number): ImageModule {
  return {
    repository: 'gcr.io/google-samples/kubernetes-bootcamp',
    tags: /^v[12]$/,
    // About the size docker reports for it (not recorded).
    sizeBytes: 211_000_000,
    config: {
      cmd: ['/bin/sh', '-c', 'node server.js'],
      env: {
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        NPM_CONFIG_LOGLEVEL: 'info',
        NODE_VERSION: '6.3.1',
      },
      exposedPorts: ['8080/tcp'],
    },
    directories: DEBIAN_DIRECTORIES,
    files: () => ({
      '/server.js': serverJs(v),
      '/etc/os-release':
        'PRETTY_NAME="Debian GNU/Linux 8 (jessie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="8"\nVERSION="8 (jessie)"\nID=debian\nHOME_URL="http://www.debian.org/"\nSUPPORT_URL="http://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
    }),
    programs: { ...BASE_PROGRAMS, ...GNU_PROGRAMS, ...DEBIAN_SHELLS, node },
    forTag: (tag) => bootcamp(tag === 'v2' ? 2 : 1),
  };
}

export const KUBERNETES_BOOTCAMP = bootcamp(1);
