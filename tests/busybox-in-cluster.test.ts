// busybox in a running playground: a pod that sleeps, and `kubectl exec` into it for its files
// (the kubelet's /etc/resolv.conf and /etc/hosts), its applets, and the cluster's DNS and HTTP
// through nslookup and wget.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

describe('busybox in the cluster', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    for (const line of [
      'kubectl run bb --image=busybox --restart=Never -- sleep 3600',
      'kubectl wait --for=condition=Ready pod/bb --timeout=60s',
      'kubectl wait --for=condition=Ready pod -l k8s-app=kube-dns -n kube-system --timeout=120s',
      'kubectl create deployment nginx --image=nginx',
      'kubectl expose deployment nginx --port=80',
      'kubectl wait --for=condition=Available deployment/nginx --timeout=60s',
    ]) {
      await h.run(line);
    }
  }, 120_000);

  it('runs, and answers kubectl exec with its applets and the files the kubelet wrote', async () => {
    expect((await h.run('kubectl get pod bb --no-headers -o custom-columns=STATUS:.status.phase')).stdout).toBe(
      'Running\n',
    );
    const root = await h.run('kubectl exec bb -- ls /');
    // busybox's root, as `ls /` lists it in the official image.
    expect(root.stdout).toBe('bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect((await h.run('kubectl exec bb -- hostname')).stdout).toBe('bb\n');
    expect((await h.run('kubectl exec bb -- cat /etc/resolv.conf')).stdout).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
    const hosts = (await h.run('kubectl exec bb -- cat /etc/hosts')).stdout;
    expect(hosts).toMatch(/^# Kubernetes-managed hosts file\.\n127\.0\.0\.1\tlocalhost\n/);
    expect(hosts).toMatch(/\n10\.244\.0\.\d+\tbb\n$/);
    expect((await h.run('kubectl exec bb -- id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    const ls = await h.run('kubectl exec bb -- ls --foo');
    expect(ls.stderr.split('\n').slice(0, 3)).toEqual([
      "ls: unrecognized option '--foo'",
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.',
      '',
    ]);
    expect(ls.exitCode).toBe(1);
  }, 60_000);

  it('ifconfig shows eth0 with the pod IP', async () => {
    const ip = (await h.run("kubectl get pod bb -o jsonpath='{.status.podIP}'")).stdout;
    const ifconfig = (await h.run('kubectl exec bb -- ifconfig eth0')).stdout;
    expect(ifconfig).toContain(`inet addr:${ip}  Bcast:10.244.255.255  Mask:255.255.0.0\n`);
  }, 60_000);

  it('resolves the kubernetes Service with nslookup and walks the search list', async () => {
    const found = await h.run('kubectl exec bb -- nslookup kubernetes');
    expect(found.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n' +
        "** server can't find kubernetes.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find kubernetes.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find kubernetes.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find kubernetes.cluster.local: NXDOMAIN\n\n",
    );
  }, 60_000);

  it("fetches the nginx Service's page with wget, as busybox prints it", async () => {
    const ip = (await h.run("kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'")).stdout;
    const saved = await h.run('kubectl exec bb -- wget nginx');
    expect(saved.stderr).toBe(
      `Connecting to nginx (${ip}:80)\nsaving to 'index.html'\n` +
        "index.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
    );
    const page = await h.run('kubectl exec bb -- wget -qO- nginx');
    expect(page.stdout).toContain('<h1>Welcome to nginx!</h1>');
    const missing = await h.run('kubectl exec bb -- wget -q nginx/nope');
    expect(missing.stderr).toBe(
      'wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n',
    );
    const nothing = await h.run('kubectl exec bb -- wget nosuch');
    expect(nothing.stderr).toBe("wget: bad address 'nosuch'\ncommand terminated with exit code 1\n");
  }, 60_000);

  it('pings pods but gets no replies from a Service ClusterIP', async () => {
    const ping = await h.run('kubectl exec bb -- ping -c 2 nginx');
    expect(ping.stdout).toMatch(
      /^PING nginx \(10\.\d+\.\d+\.\d+\): 56 data bytes\n\n--- nginx ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n$/,
    );
    const pod = (await h.run("kubectl get pods -l app=nginx -o jsonpath='{.items[0].status.podIP}'")).stdout;
    const direct = await h.run(`kubectl exec bb -- ping -c 1 ${pod}`);
    expect(direct.stdout).toContain(`64 bytes from ${pod}: seq=0 ttl=64 time=`);
    expect(direct.stdout).toContain('1 packets transmitted, 1 packets received, 0% packet loss\n');
  }, 60_000);

  it('lists the container’s processes with ps and top, as busybox lays them out', async () => {
    // Each exec is a new process of the container, with the next PID.
    expect((await h.run('kubectl exec bb -- ps')).stdout).toMatch(
      /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sleep 3600\n {3}\d\d root {6}0:00 ps\n$/,
    );
    const top = (await h.run('kubectl exec bb -- top -b -n 1')).stdout.split('\n');
    expect(top[0]).toMatch(/^Mem: \d+K used, \d+K free, \d+K shrd, \d+K buff, \d+K cached$/);
    expect(top.slice(1)).toEqual([
      'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq',
      expect.stringMatching(/^Load average: \d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+$/),
      '  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND',
      '    1     0 root     S     4392   0%   0% sleep 3600',
      expect.stringMatching(/^ {3}\d\d {5}0 root {5}R {5}4392 {3}0% {3}0% top -b -n 1$/),
      '',
      '',
    ]);
  });
});
