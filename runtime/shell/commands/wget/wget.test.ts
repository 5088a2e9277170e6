import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../clock';
import { PodNetwork } from '../../../network/cluster-network';
import { createHostNetwork } from '../../../network/host-network';
import { createPlayground } from '../../../playground';
import { createSeededRng } from '../../../rng';
import { MemoryBackend } from '../../../storage/backend';
import { NGINX_INDEX_HTML } from '../../../images/nginx';
import { createHostFilesystem, HOME } from '../../host-filesystem';
import { hostRunner } from '../curl/oracle-host';
import { wget } from '.';

// kubeplay's wget on a playground: a NodePort-like nginx on 192.168.49.2:30080 serving the
// official welcome page, the real API server behind the host network. Exact texts, with the
// times the virtual clock shows.

const NOW = Date.UTC(2026, 10, 29, 7, 21, 11);

async function host() {
  const clock = new VirtualClock(NOW);
  const storage = new MemoryBackend();
  const playground = await createPlayground({ clock, rng: createSeededRng('wget'), storage, components: false });
  await playground.loadCommands();
  const fs = await createHostFilesystem({ storage, clock });
  const pods = new PodNetwork();
  pods.listen('192.168.49.2', 30080, {
    protocol: 'TCP',
    http: (request) =>
      Promise.resolve(
        request.path === '/'
          ? { status: 200, headers: { Server: 'nginx/1.29.3', 'Content-Type': 'text/html' }, body: NGINX_INDEX_HTML }
          : { status: 404, headers: { Server: 'nginx/1.29.3', 'Content-Type': 'text/html' }, body: 'gone\n' },
      ),
  });
  const network = createHostNetwork({
    clock,
    rng: createSeededRng('host'),
    api: playground.cluster.api,
    pods,
    // A learner who named the node in /etc/hosts (minikube itself adds nothing there).
    hostsFile: () => `${fs.readFile('/etc/hosts')}192.168.49.2 minikube\n`,
  });
  return { clock, fs, run: hostRunner(clock, fs, network) };
}

describe('wget on the learner host', () => {
  it('saves a NodePort’s page to index.html, logging as wget does off a terminal', async () => {
    const { run, fs } = await host();
    const result = await run(wget, ['wget', 'http://192.168.49.2:30080/']);
    expect(result.exitCode).toBe(0);
    expect(fs.readFile(`${HOME}/index.html`)).toBe(NGINX_INDEX_HTML);
    expect(result.stderr).toBe(
      '--2026-11-29 07:21:11--  http://192.168.49.2:30080/\n' +
        'Connecting to 192.168.49.2:30080... connected.\n' +
        'HTTP request sent, awaiting response... 200 OK\n' +
        'Length: 615 [text/html]\n' +
        'Saving to: ‘index.html’\n\n' +
        `     0K${' '.repeat(55)}100% 41.4M=0s\n\n` +
        '2026-11-29 07:21:11 (41.4 MB/s) - ‘index.html’ saved [615/615]\n\n',
    );
    const again = await run(wget, ['wget', '-nv', 'http://minikube:30080/']);
    expect(again.stderr).toBe('2026-11-29 07:21:11 URL:http://minikube:30080/ [615/615] -> "index.html.1" [1]\n');
  });

  it('draws the bar on a terminal', async () => {
    const { run } = await host();
    const result = await run(wget, ['wget', '-O', 'page.html', 'http://192.168.49.2:30080/'], { cols: 80 });
    const bar = result.stderr.split('\n\n')[1];
    expect(bar).toBe(
      '\rpage.html             0%[                    ]       0  --.-KB/s               ' +
        '\rpage.html           100%[===================>]     615  --.-KB/s    in 0s      ',
    );
  });

  it('writes to stdout with -O - and is silent with -q', async () => {
    const { run } = await host();
    expect(await run(wget, ['wget', '-qO-', 'http://192.168.49.2:30080/'])).toMatchObject({
      stdout: NGINX_INDEX_HTML,
      stderr: '',
      exitCode: 0,
    });
  });

  it('exits 8 on a 404, 4 when refused or unresolvable, 5 on an untrusted certificate', async () => {
    const { run } = await host();
    const missing = await run(wget, ['wget', 'http://192.168.49.2:30080/nope']);
    expect(missing.exitCode).toBe(8);
    expect(missing.stderr.split('\n').slice(2)).toEqual([
      'HTTP request sent, awaiting response... 404 Not Found',
      '2026-11-29 07:21:11 ERROR 404: Not Found.',
      '',
      '',
    ]);
    expect(await run(wget, ['wget', 'localhost:8001'])).toMatchObject({
      stderr:
        '--2026-11-29 07:21:11--  http://localhost:8001/\nResolving localhost (localhost)... 127.0.0.1\n' +
        'Connecting to localhost (localhost)|127.0.0.1|:8001... failed: Connection refused.\n',
      exitCode: 4,
    });
    expect(await run(wget, ['wget', 'my-service'])).toMatchObject({
      stderr:
        '--2026-11-29 07:21:11--  http://my-service/\nResolving my-service (my-service)... failed: Name or service not known.\n' +
        'wget: unable to resolve host address ‘my-service’\n',
      exitCode: 4,
    });
    const untrusted = await run(wget, ['wget', 'https://192.168.49.2:8443/version']);
    expect(untrusted.exitCode).toBe(5);
    expect(untrusted.stderr).toContain('ERROR: The certificate of ‘192.168.49.2’ is not trusted.\n');
  });

  it('reads the API server with --no-check-certificate', async () => {
    const { run } = await host();
    const result = await run(wget, [
      'wget',
      '-q',
      '--no-check-certificate',
      '-O-',
      'https://192.168.49.2:8443/healthz',
    ]);
    expect(result).toMatchObject({ stdout: 'ok', exitCode: 0 });
  });

  it('times out with -T and retries with waits, on the clock', async () => {
    const { run, clock } = await host();
    const result = await run(wget, ['wget', '-T', '2', '-t', '2', 'http://10.244.0.5/']);
    expect(result).toMatchObject({
      stderr:
        '--2026-11-29 07:21:11--  http://10.244.0.5/\nConnecting to 10.244.0.5:80... failed: Connection timed out.\nRetrying.\n\n' +
        '--2026-11-29 07:21:14--  (try: 2)  http://10.244.0.5/\nConnecting to 10.244.0.5:80... failed: Connection timed out.\nGiving up.\n\n',
      exitCode: 4,
    });
    expect(clock.now() - NOW).toBe(5000);
  });
});
