// The dashboard's forms against a real in-process API server (set up as in dashboard.test.ts):
// Scale, Delete, and the create page's input and app form. Every page and redirect is checked
// to link only relatively.
import { describe, expect, it } from 'vitest';
import { checkRelativeLinks, deployment, startDashboard as start } from '../../../tests/dashboard-testing';

checkRelativeLinks();

describe('actions', () => {
  it('scales a deployment through its scale subresource, and refuses a bad count', async () => {
    const d = await start();
    await d.request('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    const detail = await d.get('/deployment/default/web');
    expect(detail.body).toContain('<form class="inline" method="post" action="../../deployment/default/web">');
    const scaled = await d.post('/deployment/default/web', { action: 'scale', replicas: '5' });
    expect(scaled.status).toBe(303);
    expect(scaled.headers.Location).toBe('../../deployment/default/web');
    expect((await d.request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.spec.replicas).toBe(5);
    const bad = await d.post('/deployment/default/web', { action: 'scale', replicas: '-1' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Replicas must be a whole number of 0 or more.');
  });

  it('deletes an object and goes back to its list', async () => {
    const d = await start();
    await d.request('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'cfg' } });
    const deleted = await d.post('/configmap/default/cfg', { action: 'delete' });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.Location).toBe('../../configmaps?namespace=default');
    expect((await d.request('GET', '/api/v1/namespaces/default/configmaps/cfg')).status).toBe(404);
  });
});

describe('create', () => {
  const app = {
    tab: 'app',
    name: 'hello',
    image: 'nginx:1.29',
    replicas: '3',
    service: 'external',
    port: '80',
    targetPort: '8080',
    namespace: 'default',
  };

  it('deploys a containerized app: a Deployment and a Service labelled k8s-app', async () => {
    const d = await start();
    const page = await d.get('/create?namespace=default');
    expect(page.body).toContain('<h2>Create from input</h2>');
    expect(page.body).toContain('<h2>Create from file</h2>');
    expect(page.body).toContain('<h2>Create from form</h2>');
    const created = await d.post('/create?namespace=default', app);
    expect(created.status).toBe(303);
    expect(created.headers.Location).toBe('workloads?namespace=default');
    const labels = { 'k8s-app': 'hello' };
    const made = (await d.request('GET', '/apis/apps/v1/namespaces/default/deployments/hello')).body;
    expect(made.metadata.labels).toEqual(labels);
    expect(made.spec.replicas).toBe(3);
    expect(made.spec.selector).toEqual({ matchLabels: labels });
    expect(made.spec.template.metadata.labels).toEqual(labels);
    expect(made.spec.template.spec.containers).toMatchObject([{ name: 'hello', image: 'nginx:1.29' }]);
    const service = (await d.request('GET', '/api/v1/namespaces/default/services/hello')).body;
    expect(service.metadata.labels).toEqual(labels);
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', selector: labels });
    expect(service.spec.ports).toMatchObject([{ port: 80, targetPort: 8080, protocol: 'TCP' }]);
  });

  it('shows the form again with its errors and what was typed', async () => {
    const d = await start();
    const bad = await d.post('/create?namespace=default', { ...app, name: 'Hello_World', image: '', replicas: '0' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('App name must start with a lowercase letter');
    expect(bad.body).toContain('Container image is required.');
    expect(bad.body).toContain('Number of pods must be a whole number of 1 or more.');
    expect(bad.body).toContain('value="Hello_World"');
    const long = await d.post('/create', { ...app, name: 'a'.repeat(25) });
    expect(long.body).toContain('App name must be up to 24 characters long.');
    expect((await d.request('GET', '/apis/apps/v1/namespaces/default/deployments')).body.items).toEqual([]);
    await d.post('/create', app);
    const again = await d.post('/create', app);
    expect(again.body).toContain('deployments.apps &quot;hello&quot; already exists');
  });

  it('creates every document of the input in the selected namespace, and shows the API error', async () => {
    const d = await start();
    const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: dev
---
{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"}, "spec": {"selector": {"matchLabels": {"app": "api"}}, "template": {"metadata": {"labels": {"app": "api"}}, "spec": {"containers": [{"name": "api", "image": "nginx"}]}}}}
`;
    const created = await d.post('/create?namespace=kube-public', { tab: 'input', manifest });
    expect(created.status).toBe(303);
    expect(created.headers.Location).toBe('workloads?namespace=kube-public');
    expect((await d.request('GET', '/api/v1/namespaces/kube-public/configmaps/settings')).body.data).toEqual({
      mode: 'dev',
    });
    expect((await d.request('GET', '/apis/apps/v1/namespaces/kube-public/deployments/api')).status).toBe(200);
    const invalid = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n';
    const failed = await d.post('/create', { tab: 'input', manifest: invalid });
    expect(failed.status).toBe(422);
    expect(failed.body).toContain('Pod &quot;p&quot; is invalid');
    expect(failed.body).toContain('containers: []\n</textarea>');
    const unknown = await d.post('/create', { tab: 'input', manifest: 'apiVersion: example.com/v1\nkind: Widget\n' });
    expect(unknown.body).toContain('The dashboard cannot create a Widget of apiVersion example.com/v1');
  });
});
