// The page's browser tabs: what `minikube service` and `minikube dashboard` open, loaded as a
// browser on the learner's host loads it (over the host network, like curl).
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageRequest } from '../runtime/shell/host-browser';
import { createHarness, type Harness } from './harness';

describe('the browser on the learner host', () => {
  let h: Harness;
  const load = (url: string, request: Partial<PageRequest> = {}) => h.load({ method: 'GET', url, ...request });

  beforeAll(async () => {
    h = await createHarness();
    for (const line of [
      'kubectl create deployment web --image=nginx',
      'kubectl expose deployment web --type=NodePort --port=80',
      'kubectl wait --for=condition=Available deployment/web',
    ]) {
      const result = await h.run(line);
      expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
    }
  });

  it('opens what minikube service opens: the NodePort URL, answered by nginx', async () => {
    const result = await h.run('minikube service web');
    expect(result.stdout).toContain('🎉  Opening service default/web in default browser...\n');
    const nodePort = (await h.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'")).stdout;
    expect(h.opened).toEqual([`http://192.168.49.2:${nodePort}`]);
    const page = await load(h.opened[0]);
    expect(page).toMatchObject({ url: `http://192.168.49.2:${nodePort}`, status: 200, contentType: 'text/html' });
    expect('body' in page && page.body).toContain('<h1>Welcome to nginx!</h1>');
    expect(await h.run('minikube service web --url')).toMatchObject({ exitCode: 0 });
    expect(h.opened).toHaveLength(1);
  });

  it('follows redirects and names failures as Chromium does', async () => {
    await h.run('kubectl proxy > /dev/null 2>&1 &');
    const proxied = await load('127.0.0.1:8001/api/v1/namespaces/default/services/web/proxy');
    expect(proxied).toMatchObject({
      url: 'http://127.0.0.1:8001/api/v1/namespaces/default/services/web/proxy/',
      status: 200,
    });
    expect(await load('http://192.168.49.2:1/')).toMatchObject({ error: 'ERR_CONNECTION_REFUSED' });
    expect(await load('http://web/')).toMatchObject({ error: 'ERR_NAME_NOT_RESOLVED' });
    expect(await load('https://192.168.49.2:8443/')).toMatchObject({ error: 'ERR_CERT_AUTHORITY_INVALID' });
    expect(await load('http://10.96.0.1/')).toMatchObject({ error: 'ERR_CONNECTION_TIMED_OUT' });
  });
});
