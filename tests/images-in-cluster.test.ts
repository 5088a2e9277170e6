// The web images in a running playground: their logs through `kubectl logs`, their replies
// through `kubectl port-forward` and curl on the learner's host, `kubectl exec` into them, and the
// runtime's texts for images and commands that do not exist and for containers that exit.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

/** Log times made comparable: the virtual clock's progress through pulls and starts varies with the work before. */
const times = (text: string): string =>
  text
    .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/g, '<time>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .replace(/\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000/g, '<time>')
    .replace(/\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT/g, '<date>')
    .replace(/\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}/g, '<apache time>');

const NGINX_START =
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n' +
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n' +
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n' +
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n' +
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n' +
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n' +
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n' +
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n' +
  '/docker-entrypoint.sh: Configuration complete; ready for start up\n' +
  '<time> [notice] 1#1: using the "epoll" event method\n' +
  '<time> [notice] 1#1: nginx/1.29.3\n' +
  '<time> [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) \n' +
  '<time> [notice] 1#1: OS: Linux 6.8.0-49-generic\n' +
  '<time> [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576\n' +
  '<time> [notice] 1#1: start worker processes\n' +
  '<time> [notice] 1#1: start worker process 29\n' +
  '<time> [notice] 1#1: start worker process 30\n';

describe('images in the cluster', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    for (const line of [
      'kubectl run web --image=nginx',
      'kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1',
      'kubectl run missing --image=nginx:no-such-tag',
      'kubectl run badcmd --image=nginx --command -- foo',
      'kubectl run fails --image=busybox --restart=Never -- sh -c "exit 3"',
      'kubectl run done --image=busybox --restart=Never -- true',
      'kubectl run deb --image=debian',
      'kubectl run httpd --image=httpd',
      'kubectl run echo --image=hashicorp/http-echo -- -text=hello',
      'kubectl run agnhost --image=registry.k8s.io/e2e-test-images/agnhost:2.53 -- netexec --http-port=8080',
      'kubectl wait --for=condition=Ready pod/httpd pod/echo pod/agnhost --timeout=60s',
      'kubectl port-forward pod/httpd 18082:80 > /dev/null 2>&1 &',
      'kubectl port-forward pod/echo 18083:5678 > /dev/null 2>&1 &',
      'kubectl port-forward pod/agnhost 18084:8080 > /dev/null 2>&1 &',
      'kubectl wait --for=condition=Ready pod/web --timeout=60s',
      'kubectl wait --for=condition=Available deployment/kubernetes-bootcamp --timeout=60s',
      'kubectl port-forward pod/web 18080:80 > /dev/null 2>&1 &',
      'kubectl proxy > /dev/null 2>&1 &',
      'kubectl port-forward deployment/kubernetes-bootcamp 18081:8080 > /dev/null 2>&1 &',
      'sleep 1',
    ]) {
      await h.run(line);
    }
  }, 120_000);

  it("nginx logs the official image's start-up and answers with its welcome page", async () => {
    expect(times((await h.run('kubectl logs web')).stdout)).toBe(NGINX_START);
    const page = await h.run('curl -s localhost:18080/');
    expect(page.stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect(page.stdout.length).toBe(615);
    const missing = await h.run('curl -s -o /dev/null -w "%{http_code}" localhost:18080/nothing');
    expect(missing.stdout).toBe('404');
    // The error is logged while the request is handled, the access line when it ends.
    const log = times((await h.run('kubectl logs web --tail=3')).stdout).replaceAll('192.168.49.2', '<client>');
    expect(log).toBe(
      '<client> - - [<time>] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n' +
        '<time> [error] 29#29: *2 open() "/usr/share/nginx/html/nothing" failed (2: No such file or directory), client: <client>, server: localhost, request: "GET /nothing HTTP/1.1", host: "localhost:18080"\n' +
        '<client> - - [<time>] "GET /nothing HTTP/1.1" 404 153 "-" "curl/7.88.1" "-"\n',
    );
  }, 60_000);

  it("port-forward carries nginx's header lines unchanged; kubectl proxy relays them as Go's reverse proxy does", async () => {
    const head = (text: string): string => times(text.slice(0, text.indexOf('\r\n\r\n')));
    const forwarded = await h.run('curl -sI localhost:18080/');
    expect(head(forwarded.stdout)).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.29.3\r\nDate: <date>\r\nContent-Type: text/html\r\n' +
        'Content-Length: 615\r\nLast-Modified: <date>\r\nConnection: keep-alive\r\n' +
        'ETag: "6900b176-267"\r\nAccept-Ranges: bytes',
    );
    const proxied = await h.run('curl -si localhost:8001/api/v1/namespaces/default/pods/web/proxy/');
    expect(head(proxied.stdout)).toBe(
      'HTTP/1.1 200 OK\r\nAccept-Ranges: bytes\r\nCache-Control: no-cache, private\r\nContent-Length: 615\r\n' +
        'Content-Type: text/html\r\nDate: <date>\r\nEtag: "6900b176-267"\r\n' +
        'Last-Modified: <date>\r\nServer: nginx/1.29.3',
    );
  });

  it('nginx -v, nginx -s reload and files changed in the container', async () => {
    expect((await h.run('kubectl exec web -- nginx -v')).stderr).toBe('nginx version: nginx/1.29.3\n');
    const reload = await h.run('kubectl exec web -- nginx -s reload');
    expect(times(reload.stderr)).toBe('<time> [notice] 31#31: signal process started\n');
    const log = times((await h.run('kubectl logs web --tail=18')).stdout);
    expect(log).toBe(
      [
        '<time> [notice] 1#1: signal 1 (SIGHUP) received from 31, reconfiguring',
        '<time> [notice] 1#1: reconfiguring',
        '<time> [notice] 1#1: using the "epoll" event method',
        '<time> [notice] 1#1: start worker processes',
        '<time> [notice] 1#1: start worker process 32',
        '<time> [notice] 1#1: start worker process 33',
        '<time> [notice] 29#29: gracefully shutting down',
        '<time> [notice] 29#29: exiting',
        '<time> [notice] 29#29: exit',
        '<time> [notice] 1#1: signal 17 (SIGCHLD) received from 29',
        '<time> [notice] 1#1: worker process 29 exited with code 0',
        '<time> [notice] 1#1: signal 29 (SIGIO) received',
        '<time> [notice] 30#30: gracefully shutting down',
        '<time> [notice] 30#30: exiting',
        '<time> [notice] 30#30: exit',
        '<time> [notice] 1#1: signal 17 (SIGCHLD) received from 30',
        '<time> [notice] 1#1: worker process 30 exited with code 0',
        '<time> [notice] 1#1: signal 29 (SIGIO) received',
        '',
      ].join('\n'),
    );
    await h.run("kubectl exec web -- sh -c 'echo hi > /usr/share/nginx/html/index.html'");
    expect((await h.run('curl -s localhost:18080/')).stdout).toBe('hi\n');
  }, 60_000);

  it("kubernetes-bootcamp logs its start and answers with its pod's name", async () => {
    const pod = (await h.run("kubectl get pods -l app=kubernetes-bootcamp -o jsonpath='{.items[0].metadata.name}'"))
      .stdout;
    expect(pod).toMatch(/^kubernetes-bootcamp-\w+-\w+$/);
    expect((await h.run('curl -s localhost:18081/')).stdout).toBe(
      `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`,
    );
    const log = times((await h.run(`kubectl logs ${pod}`)).stdout);
    expect(log).toMatch(
      new RegExp(
        `^Kubernetes Bootcamp App Started At: <time> \\| Running On:  ${pod} \\n\\nRunning On: ${pod} \\| Total Requests: 1 \\| App Uptime: [\\d.]+ seconds \\| Log Time: <time>\\n$`,
      ),
    );
  }, 60_000);

  it('httpd, http-echo and agnhost log their start and answer', async () => {
    const ip = (pod: string): Promise<string> =>
      h.run(`kubectl get pod ${pod} -o jsonpath='{.status.podIP}'`).then((r) => r.stdout);
    expect((await h.run('curl -s localhost:18082/')).stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    // kubectl logs interleaves the container's stderr and stdout, as written.
    expect(times((await h.run('kubectl logs httpd')).stdout)).toBe(
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${await ip('httpd')}. Set the 'ServerName' directive globally to suppress this message\n`.repeat(
        2,
      ) +
        '[<apache time>] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.71 (Unix) configured -- resuming normal operations\n' +
        "[<apache time>] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n" +
        '192.168.49.2 - - [<time>] "GET / HTTP/1.1" 200 45\n',
    );
    expect((await h.run('curl -s localhost:18083/')).stdout).toBe('hello\n');
    expect(times((await h.run('kubectl logs echo --tail=1')).stdout)).toMatch(
      /^<time> localhost:18083 192\.168\.49\.2:\d+ "GET \/ HTTP\/1\.1" 200 6 "curl\/7\.88\.1" [\d.]+µs\n$/,
    );
    expect((await h.run('curl -s localhost:18084/hostname')).stdout).toBe('agnhost');
    expect(times((await h.run('kubectl logs agnhost')).stdout)).toBe(
      '<time> Started HTTP server on port 8080\n<time> Started UDP server on port  8081\n<time> GET /hostname\n',
    );
  }, 60_000);

  it('curlimages/curl fetches a pod over the cluster network', async () => {
    const echo = (await h.run("kubectl get pod echo -o jsonpath='{.status.podIP}'")).stdout;
    await h.run(`kubectl run c --image=curlimages/curl --restart=Never -- -s http://${echo}:5678/`);
    await h.run('kubectl wait --for=jsonpath={.status.phase}=Succeeded pod/c --timeout=60s');
    expect((await h.run('kubectl logs c')).stdout).toBe('hello\n');
  }, 60_000);

  it('reports missing images, missing commands and exits as the runtime does', async () => {
    await h.run('sleep 60');
    const pods = (await h.run('kubectl get pods missing badcmd fails done deb --no-headers')).stdout;
    const status = Object.fromEntries(
      pods
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/).slice(0, 3))
        .map(([name, , s]) => [name, s]),
    );
    expect(status).toEqual({
      missing: 'ImagePullBackOff',
      badcmd: 'CrashLoopBackOff',
      fails: 'Error',
      done: 'Completed',
      deb: 'CrashLoopBackOff',
    });
    const missing = (await h.run('kubectl describe pod missing')).stdout;
    expect(missing).toContain(
      'Failed to pull image "nginx:no-such-tag": Error response from daemon: manifest for nginx:no-such-tag not found: manifest unknown: manifest unknown',
    );
    expect(missing).toContain('Error: ImagePullBackOff');
    expect((await h.run('kubectl describe pod badcmd')).stdout).toContain(
      'exec: "foo": executable file not found in $PATH: unknown',
    );
    expect(
      (await h.run("kubectl get pod fails -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}'"))
        .stdout,
    ).toBe('3');
  }, 120_000);
});
