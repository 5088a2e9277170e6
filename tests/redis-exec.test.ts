// The seed's redis walkthrough end to end: a redis Deployment, its pod Running on the virtual
// clock, then redis-cli inside it through `kubectl exec` (one-shot) and `kubectl exec -ti`
// (interactive, on the session's terminal), and from the pod through the redis Service by name.
import { describe, expect, it } from 'vitest';
import { createHarness } from './harness';

describe('redis-cli in a redis pod', () => {
  it('answers a one-shot command and an interactive session', async () => {
    const h = await createHarness();
    await h.run('kubectl create deployment redis --image=redis');
    await h.run('kubectl wait --for=condition=Ready pod -l app=redis --timeout=120s');
    const pod = (await h.run('kubectl get pods -l app=redis -o name')).stdout.trim().replace('pod/', '');
    expect(pod).toMatch(/^redis-[a-z0-9]+-[a-z0-9]{5}$/);

    expect(await h.run(`kubectl exec ${pod} -- redis-cli set foo bar`)).toEqual({
      stdout: 'OK\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await h.run(`kubectl exec ${pod} -- redis-cli --no-raw get foo`)).toEqual({
      stdout: '"bar"\n',
      stderr: '',
      exitCode: 0,
    });
    // Through the Service, by its DNS name (the pod's resolv.conf search path).
    await h.run('kubectl expose deployment redis --port=6379');
    expect(await h.run(`kubectl exec ${pod} -- redis-cli -h redis -p 6379 get foo`)).toEqual({
      stdout: 'bar\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await h.run(`kubectl exec ${pod} -- redis-cli -h nope get foo`)).toEqual({
      stdout: '',
      stderr:
        'Could not connect to Redis at nope:6379: Name or service not known\ncommand terminated with exit code 1\n',
      exitCode: 1,
    });

    let screen = '';
    const session = h.playground.openSession({ write: (t) => void (screen += t) }, 80);
    session.start();
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    await settle();
    session.input(`kubectl exec -ti ${pod} -- redis-cli\r`);
    await settle();
    for (const line of ['set foo bar', 'get foo', 'exit']) {
      session.input(`${line}\r`);
      await settle();
    }
    // The container's terminal ends lines with \r\n, and kubectl's raw terminal passes them on.
    expect(screen).toContain(
      '127.0.0.1:6379> set foo bar\r\nOK\r\n127.0.0.1:6379> get foo\r\n"bar"\r\n127.0.0.1:6379> exit\r\n',
    );
  }, 60_000);
});
