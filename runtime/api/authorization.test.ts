// The authorization filter: requests as an impersonated user (kubectl --as) are allowed or
// refused by RBAC with the real Forbidden texts; minikube-user (system:masters) may do anything.
import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';

const PODS = '/api/v1/namespaces/default/pods';
const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const AS_LEARNER = { 'impersonate-user': 'learner' };

async function withLearner() {
  const t = await createTestApi();
  await t.request('POST', PODS, podManifest('web'));
  await t.request('POST', `${RBAC}/namespaces/default/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'pod-reader' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }],
  });
  await t.request('POST', `${RBAC}/namespaces/default/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'learner-reads' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'learner' }],
  });
  return t;
}

describe('the authorization filter', () => {
  it('lets an impersonated user do what a binding grants', async () => {
    const { request } = await withLearner();
    expect((await request('GET', `${PODS}/web`, undefined, AS_LEARNER)).status).toBe(200);
    expect((await request('GET', PODS, undefined, AS_LEARNER)).body.items).toHaveLength(1);
  });

  it('refuses the rest with the real Forbidden Status, and changes nothing', async () => {
    const { request, cluster } = await withLearner();
    const before = cluster.store.revision();
    const denied = await request('DELETE', `${PODS}/web`, undefined, AS_LEARNER);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods "web" is forbidden: User "learner" cannot delete resource "pods" in API group "" in the namespace "default"',
      reason: 'Forbidden',
      details: { name: 'web', kind: 'pods' },
      code: 403,
    });
    expect(cluster.store.revision()).toBe(before);
    const message = async (method: string, path: string) =>
      (await request(method, path, undefined, AS_LEARNER)).body.message;
    expect(await message('GET', '/api/v1/namespaces/kube-system/pods')).toBe(
      'pods is forbidden: User "learner" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    );
    expect(await message('GET', '/apis/apps/v1/deployments')).toBe(
      'deployments.apps is forbidden: User "learner" cannot list resource "deployments" in API group "apps" at the cluster scope',
    );
    expect(await message('GET', `${PODS}/web/log`)).toBe(
      'pods "web" is forbidden: User "learner" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
    expect(await message('GET', '/logs')).toBe('forbidden: User "learner" cannot get path "/logs"');
    // Refused before the path is even looked at, as the filter runs first.
    expect(await message('GET', '/apis/example.com/v1/widgets')).toBe(
      'widgets.example.com is forbidden: User "learner" cannot list resource "widgets" in API group "example.com" at the cluster scope',
    );
  });

  it('names a missing role in the reason', async () => {
    const { request } = await withLearner();
    await request('DELETE', `${RBAC}/namespaces/default/roles/pod-reader`);
    expect((await request('GET', `${PODS}/web`, undefined, AS_LEARNER)).body.message).toBe(
      'pods "web" is forbidden: User "learner" cannot get resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "pod-reader" not found',
    );
  });

  it('treats a watch of one name as a request about that object', async () => {
    const { request } = await withLearner();
    const watch = await request(
      'GET',
      '/api/v1/namespaces/kube-system/pods?watch=true&fieldSelector=metadata.name%3Dcoredns',
      undefined,
      AS_LEARNER,
    );
    expect(watch.body.message).toBe(
      'pods "coredns" is forbidden: User "learner" cannot watch resource "pods" in API group "" in the namespace "kube-system"',
    );
  });

  it('never refuses minikube-user', async () => {
    const { request } = await withLearner();
    expect((await request('DELETE', `${PODS}/web`)).status).toBe(200);
  });
});
