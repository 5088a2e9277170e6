// The dashboard as learners reach it: the addon enabled on a whole playground, its pages loaded
// by the host's browser through kubectl proxy and the API server's service proxy.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';
import type { PageRequest } from '../runtime/shell/host-browser';

const URL = 'http://127.0.0.1:8001/api/v1/namespaces/kubernetes-dashboard/services/http:kubernetes-dashboard:/proxy/';

describe('the dashboard behind kubectl proxy', () => {
  let h: Harness;
  const load = (request: PageRequest) => h.load(request);

  beforeAll(async () => {
    h = await createHarness();
    for (const line of [
      'minikube addons enable dashboard',
      'kubectl wait -n kubernetes-dashboard --for=condition=Available deployment/kubernetes-dashboard --timeout=300s',
      'kubectl proxy > /dev/null 2>&1 &',
    ]) {
      const result = await h.run(line);
      expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
    }
  });

  it('opens the overview, deploys an app from the form, and shows its running pods', async () => {
    const overview = await load({ method: 'GET', url: URL });
    expect(overview).toMatchObject({ url: URL, status: 200 });
    expect('body' in overview && overview.body).toContain('<h1>Workloads</h1>');
    const created = await load({
      method: 'POST',
      url: `${URL}create?namespace=default`,
      body: 'tab=app&name=hello&image=nginx&replicas=2&service=internal&port=80&targetPort=80&namespace=default',
    });
    expect(created).toMatchObject({ url: `${URL}workloads?namespace=default`, status: 200 });
    expect((await h.run('kubectl wait --for=condition=Available deployment/hello')).exitCode).toBe(0);
    const list = await load({ method: 'GET', url: `${URL}deployments?namespace=default` });
    expect('body' in list && list.body).toContain('<td>2 / 2</td>');
    const pods = (await h.run("kubectl get pods -l k8s-app=hello -o jsonpath='{.items[0].metadata.name}'")).stdout;
    const log = await load({ method: 'GET', url: `${URL}log/default/${pods}` });
    expect(log).toMatchObject({ status: 200 });
    expect('body' in log && log.body).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });
});
