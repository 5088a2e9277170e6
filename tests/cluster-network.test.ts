import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcessContext } from '../runtime/images/types';
import type { MinikubeComponents } from '../runtime/minikube/start';
import { resolveHost } from '../runtime/network/resolver';
import { NetError } from '../runtime/network/socket';
import { runOnVirtualTime } from '../runtime/script';
import { createHarness, type Harness } from './harness';

// The traffic model end to end on a booted playground: a pod resolves a Service by its short
// name through CoreDNS (reached through kube-proxy at 10.96.0.10) and reaches nginx behind it.

const quiet = { write: () => {} };

/** The process view of a new exec in `pod`'s first container. */
async function podContext(h: Harness, pod: string, container: string): Promise<ProcessContext> {
  const components = (await h.playground.startComponents()) as MinikubeComponents;
  const running = components.kubelets[0].container('default', pod, container);
  if (!running) throw new Error(`no container ${pod}/${container}`);
  return running.processContext(['test'], quiet, quiet, false);
}

/** Settles `promise` while virtual time runs (what waits on the cluster clock needs). */
const onClock = <T>(h: Harness, promise: Promise<T>): Promise<T> =>
  runOnVirtualTime({ clock: h.clock, settle: () => new Promise((r) => setImmediate(r)) }, promise);

async function boot(): Promise<{ h: Harness; client: ProcessContext; web: string[] }> {
  const h = await createHarness();
  await h.run('kubectl create deployment web --image=nginx --replicas=2');
  await h.run('kubectl expose deployment web --port=80 --type=NodePort');
  await h.run('kubectl run client --image=busybox -- sleep 3600');
  await h.run('kubectl wait --for=condition=Ready pod --all --timeout=120s');
  await h.run('kubectl wait --for=condition=Ready pod -n kube-system -l k8s-app=kube-dns --timeout=120s');
  const web = (await h.run("kubectl get pods -l app=web -o jsonpath='{.items[*].status.podIP}'")).stdout.split(' ');
  return { h, client: await podContext(h, 'client', 'client'), web: web.sort() };
}

describe('cluster networking end to end', () => {
  // One cluster for the whole file (booting is most of its time); the tests run in order.
  let h: Harness;
  let client: ProcessContext;
  let web: string[];
  beforeAll(async () => void ({ h, client, web } = await boot()), 60_000);

  it('resolves a service by short name and reaches nginx behind it, in turn over its endpoints', async () => {
    const clusterIP = (await h.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'")).stdout;
    expect(await resolveHost(client, 'web')).toEqual({ name: 'web.default.svc.cluster.local', addresses: [clusterIP] });
    // CoreDNS's log plugin writes a line for each of the resolver's questions.
    const dnsLog = (await h.run('kubectl logs -n kube-system -l k8s-app=kube-dns --tail=2')).stdout;
    const line = (type: string, size: number) =>
      `\\[INFO\\] ${client.net!.address.replace(/\./g, '\\.')}:\\d+ - \\d+ "${type} IN web\\.default\\.svc\\.cluster\\.local\\. udp 47 false 512" NOERROR qr,aa,rd ${size} 0\\.\\d+s`;
    expect(dnsLog).toMatch(new RegExp(`^${line('A', 92)}\\n${line('AAAA', 140)}\\n$`));
    // A stream client (nc) reaches nginx's HTTP listener; kube-proxy's round robin alternates the pods.
    for (let i = 0; i < 4; i++) {
      const socket = await client.net!.connect(clusterIP, 80);
      socket.write('GET / HTTP/1.0\r\n\r\n');
      let text = '';
      for await (const chunk of socket.input) text += chunk;
      expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\//);
    }
    const pods = (await h.run("kubectl get pods -l app=web -o jsonpath='{.items[*].metadata.name}'")).stdout.split(' ');
    for (const pod of pods) {
      const log = (await h.run(`kubectl logs ${pod}`)).stdout;
      expect(log.split('\n').filter((line) => line.startsWith(`${client.net!.address} - -`))).toHaveLength(2);
    }
    expect(web).toHaveLength(2);
    const response = await client.net!.http(clusterIP, 80, { method: 'GET', path: '/', headers: {}, body: '' });
    expect(response.status).toBe(200);
    // The learner's shell reaches the same pods through the NodePort on the node's address.
    const nodePort = (await h.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'")).stdout;
    const curl = await h.run(`curl -s -o /dev/null -w '%{http_code}' http://192.168.49.2:${nodePort}/`);
    expect(curl.stdout).toBe('200');
  });

  it('answers NXDOMAIN for unknown names, and refuses a service without endpoints', async () => {
    expect(await onClock(h, resolveHost(client, 'nothing-here'))).toEqual({ error: 'NXDOMAIN' });
    await h.run('kubectl scale deployment web --replicas=0');
    await h.run('kubectl wait --for=delete pod -l app=web --timeout=60s');
    const clusterIP = (await h.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'")).stdout;
    const refused = await client.net!.connect(clusterIP, 80).catch((error: unknown) => error);
    expect(refused).toEqual(new NetError('ECONNREFUSED', clusterIP, 80));
  });

  it('times out on the clock when CoreDNS is down', async () => {
    await h.run('kubectl scale deployment coredns -n kube-system --replicas=0');
    await h.run('kubectl wait --for=delete pod -n kube-system -l k8s-app=kube-dns --timeout=60s');
    const start = h.clock.now();
    expect(await onClock(h, resolveHost(client, 'web'))).toEqual({ error: 'ETIMEDOUT' });
    // resolv.conf's defaults: two rounds of a 5 s wait for the one nameserver.
    expect(h.clock.now() - start).toBe(10_000);
  });
});
