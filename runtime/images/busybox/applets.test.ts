// The applets' behaviour beyond the recorded oracle cases: what depends on a terminal (ls
// columns and colours, wget's progress line), on the cluster (ping's replies, nc over a
// connection), on the container (ps, id in alpine), and `busybox` itself.
import { describe, expect, it } from 'vitest';
import { socketPair } from '../../network/socket';
import { fakeNetwork, runInPod } from '../../../tests/busybox-pod';
import { ALPINE, BUSYBOX } from '../busybox';
import type { ContainerNetwork } from '../types';

const page = { status: 200, headers: { 'Content-Length': '6' }, body: 'hello\n' };

const net = fakeNetwork({
  address: '10.244.0.9',
  nameserver: '10.96.0.10',
  hosts: ['10.244.0.5'],
  dns: {
    'nginx.default.svc.cluster.local A': {
      rcode: 'NOERROR',
      authoritative: true,
      answers: [{ name: 'nginx.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.12' }],
      authority: [],
    },
  },
  http: { '10.96.0.12:80': () => page },
});

const RESOLV = {
  '/etc/resolv.conf':
    'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
};

describe('busybox applets', () => {
  it('ls lays names out in columns with colours on a terminal, one a line otherwise', async () => {
    const files = { '/w/alpha': '', '/w/beta.txt': '', '/w/gamma': '', '/w/dir/x': '' };
    const piped = runInPod(['ls'], { files, cwd: '/w' });
    await piped.finish();
    expect(piped.stdout()).toBe('alpha\nbeta.txt\ndir\ngamma\n');
    const tty = runInPod(['ls'], { files, cwd: '/w', tty: true });
    await tty.finish();
    expect(tty.stdout()).toBe(
      '\x1b[0;0malpha\x1b[m     \x1b[0;0mbeta.txt\x1b[m  \x1b[1;34mdir\x1b[m       \x1b[0;0mgamma\x1b[m\n',
    );
    const plain = runInPod(['ls', '--color=never', '-x'], { files, cwd: '/w', tty: true });
    await plain.finish();
    expect(plain.stdout()).toBe('alpha     beta.txt  dir       gamma\n');
  });

  it('wget draws its progress line with a carriage return on a terminal', async () => {
    const run = runInPod(['wget', 'nginx'], { files: { ...RESOLV, '/tmp/.keep': '' }, net, cwd: '/tmp', tty: true });
    expect(await run.finish()).toBe(0);
    expect(run.stderr()).toBe(
      "Connecting to nginx (10.96.0.12:80)\nsaving to 'index.html'\n" +
        "\rindex.html           100% |********************************|     6  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(run.fs.readFile('/tmp/index.html')).toBe('hello\n');
  });

  it('ping gets replies from a pod and none from a Service ClusterIP', async () => {
    const pod = runInPod(['ping', '-c', '2', '10.244.0.5'], { net });
    expect(await pod.finish()).toBe(0);
    expect(pod.stdout()).toMatch(
      /^PING 10\.244\.0\.5 \(10\.244\.0\.5\): 56 data bytes\n64 bytes from 10\.244\.0\.5: seq=0 ttl=64 time=0\.\d{3} ms\n64 bytes from 10\.244\.0\.5: seq=1 ttl=64 time=0\.\d{3} ms\n\n--- 10\.244\.0\.5 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/,
    );
    const service = runInPod(['ping', '-c', '3', 'nginx'], { files: RESOLV, net });
    const started = service.clock.now();
    expect(await service.finish()).toBe(1);
    expect(service.stdout()).toBe(
      'PING nginx (10.96.0.12): 56 data bytes\n\n--- nginx ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n',
    );
    // Two intervals, then -W's default 10 seconds for the missing replies.
    expect(service.clock.now() - started).toBe(12_000);
  });

  it('nc copies stdin to the connection and the reply to stdout', async () => {
    const echo: ContainerNetwork = {
      ...net,
      connect: async (ip, port) => {
        const [client, server] = socketPair({ address: '10.244.0.9', port: 40000 }, { address: ip, port });
        void (async () => {
          for await (const chunk of server.input) {
            server.write(`+${chunk.trim()}\r\n`);
            server.end();
          }
        })();
        return client;
      },
    };
    const run = runInPod(['nc', '10.96.0.20', '6379'], { net: echo, stdin: 'PING\r\n' });
    expect(await run.finish()).toBe(0);
    expect(run.stdout()).toBe('+PING\r\n');
  });

  it("ps shows the processes in busybox's default format", async () => {
    const run = runInPod(['ps'], { files: BUSYBOX.files() });
    await run.finish();
    expect(run.stdout()).toBe('PID   USER     TIME  COMMAND\n    7 root      0:00 ps\n');
  });

  it('id lists the groups /etc/group gives root, in busybox and in alpine', async () => {
    const busybox = runInPod(['id'], { files: BUSYBOX.files() });
    await busybox.finish();
    expect(busybox.stdout()).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    const alpine = runInPod(['id'], { files: ALPINE.files() });
    await alpine.finish();
    expect(alpine.stdout()).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
    );
  });

  it('busybox lists its applets and runs them by name', async () => {
    const list = runInPod(['busybox', '--list']);
    await list.finish();
    expect(list.stdout().split('\n')).toEqual(expect.arrayContaining(['ls', 'nslookup', 'wget', 'sh']));
    const ls = runInPod(['busybox', 'hostname'], { hostname: 'bb' });
    await ls.finish();
    expect(ls.stdout()).toBe('bb\n');
    const missing = runInPod(['busybox', 'nosuch']);
    expect(await missing.finish()).toBe(127);
    expect(missing.stderr()).toBe('nosuch: applet not found\n');
  });

  it('ip route and hostname -i show the pod address', async () => {
    const route = runInPod(['ip', 'route'], { net });
    await route.finish();
    expect(route.stdout()).toBe(
      'default via 10.244.0.1 dev eth0 \n10.244.0.0/16 dev eth0 scope link  src 10.244.0.9 \n',
    );
    const host = runInPod(['hostname', '-i'], { net });
    await host.finish();
    expect(host.stdout()).toBe('10.244.0.9 \n');
  });

  it('vi edits a file in the container from the keys typed', async () => {
    const run = runInPod(['vi', '/root/notes'], { files: { '/root/.keep': '' }, stdin: 'ihello\x1b:wq\r', tty: true });
    expect(await run.finish()).toBe(0);
    expect(run.fs.readFile('/root/notes')).toBe('hello\n');
  });

  it('wget gives up on a server that never answers after -T seconds', async () => {
    const silent: ContainerNetwork = { ...net, http: () => new Promise(() => {}) };
    const run = runInPod(['wget', '-q', '-T', '5', 'http://10.96.0.12/'], { net: silent });
    const started = run.clock.now();
    expect(await run.finish()).toBe(1);
    expect(run.stderr()).toBe('wget: download timed out\n');
    expect(run.clock.now() - started).toBe(5000);
  });
});
