// The default RBAC objects of kube-apiserver's rbac/bootstrap-roles hook: made once at cluster
// creation, as Kubernetes v1.34's bootstrap policy golden files have them, and what they grant.
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/api';
import { MemoryBackend } from '../../storage/backend';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** What the golden files hold: cluster-roles + controller-roles, and so on. */
const GOLDEN_COUNTS = { clusterroles: 31 + 37, clusterrolebindings: 12 + 37, roles: 7, rolebindings: 7 };

/** The object as created, without what the server adds (uid, times, versions, managedFields). */
function stripServerFields(object: any): any {
  const { uid: _uid, creationTimestamp: _c, resourceVersion: _r, managedFields: _m, ...metadata } = object.metadata;
  return { ...object, metadata };
}

describe('bootstrap RBAC', () => {
  it('creates every default ClusterRole, ClusterRoleBinding, Role and RoleBinding', async () => {
    const { request } = await createTestApi();
    for (const [plural, count] of Object.entries(GOLDEN_COUNTS)) {
      const list = await request('GET', `${RBAC}/${plural}?labelSelector=kubernetes.io/bootstrapping=rbac-defaults`);
      expect([plural, list.body.items.length]).toEqual([plural, count]);
    }
    const roles = await request('GET', `${RBAC}/roles`);
    expect(roles.body.items.map((r: any) => `${r.metadata.namespace}/${r.metadata.name}`).sort()).toEqual([
      'kube-public/system:controller:bootstrap-signer',
      'kube-system/extension-apiserver-authentication-reader',
      'kube-system/system::leader-locking-kube-controller-manager',
      'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer',
      'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ]);
  });

  it('makes cluster-admin and the system:discovery binding as kube-apiserver does', async () => {
    const { request } = await createTestApi();
    const admin = await request('GET', `${RBAC}/clusterroles/cluster-admin`);
    expect(stripServerFields(admin.body)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'cluster-admin', labels: BOOTSTRAP, annotations: AUTOUPDATE },
      rules: [
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        { verbs: ['*'], nonResourceURLs: ['*'] },
      ],
    });
    expect(admin.body.metadata.managedFields[0]).toMatchObject({ manager: 'kube-apiserver', operation: 'Update' });
    const discovery = await request('GET', `${RBAC}/clusterrolebindings/system:discovery`);
    expect(stripServerFields(discovery.body)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:discovery', labels: BOOTSTRAP, annotations: AUTOUPDATE },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:authenticated' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:discovery' },
    });
    const controller = await request('GET', `${RBAC}/clusterrolebindings/system:controller:job-controller`);
    expect(controller.body.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'job-controller', namespace: 'kube-system' },
    ]);
  });

  it('gives admin, edit and view the rules the aggregation controller collects', async () => {
    const { request } = await createTestApi();
    const rules = async (name: string) => (await request('GET', `${RBAC}/clusterroles/${name}`)).body.rules;
    const [admin, edit, view] = [await rules('admin'), await rules('edit'), await rules('view')];
    const [toAdmin, toEdit, toView] = [
      await rules('system:aggregate-to-admin'),
      await rules('system:aggregate-to-edit'),
      await rules('system:aggregate-to-view'),
    ];
    // Per selector, the matching roles by name: edit < system:aggregate-to-admin, and so on.
    expect(view).toEqual(toView);
    expect(edit).toEqual([...toEdit, ...toView]);
    expect(admin).toEqual([...toEdit, ...toView, ...toAdmin]);
    expect(admin).toHaveLength(27);
    expect(admin.at(-1)).toEqual({
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      apiGroups: ['rbac.authorization.k8s.io'],
      resources: ['rolebindings', 'roles'],
    });
    const adminRole = (await request('GET', `${RBAC}/clusterroles/admin`)).body;
    expect(adminRole.aggregationRule).toEqual({
      clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }],
    });
  });

  it('adds nothing when the cluster is created again over the same storage, and restores a deleted role', async () => {
    const storage = new MemoryBackend();
    const first = await createTestApi(storage);
    const before = await first.request('GET', `${RBAC}/clusterroles`);
    const again = await createTestApi(storage);
    const after = await again.request('GET', `${RBAC}/clusterroles`);
    expect(after.body.metadata.resourceVersion).toBe(before.body.metadata.resourceVersion);
    expect(after.body.items).toHaveLength(GOLDEN_COUNTS.clusterroles);

    await again.request('DELETE', `${RBAC}/clusterroles/view`);
    const third = await createTestApi(storage);
    expect((await third.request('GET', `${RBAC}/clusterroles/view`)).status).toBe(200);
  });

  it('lets every authenticated user discover the API and review itself, and no more', async () => {
    const { request } = await createTestApi();
    const as = { 'impersonate-user': 'jane' };
    const review = async (spec: object) =>
      (
        await request(
          'POST',
          '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec },
          as,
        )
      ).body.status;
    expect(await review({ nonResourceAttributes: { path: '/api', verb: 'get' } })).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
    });
    expect(await review({ nonResourceAttributes: { path: '/version', verb: 'get' } })).toMatchObject({ allowed: true });
    expect(await review({ resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } })).toEqual({
      allowed: false,
    });
    expect(
      await review({
        resourceAttributes: { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' },
      }),
    ).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
    });
  });
});

describe('RBAC object names', () => {
  it('need only be a path segment (ValidateRBACName), unlike most kinds', async () => {
    const { request } = await createTestApi();
    const role = (name: string) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
    });
    expect((await request('POST', `${RBAC}/clusterroles`, role('team:Readers_1'))).status).toBe(201);
    const bad = await request('POST', `${RBAC}/clusterroles`, role('a%b'));
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe(
      `ClusterRole.rbac.authorization.k8s.io "a%b" is invalid: metadata.name: Invalid value: "a%b": may not contain '%'`,
    );
  });
});
