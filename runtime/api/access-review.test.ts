// Reviews (access, rules, self-subject, token) and service account tokens: answered through the
// authorizers (system:masters, then RBAC) and never stored.
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';

const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const access = (resourceAttributes: object) => ({
  apiVersion: 'authorization.k8s.io/v1',
  kind: 'SelfSubjectAccessReview',
  spec: { resourceAttributes },
});

async function withReader() {
  const t = await createTestApi();
  await t.request('POST', '/api/v1/namespaces/default/serviceaccounts', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'robot' },
  });
  await t.request('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'reader' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['*'] },
    ],
  });
  await t.request('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'robot-reads' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }],
  });
  return t;
}

describe('access reviews', () => {
  it('allow minikube-user (system:masters) anything, with no reason given', async () => {
    const { request } = await createTestApi();
    const review = await request('POST', SSAR, access({ namespace: 'default', verb: 'delete', resource: 'nodes' }));
    expect(review.status).toBe(201);
    expect(review.body).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'delete', resource: 'nodes' } },
      status: { allowed: true },
    });
  });

  it('decide for an impersonated user by RBAC, naming the binding that allows', async () => {
    const { request } = await withReader();
    const as = { 'impersonate-user': 'system:serviceaccount:default:robot' };
    const ask = async (attributes: object) => (await request('POST', SSAR, access(attributes), as)).body.status;
    expect(await ask({ namespace: 'default', verb: 'list', resource: 'pods' })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "robot-reads/default" of Role "reader" to ServiceAccount "robot/default"',
    });
    expect(await ask({ namespace: 'default', verb: 'get', resource: 'pods', subresource: 'log' })).toMatchObject({
      allowed: true,
    });
    expect(await ask({ namespace: 'default', verb: 'get', resource: 'pods', subresource: 'exec' })).toEqual({
      allowed: false,
    });
    expect(await ask({ namespace: 'kube-system', verb: 'list', resource: 'pods' })).toEqual({ allowed: false });
    expect(
      await ask({ namespace: 'default', verb: 'delete', group: 'apps', resource: 'deployments', name: 'web' }),
    ).toMatchObject({ allowed: true });
    expect(
      await ask({ namespace: 'default', verb: 'delete', group: 'apps', resource: 'deployments', name: 'api' }),
    ).toEqual({ allowed: false });
  });

  it('answer SubjectAccessReviews about someone else, and refuse malformed reviews', async () => {
    const { request } = await withReader();
    const sar = await request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: 'system:serviceaccount:default:robot',
        resourceAttributes: { namespace: 'default', verb: 'watch', resource: 'pods' },
      },
    });
    expect(sar.body.status).toEqual({ allowed: false });
    const empty = await request('POST', SSAR, {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.message).toBe(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
    const nobody = await request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } },
    });
    expect(nobody.body.message).toBe(
      'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified',
    );
  });

  it('list the rules a user holds in a namespace, and store nothing', async () => {
    const { request, cluster } = await withReader();
    const before = cluster.store.revision();
    const review = await request(
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } },
      { 'impersonate-user': 'system:serviceaccount:default:robot' },
    );
    // The cluster-wide grants every authenticated service account holds come first: the default
    // bindings system:basic-user, system:discovery, system:public-info-viewer and
    // system:service-account-issuer-discovery.
    expect(review.body.status).toEqual({
      resourceRules: [
        {
          verbs: ['create'],
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        },
        { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] },
        { verbs: ['*'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] },
      ],
      nonResourceRules: [
        {
          verbs: ['get'],
          nonResourceURLs: [
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
            '/healthz',
            '/livez',
            '/openapi',
            '/openapi/*',
            '/readyz',
            '/version',
            '/version/',
          ],
        },
        { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
        {
          verbs: ['get'],
          nonResourceURLs: [
            '/.well-known/openid-configuration',
            '/.well-known/openid-configuration/',
            '/openid/v1/jwks',
            '/openid/v1/jwks/',
          ],
        },
      ],
      incomplete: false,
    });
    expect(cluster.store.revision()).toBe(before);
    expect((await request('GET', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews')).status).toBe(405);
  });

  it('say who is asking (kubectl auth whoami), impersonation included', async () => {
    const { request } = await createTestApi();
    const self = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    const path = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
    expect((await request('POST', path, self)).body.status).toEqual({
      userInfo: { username: 'minikube-user', groups: ['system:masters', 'system:authenticated'] },
    });
    const jane = await request('POST', path, self, { 'impersonate-user': 'jane', 'impersonate-group': 'devs, ops' });
    expect(jane.body.status.userInfo).toEqual({ username: 'jane', groups: ['devs', 'ops', 'system:authenticated'] });
  });
});

describe('service account tokens', () => {
  const TOKEN = '/api/v1/namespaces/default/serviceaccounts/robot/token';
  const tokenRequest = (spec: object = {}) => ({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec });

  it('are issued for an hour by default, with the claims the real issuer writes', async () => {
    const { request } = await withReader();
    const issued = await request('POST', TOKEN, tokenRequest());
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'TokenRequest',
      metadata: { name: 'robot', namespace: 'default' },
      spec: {
        audiences: ['https://kubernetes.default.svc.cluster.local'],
        expirationSeconds: 3600,
        boundObjectRef: null,
      },
      status: { expirationTimestamp: '2026-01-01T01:00:00Z' },
    });
    const [header, payload, signature] = (issued.body.status.token as string).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).alg).toBe('RS256');
    expect(Buffer.from(signature, 'base64url')).toHaveLength(256);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      iat: 1767225600,
      nbf: 1767225600,
      exp: 1767229200,
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:default:robot',
      'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'robot' } },
    });
  });

  it('are recognised by a TokenReview until they expire or their account goes', async () => {
    const { request, clock } = await withReader();
    const token = (await request('POST', TOKEN, tokenRequest({ expirationSeconds: 600 }))).body.status.token;
    const review = (value: string) =>
      request('POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenReview',
        spec: { token: value },
      });
    expect((await review(token)).body.status).toMatchObject({
      authenticated: true,
      user: { username: 'system:serviceaccount:default:robot' },
    });
    expect((await review(`${token.slice(0, -2)}AA`)).body.status.authenticated).toBeUndefined();
    clock.advance(600_000);
    expect((await review(token)).body.status.authenticated).toBeUndefined();
    const fresh = (await request('POST', TOKEN, tokenRequest())).body.status.token;
    await request('DELETE', '/api/v1/namespaces/default/serviceaccounts/robot');
    expect((await review(fresh)).body.status.authenticated).toBeUndefined();
  });

  it('refuse short durations and unknown accounts with the real texts', async () => {
    const { request } = await withReader();
    expect((await request('POST', TOKEN, tokenRequest({ expirationSeconds: 300 }))).body.message).toBe(
      'TokenRequest.authentication.k8s.io "robot" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes',
    );
    const missing = await request('POST', '/api/v1/namespaces/default/serviceaccounts/nope/token', tokenRequest());
    expect(missing.body.message).toBe('serviceaccounts "nope" not found');
  });
});
