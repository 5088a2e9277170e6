import { describe, expect, it } from 'vitest';
import { CancelController } from '../../../cancel';
import { VirtualClock } from '../../../clock';
import { MINIKUBE_CA_CERT } from '../../../controllers/minikube-ca';
import { echoBody } from '../../../network/host-network-testing';
import { PodNetwork } from '../../../network/cluster-network';
import { createHostNetwork } from '../../../network/host-network';
import { createPlayground } from '../../../playground';
import { createSeededRng } from '../../../rng';
import { MemoryBackend } from '../../../storage/backend';
import { createHostFilesystem, HOME } from '../../host-filesystem';
import { hostRunner } from './oracle-host';
import { curl } from '.';

// kubeplay's curl on a playground: the real API handler behind the host network, and an
// nginx-like NodePort (and an echo) on 192.168.49.2:30080. Exact texts; time only moves when
// the command waits on the clock.

const NOW = Date.UTC(2026, 10, 29, 7, 21, 11);
const API = 'https://192.168.49.2:8443';
const PAGE = '<h1>Welcome to nginx!</h1>\n';

async function host() {
  const clock = new VirtualClock(NOW);
  const storage = new MemoryBackend();
  const playground = await createPlayground({ clock, rng: createSeededRng('curl'), storage, components: false });
  await playground.loadCommands();
  const fs = await createHostFilesystem({ storage, clock });
  const pods = new PodNetwork();
  pods.listen('192.168.49.2', 30080, {
    protocol: 'TCP',
    http: (request) => {
      if (request.path.startsWith('/echo'))
        return Promise.resolve({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: echoBody(request) });
      if (request.path === '/old') return Promise.resolve({ status: 301, headers: { Location: '/' }, body: '' });
      const found = request.path === '/';
      return Promise.resolve({
        status: found ? 200 : 404,
        headers: { Server: 'nginx/1.29.3', 'Content-Type': 'text/html' },
        body: found ? PAGE : 'not found\n',
      });
    },
  });
  const network = createHostNetwork({
    clock,
    rng: createSeededRng('host'),
    api: playground.cluster.api,
    pods,
    // A learner who named the node in /etc/hosts (minikube itself adds nothing there).
    hostsFile: () => `${fs.readFile('/etc/hosts')}192.168.49.2 minikube\n`,
  });
  return { clock, fs, playground, run: hostRunner(clock, fs, network) };
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe('curl on the learner host', () => {
  it('reads /version off the API server with -k, with the meter on stderr off a terminal', async () => {
    const { run } = await host();
    const result = await run(curl, ['curl', '-k', `${API}/version`]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ major: '1', minor: '34', platform: 'linux/amd64' });
    const size = result.stdout.length;
    expect(result.stderr).toBe(
      `${METER_HEAD}${ZERO}\r100   ${size}  100   ${size}    0     0   ${Math.floor((size * 1e6) / 45000)}      0 --:--:-- --:--:-- --:--:--  ${Math.floor((size * 1e6) / 45000)}\n`,
    );
  });

  it('shows no meter when the body goes to the terminal', async () => {
    const { run } = await host();
    const result = await run(curl, ['curl', '-k', `${API}/healthz`], { cols: 80 });
    expect(result).toMatchObject({ stdout: 'ok', stderr: '', exitCode: 0 });
  });

  it('refuses minikube’s certificate without its CA, and trusts it with --cacert', async () => {
    const { run, fs } = await host();
    const refused = await run(curl, ['curl', '-s', '-S', `${API}/version`]);
    expect(refused.exitCode).toBe(60);
    expect(refused.stderr).toBe(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\n' +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the web page mentioned above.\n',
    );
    fs.writeFile(`${HOME}/.minikube/ca.crt`, MINIKUBE_CA_CERT);
    const trusted = await run(curl, ['curl', '-s', '--cacert', '.minikube/ca.crt', `${API}/healthz`]);
    expect(trusted).toMatchObject({ stdout: 'ok', exitCode: 0 });
    const wrongName = await run(curl, ['curl', '-sS', '--cacert', '.minikube/ca.crt', 'https://minikube:8443/healthz']);
    expect(wrongName.stderr.split('\n')[0]).toBe(
      "curl: (60) SSL: no alternative certificate subject name matches target host name 'minikube'",
    );
  });

  it('is system:anonymous to the API server', async () => {
    const { run } = await host();
    const result = await run(curl, ['curl', '-sk', `${API}/api/v1/pods`]);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope',
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
    const failed = await run(curl, ['curl', '-fsSk', `${API}/api/v1/pods`]);
    expect(failed).toMatchObject({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 403\n',
      exitCode: 22,
    });
  });

  it('prints the headers the API server and Go send with -i', async () => {
    const { run } = await host();
    const result = await run(curl, ['curl', '-sik', `${API}/healthz`]);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('HTTP/2 200 ');
    expect(lines.slice(1, -2).map((line) => line.replace(/: .*/, ''))).toEqual([
      'audit-id',
      'cache-control',
      'content-type',
      'x-content-type-options',
      'x-kubernetes-pf-flowschema-uid',
      'x-kubernetes-pf-prioritylevel-uid',
      'content-length',
      'date',
    ]);
    expect(lines).toContain('date: Sun, 29 Nov 2026 07:21:11 GMT');
    expect(lines.at(-1)).toBe('ok');
  });

  it('reports refused, unresolvable and malformed URLs as curl does', async () => {
    const { run } = await host();
    expect(await run(curl, ['curl', '-sS', 'localhost:8001'])).toMatchObject({
      stderr: "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(await run(curl, ['curl', '-sS', 'http://my-service/'])).toMatchObject({
      stderr: 'curl: (6) Could not resolve host: my-service\n',
      exitCode: 6,
    });
    expect(await run(curl, ['curl', 'http://'])).toMatchObject({
      stderr: 'curl: (3) URL using bad/illegal format or missing URL\n',
      exitCode: 3,
    });
    expect(await run(curl, ['curl', '-Q'])).toMatchObject({
      stderr: "curl: option -Q: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    });
  });

  it('waits out the kernel’s connect timeout to a pod address on the clock, ticking the meter', async () => {
    const { run, clock } = await host();
    const result = await run(curl, ['curl', 'http://10.244.0.5/']);
    expect(clock.now() - NOW).toBe(133_402);
    expect(result.exitCode).toBe(28);
    expect(result.stderr.split('\r').at(-1)).toBe(
      "  0     0    0     0    0     0      0      0 --:--:--  0:02:13 --:--:--     0\ncurl: (28) Failed to connect to 10.244.0.5 port 80 after 133402 ms: Couldn't connect to server\n",
    );
    expect(result.stderr.split('\r')).toHaveLength(1 + 1 + 133 + 1);
  });

  it('gives up at --connect-timeout, and stops on Ctrl-C', async () => {
    const { run, clock } = await host();
    const timedOut = await run(curl, ['curl', '-sS', '--connect-timeout', '5', 'http://10.96.0.1/']);
    expect(timedOut.stderr).toBe(
      'curl: (28) Failed to connect to 10.96.0.1 port 80 after 5001 ms: Timeout was reached\n',
    );
    const ctrlC = new CancelController();
    clock.setTimer(2000, () => ctrlC.abort());
    const interrupted = await run(curl, ['curl', '-s', 'http://10.244.0.5/'], { signal: ctrlC.signal });
    expect(interrupted).toMatchObject({ stdout: '', stderr: '', exitCode: 130 });
  });

  it('saves with -o and -O, and reports with -w', async () => {
    const { run, fs } = await host();
    expect(await run(curl, ['curl', '-s', '-o', 'page.html', 'http://minikube:30080/'])).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(fs.readFile(`${HOME}/page.html`)).toBe(PAGE);
    const written = await run(curl, [
      'curl',
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code} %{size_download} %{content_type}\\n',
      'http://192.168.49.2:30080/nope',
    ]);
    expect(written.stdout).toBe('404 10 text/html\n');
    await run(curl, ['curl', '-sO', 'http://192.168.49.2:30080/echo?x=1']);
    expect(fs.readFile(`${HOME}/echo`)).toContain('GET /echo?x=1\n');
  });

  it('follows redirects with -L and posts data with -d and -H', async () => {
    const { run } = await host();
    expect((await run(curl, ['curl', '-sL', 'http://192.168.49.2:30080/old'])).stdout).toBe(PAGE);
    const posted = await run(curl, [
      'curl',
      '-s',
      '-H',
      'Content-Type: application/json',
      '-d',
      '{"a":1}',
      'http://192.168.49.2:30080/echo',
    ]);
    expect(posted.stdout).toBe(
      'POST /echo\nhost: 192.168.49.2:30080\nuser-agent: curl/7.88.1\naccept: */*\ncontent-type: application/json\ncontent-length: 7\n\n{"a":1}',
    );
  });

  it('writes a watch as it streams, until Ctrl-C', async () => {
    const clock = new VirtualClock(NOW);
    const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock });
    let closed = false;
    const events = ['{"type":"ADDED"}\n', '{"type":"MODIFIED"}\n'];
    const stream = {
      close: () => void (closed = true),
      async *[Symbol.asyncIterator]() {
        for (const event of events) yield event;
        await new Promise(() => {});
      },
    };
    const api = () =>
      Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, body: '', stream });
    const network = createHostNetwork({
      clock,
      rng: createSeededRng('watch'),
      api,
      pods: new PodNetwork(),
      hostsFile: () => '',
    });
    const ctrlC = new CancelController();
    clock.setTimer(60_000, () => ctrlC.abort());
    const result = await hostRunner(clock, fs, network)(curl, ['curl', '-sk', `${API}/api/v1/pods?watch=1`], {
      signal: ctrlC.signal,
    });
    expect(result).toMatchObject({ stdout: events.join(''), exitCode: 130 });
    expect(closed).toBe(true);
    const limited = await hostRunner(
      clock,
      fs,
      network,
    )(curl, ['curl', '-ksS', '-m', '2', `${API}/api/v1/pods?watch=1`]);
    expect(limited.stderr).toBe(
      `curl: (28) Operation timed out after 2001 milliseconds with ${events.join('').length} bytes received\n`,
    );
  });

  it('traces -v on a terminal without data notes', async () => {
    const { run } = await host();
    const result = await run(curl, ['curl', '-v', 'http://192.168.49.2:30080/'], { cols: 80 });
    expect(result.stderr).toBe(
      '*   Trying 192.168.49.2:30080...\n' +
        '* Connected to 192.168.49.2 (192.168.49.2) port 30080 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: 192.168.49.2:30080\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.29.3\r\n< Content-Type: text/html\r\n' +
        '< Date: Sun, 29 Nov 2026 07:21:11 GMT\r\n< Content-Length: 27\r\n< \r\n' +
        '* Connection #0 to host 192.168.49.2 left intact\n',
    );
  });
});
