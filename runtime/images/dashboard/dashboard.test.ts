// The dashboard's pages against a real in-process API server: its program on a fake process whose
// `kubernetes` is the cluster's API, requests as the service proxy forwards them (the path after
// `/proxy`). Every page and redirect any test renders is checked to link only relatively.
import { describe, expect, it } from 'vitest';
import { podManifest } from '../../../tests/api';
import {
  ABSOLUTE_LINK,
  checkRelativeLinks,
  deployment,
  rendered,
  startDashboard as start,
} from '../../../tests/dashboard-testing';

checkRelativeLinks();

describe('the dashboard program', () => {
  it('logs its start, shows the overview at /, and stops on SIGTERM', async () => {
    const d = await start();
    expect(d.process.stderr()).toBe(
      '2026-01-01 00:00:00 Starting overwatch\n2026-01-01 00:00:00 Using namespace: kubernetes-dashboard\n2026-01-01 00:00:00 Serving insecurely on HTTP port: 9090\n',
    );
    const root = await d.get('/');
    expect(root.status).toBe(200);
    expect(root.body).toContain('<h1>Workloads</h1>');
    expect(root.body).toContain('There is nothing to display here');
    const probe = await d.process.listeners.get(9090)!.http!({
      method: 'GET',
      path: '/',
      headers: { 'user-agent': 'kube-probe/1.34', accept: '*/*' },
      body: '',
      remoteAddress: '192.168.49.2',
    });
    expect(probe).toMatchObject({ status: 200, body: 'OK\n' });
    d.process.signal('SIGTERM');
    expect(await d.status).toBe(0);
    expect(d.process.listeners.has(9090)).toBe(false);
  });

  it('answers 503 in plain text without the API', async () => {
    const d = await start(false);
    const reply = await d.get('/workloads');
    expect(reply.status).toBe(503);
    expect(reply.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(reply.body).toContain('cannot reach the Kubernetes API');
  });
});

describe('lists and the overview', () => {
  it('lists a deployment with its images, labels, ready pods and age', async () => {
    const d = await start();
    await d.request('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    await d.request(
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web/status',
      { status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    d.clock.advance(5 * 60_000);
    const page = await d.get('/deployments?namespace=default');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(
      '<tr><td><span class="dot ok" title="ok"></span><a href="deployment/default/web">web</a></td>',
    );
    expect(page.body).toContain(
      '<td><span class="chip">nginx:1.29</span></td><td><span class="chip">app: web</span></td><td>2 / 2</td><td>5 minutes ago</td></tr>',
    );
    expect(page.body).toContain('<a href="deployments?namespace=default" class="active">Deployments</a>');
    const overview = await d.get('/workloads?namespace=default');
    expect(overview.body).toContain('<h2>Deployments</h2>');
    expect(overview.body).not.toContain('<h2>Pods</h2>');
    const empty = await d.get('/workloads?namespace=kube-public');
    expect(empty.body).toContain('There is nothing to display here');
    expect(empty.body).toContain('<option value="kube-public" selected>kube-public</option>');
  });

  it('shows every namespace with a Namespace column, and services with their endpoints', async () => {
    const d = await start();
    await d.request('POST', '/api/v1/namespaces/default/pods', podManifest('web-1'));
    await d.request('POST', '/api/v1/namespaces/kube-public/pods', podManifest('other'));
    const all = await d.get('/pods?namespace=_all');
    expect(all.body).toContain('<th>Name</th><th>Namespace</th><th>Images</th>');
    expect(all.body).toContain('<a href="pod/kube-public/other">other</a>');
    expect(all.body).toContain('<option value="_all" selected>All namespaces</option>');
    await d.request('POST', '/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
    });
    const services = await d.get('/services');
    expect(services.body).toContain('<td>NodePort</td>');
    expect(services.body).toContain('<td>web.default:80 TCP<br>web.default:30080 TCP</td>');
  });

  it('escapes what it shows', async () => {
    const d = await start();
    await d.request('POST', '/api/v1/namespaces/default/configmaps', {
      metadata: { name: 'cfg', annotations: { note: '<script>alert(1)</script>' } },
      data: { 'a.txt': '"x" & <y>' },
    });
    const page = await d.get('/configmap/default/cfg');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('note: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).toContain('<pre>&quot;x&quot; &amp; &lt;y&gt;</pre>');
  });
});

describe('detail pages', () => {
  it('shows a pod with its containers, links back relatively, and the events that involve it', async () => {
    const d = await start();
    const pod = (await d.request('POST', '/api/v1/namespaces/default/pods', podManifest('web-1'))).body;
    await d.request('POST', '/api/v1/namespaces/default/events', {
      metadata: { name: 'web-1.1' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: pod.metadata.uid },
      reason: 'Pulled',
      message: 'Container image "nginx" already present on machine',
      source: { component: 'kubelet', host: 'minikube' },
      count: 3,
      type: 'Normal',
    });
    const page = await d.get('/pod/default/web-1');
    expect(page.body).toContain('<title>Pod web-1 - Kubernetes Dashboard</title>');
    expect(page.body).toContain('<dt>UID</dt><dd>' + pod.metadata.uid + '</dd>');
    expect(page.body).toContain('<dt>QoS Class</dt><dd>BestEffort</dd>');
    expect(page.body).toContain('<dt>Image</dt><dd>nginx</dd>');
    expect(page.body).toContain('<a href="../../log/default/web-1">View logs</a>');
    expect(page.body).toContain('<a href="../../pods?namespace=default" class="active">Pods</a>');
    expect(page.body).toContain('<form method="get" action="../../pods">');
    expect(page.body).toContain('Container image &quot;nginx&quot; already present on machine');
    expect(page.body).toContain('<td>kubelet minikube</td><td>-</td><td>3</td>');
    const missing = await d.get('/pod/default/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('pods &quot;nope&quot; not found');
  });

  it('shows the logs page with a container select', async () => {
    const d = await start();
    const two = podManifest('two', {
      spec: {
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'redis' },
        ],
      },
    });
    await d.request('POST', '/api/v1/namespaces/default/pods', two);
    const page = await d.get('/log/default/two?container=b');
    expect(page.body).toContain('<form class="inline" method="get" action="../../log/default/two">');
    expect(page.body).toContain('<option value="b" selected>b</option>');
    expect(page.body).toContain('<pre>There are no logs yet.</pre>');
  });

  it('shows a cluster-scoped node one level deep, and a 404 page for unknown paths', async () => {
    const d = await start();
    await d.request('POST', '/api/v1/nodes', { metadata: { name: 'minikube', labels: { role: 'cp' } } });
    const node = await d.get('/node/minikube');
    expect(node.status).toBe(200);
    expect(node.body).toContain('<a href="../nodes?namespace=default" class="active">Nodes</a>');
    const unknown = await d.get('/widgets/a/b');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('There is no page at /widgets/a/b.');
    expect(unknown.body).toContain('<a href="../../workloads?namespace=default"');
  });
});

describe('links', () => {
  it('links only relatively from every page', async () => {
    const d = await start();
    await d.request('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    await d.request('POST', '/api/v1/namespaces/default/pods', podManifest('web-1'));
    for (const plural of ['cronjobs', 'daemonsets', 'deployments', 'jobs', 'pods', 'replicasets', 'statefulsets']) {
      expect((await d.get(`/${plural}?namespace=_all`)).status).toBe(200);
    }
    for (const plural of [
      'services',
      'ingresses',
      'configmaps',
      'persistentvolumeclaims',
      'secrets',
      'namespaces',
      'nodes',
      'persistentvolumes',
      'events',
    ]) {
      expect((await d.get(`/${plural}`)).status).toBe(200);
    }
    for (const path of [
      '/deployment/default/web',
      '/namespace/default',
      '/service/default/kubernetes',
      '/create',
      '/log/default/web-1',
      '/nope',
    ]) {
      await d.get(path);
    }
    expect(rendered.length).toBeGreaterThan(20);
    // The afterEach scan covers these pages; check it catches an absolute link.
    expect('<a href="/pods"> <form action="http://x">'.match(ABSOLUTE_LINK)).toEqual(['href="/', 'action="http:']);
  });
});
