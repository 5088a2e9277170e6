// Throws random requests at the API handler: whatever comes in, the answer is a well-formed
// Status or a valid result, never an exception, and a failed request changes nothing.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createTestApi, podManifest } from './api';

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'apis',
    'v1',
    'apps',
    'namespaces',
    'default',
    'kube-system',
    'pods',
    'deployments',
    'services',
  ),
  fc.constantFrom('status', 'scale', 'binding', 'log', 'exec', 'nginx', 'web', 'finalize', 'openapi', 'v3', 'version'),
  fc.constantFrom('', '..', '.', '%2F', '%zz', 'Bad_Name!', 'a'.repeat(300), '你好', '\u0000'),
  fc.string({ maxLength: 12 }),
);
const randomPath = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`);
const groupVersion = fc.constantFrom(
  '/api/v1',
  '/apis/apps/v1',
  '/apis/batch/v1',
  '/apis/rbac.authorization.k8s.io/v1',
  '/api/v2',
);
const resource = fc.constantFrom(
  'pods',
  'services',
  'namespaces',
  'configmaps',
  'nodes',
  'deployments',
  'replicasets',
  'jobs',
  'roles',
  'events',
  'bindings',
  'widgets',
);
const name = fc.oneof(
  fc.constantFrom('nginx', 'web', 'default', 'fuzzed', 'Bad_Name!', ''),
  fc.string({ maxLength: 10 }),
);
const subresource = fc.constantFrom(undefined, 'status', 'scale', 'binding', 'log', 'finalize', 'eviction', 'x');
const resourcePath = fc
  .tuple(
    groupVersion,
    fc.constantFrom(undefined, 'default', 'kube-system', 'nope'),
    resource,
    fc.option(name),
    subresource,
  )
  .map(([gv, ns, res, n, sub]) => {
    let p = ns ? `${gv}/namespaces/${ns}/${res}` : `${gv}/${res}`;
    if (n !== null) p += `/${encodeURIComponent(n)}`;
    if (n !== null && sub) p += `/${sub}`;
    return p;
  });
const path = fc.oneof({ weight: 4, arbitrary: resourcePath }, { weight: 1, arbitrary: randomPath });
const query = fc.array(
  fc.tuple(
    fc.constantFrom(
      'labelSelector',
      'fieldSelector',
      'limit',
      'continue',
      'watch',
      'resourceVersion',
      'timeoutSeconds',
      'dryRun',
      'gracePeriodSeconds',
      'fieldValidation',
      'includeObject',
      'x',
    ),
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('true', '0', '1', '-5', 'All', 'app in (a,b', 'a=b,c!=d', 'metadata.name=x', '!!', '9999999999'),
    ),
  ),
  { maxLength: 4 },
);
const leaf = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const body = fc.oneof(
  fc.constant(undefined),
  json.map((v) => JSON.stringify(v)),
  fc
    .record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'x'),
      kind: fc.constantFrom('Pod', 'Deployment', 'Namespace', 'Nope'),
      metadata: fc.oneof(json, fc.record({ name: fc.string({ maxLength: 70 }) })),
      spec: json,
    })
    .map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify(podManifest('fuzzed'))),
  fc.string({ maxLength: 200 }),
  fc.constant('{"kind": '),
  fc.constant(`${'['.repeat(20000)}${']'.repeat(20000)}`),
  fc.constant(`{"metadata":{"name":"${'x'.repeat(400_000)}"}}`),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...bytes])),
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'BREW');
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/yaml',
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'application/vnd.kubernetes.protobuf',
  'text/plain',
);
const accept = fc.constantFrom(
  undefined,
  'application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'text/html',
  '*/*',
);

/** Requests that often succeed, so that failures are checked against a changing store. */
const plausible = fc
  .tuple(
    fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'GET'),
    fc.constantFrom('fuzzed', 'nginx', 'other', 'Bad_Name!'),
    fc.dictionary(fc.constantFrom('app', 'tier', 'bad key!'), fc.constantFrom('web', 'db', '', 'no good')),
    fc.constantFrom('application/json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'),
  )
  .map(([m, n, labels, type]) => {
    const collection = m === 'POST' || (m === 'GET' && n === 'other');
    const manifest = podManifest(n, { metadata: { labels } });
    return [
      m,
      collection ? '/api/v1/namespaces/default/pods' : `/api/v1/namespaces/default/pods/${encodeURIComponent(n)}`,
      [],
      JSON.stringify(m === 'PATCH' ? { metadata: { labels } } : manifest),
      type,
      undefined,
    ] as const;
  });

it('answers 10,000 random requests with a Status or a result, and failures change nothing', async () => {
  const { api, request, cluster } = await createTestApi();
  await request('POST', '/api/v1/namespaces/default/pods', podManifest('nginx'));
  let writes = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(method, path, query, body, contentType, accept) },
        { weight: 1, arbitrary: plausible },
      ),
      async ([m, p, q, b, type, acc]) => {
        const revision = cluster.store.revision();
        const search = q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        if (acc) headers.accept = acc;
        const response = await api({ method: m, path: search ? `${p}?${search}` : p, headers, body: b });
        response.stream?.close();
        expect(typeof response.status).toBe('number');
        if (response.headers['content-type']?.startsWith('text/plain')) return;
        if (response.stream) return;
        const parsed = JSON.parse(response.body);
        if (response.status >= 400) {
          expect(parsed).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: response.status });
          expect(typeof parsed.reason).toBe('string');
          expect(typeof parsed.message).toBe('string');
          await cluster.store.flush();
          expect(cluster.store.revision()).toBe(revision);
        } else if (m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE') {
          writes++;
        }
      },
    ),
    { numRuns: 10_000, seed: 20261128 },
  );
  // The plausible requests must have made the store change, or the check above proved little.
  expect(writes).toBeGreaterThan(100);
}, 300_000);
