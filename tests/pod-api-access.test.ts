// Pods reach the API server as in-cluster clients do: through the kubernetes Service
// (https://kubernetes.default.svc, 10.96.0.1:443 → 192.168.49.2:8443), with minikube's
// certificate, which the pod's projected ca.crt verifies, and the service account's token.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

const SA = '/var/run/secrets/kubernetes.io/serviceaccount';
const AS_POD = `--cacert ${SA}/ca.crt -H "Authorization: Bearer $(cat ${SA}/token)"`;

describe('the API server from a pod', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    for (const line of [
      'kubectl run c --image=curlimages/curl --command -- sleep 3600',
      'kubectl run bb --image=busybox -- sleep 3600',
      'kubectl wait --for=condition=Ready pod/c pod/bb',
    ]) {
      const result = await h.run(line);
      expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
    }
  });

  it('answers the service account with discovery, and refuses what RBAC does not grant it', async () => {
    const api = await h.run(`kubectl exec c -- sh -c 'curl -s ${AS_POD} https://kubernetes.default.svc/api'`);
    expect(api.stdout).toBe(
      '{\n  "kind": "APIVersions",\n  "versions": [\n    "v1"\n  ],\n  "serverAddressByClientCIDRs": [\n' +
        '    {\n      "clientCIDR": "0.0.0.0/0",\n      "serverAddress": "192.168.49.2:8443"\n    }\n  ]\n}\n',
    );
    const pods = await h.run(
      `kubectl exec c -- sh -c 'curl -s ${AS_POD} https://kubernetes/api/v1/namespaces/default/pods'`,
    );
    expect(JSON.parse(pods.stdout)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"',
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
  });

  it('is anonymous without a token, and curl checks its certificate against the CA it is given', async () => {
    const anonymous = await h.run('kubectl exec c -- curl -sk https://10.96.0.1/api');
    expect(JSON.parse(anonymous.stdout).message).toBe('forbidden: User "system:anonymous" cannot get path "/api"');
    const health = await h.run(
      `kubectl exec c -- curl -sS --cacert ${SA}/ca.crt https://kubernetes.default.svc/healthz`,
    );
    expect(health.stdout).toBe('ok');
    const unverified = await h.run('kubectl exec c -- curl -sS https://kubernetes.default.svc/api');
    expect(unverified.exitCode).toBe(60);
    expect(unverified.stderr).toBe(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\n' +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the webpage mentioned above.\n' +
        'command terminated with exit code 60\n',
    );
  });

  it("speaks TLS to busybox's wget, which checks no certificate and says so", async () => {
    const version = await h.run('kubectl exec bb -- wget -qO- https://kubernetes/version');
    expect(JSON.parse(version.stdout).gitVersion).toBe('v1.34.0');
    expect(version.stderr).toBe('wget: note: TLS certificate validation not implemented\n');
    const quiet = await h.run('kubectl exec bb -- wget -qO- --no-check-certificate https://kubernetes/healthz');
    expect([quiet.stdout, quiet.stderr]).toEqual(['ok', '']);
    const plain = await h.run('kubectl exec bb -- wget -qO- http://kubernetes:443/');
    expect(plain.stderr).toBe(
      'wget: server returned error: HTTP/1.0 400 Bad Request\ncommand terminated with exit code 1\n',
    );
  });
});
