import { describe, expect, it } from 'vitest';
import { createHarness } from './harness';

describe('minikube delete', () => {
  it('removes the cluster; start makes a fresh one', async () => {
    const h = await createHarness();
    await h.run('kubectl create deployment web --image=nginx');
    const r = await h.run('minikube delete');
    expect(r.stdout).toBe(
      '🔥  Deleting "minikube" in docker ...\n' +
        '🔥  Deleting container "minikube" ...\n' +
        '🔥  Removing /home/learner/.minikube/machines/minikube ...\n' +
        '💀  Removed all traces of the "minikube" cluster.\n',
    );
    expect(r.exitCode).toBe(0);
    expect((await h.run('minikube start')).exitCode).toBe(0);
    await h.run('sleep 30');
    expect((await h.run('kubectl get deploy')).stderr).toBe('No resources found in default namespace.\n');
    expect((await h.run('kubectl get nodes -o name')).stdout).toBe('node/minikube\n');
  });
});

describe('minikube tunnel', () => {
  it('gives LoadBalancer services 127.0.0.1 until Ctrl-C', async () => {
    const h = await createHarness();
    await h.run('kubectl create deployment web --image=nginx');
    await h.run('kubectl expose deployment web --type=LoadBalancer --port=80');
    let screen = '';
    const session = h.playground.openSession({ write: (t) => void (screen += t) }, 80);
    session.start();
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    await settle();
    session.input('minikube tunnel\r');
    for (let i = 0; i < 3; i++) {
      await settle();
      h.clock.advance(1000);
    }
    const ip = await h.run('kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ip.stdout).toBe('127.0.0.1');
    session.input('\x03');
    await settle();
    const text = screen.replace(/\r/g, '');
    expect(text).toContain(
      '✅  Tunnel successfully started\n\n' +
        '📌  NOTE: Please do not close this terminal as this process must stay alive for the tunnel to be accessible ...\n\n' +
        '❗  The service/ingress web requires privileged ports to be exposed: [80]\n' +
        '🔑  sudo permission will be asked for it.\n' +
        '🏃  Starting tunnel for service web.\n',
    );
    // The shell's jobs die on Ctrl-C (their later writes vanish): the Stopping line is not seen.
    await settle();
    expect((await h.run('kubectl get svc web -o jsonpath={.status}')).stdout).toBe('{"loadBalancer":{}}');
  });
});

describe('minikube image ls and ssh docker ps', () => {
  it('lists the node images and containers', async () => {
    const h = await createHarness();
    await h.run('kubectl run web --image=nginx');
    await h.run('sleep 60');
    const images = await h.run('minikube image ls');
    expect(images.stdout).toContain('registry.k8s.io/pause:3.10.1\n');
    const ps = await h.run('minikube ssh -- docker ps');
    expect(ps.stdout.split('\n')[0]).toMatch(
      /^CONTAINER ID {3}IMAGE {2,}COMMAND {2,}CREATED {2,}STATUS {2,}PORTS {3}NAMES$/,
    );
    expect(ps.stdout).toMatch(/"\/docker-entrypoint\.…"/);
  });
});
