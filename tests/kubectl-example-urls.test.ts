// `kubectl create/apply -f URL` for the kubernetes.io examples lessons use, served offline from
// runtime/kubectl/example-manifests.ts. The real kubectl cannot reach the internet where the
// oracles run, so the texts are the ones it prints for the same files read locally, and for a
// host that does not resolve (`Unable to connect to the server: dial tcp: lookup …`).
import { describe, expect, it } from 'vitest';
import { kubectlScenario } from './kubectl-scenario';

const K8S = 'https://k8s.io/examples';
const RAW = 'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples';

describe('kubectl -f URL', () => {
  it.each([
    [`create -f ${K8S}/application/deployment.yaml`, 'deployment.apps/nginx-deployment created\n'],
    [`apply -f ${K8S}/pods/simple-pod.yaml`, 'pod/nginx created\n'],
    [`apply -f ${RAW}/controllers/frontend.yaml`, 'replicaset.apps/frontend created\n'],
    [`create -f ${K8S}/service/nginx-service.yaml`, 'service/nginx-service created\n'],
    [`apply -f ${K8S}/application/nginx-app.yaml`, 'service/my-nginx-svc created\ndeployment.apps/my-nginx created\n'],
  ])('%s', async (line, stdout) => {
    const harness = await kubectlScenario();
    expect(await harness.run(`kubectl ${line}`)).toEqual({ stdout, stderr: '', exitCode: 0 });
    await harness.playground.stop();
  });

  it('re-applies an updated example by URL', async () => {
    const harness = await kubectlScenario();
    await harness.run(`kubectl apply -f ${K8S}/application/deployment.yaml`);
    expect(await harness.run(`kubectl apply -f ${K8S}/application/deployment.yaml`)).toEqual({
      stdout: 'deployment.apps/nginx-deployment unchanged\n',
      stderr: '',
      exitCode: 0,
    });
    await harness.playground.stop();
  });

  it.each([
    [
      `create -f ${K8S}/pods/nope.yaml`,
      `error: unable to read URL "${K8S}/pods/nope.yaml", server reported 404 Not Found, status code=404\n`,
    ],
    [
      'apply -f http://example.invalid/x.yaml',
      'Unable to connect to the server: dial tcp: lookup example.invalid on 127.0.0.53:53: no such host\n',
    ],
  ])('%s fails', async (line, stderr) => {
    const harness = await kubectlScenario();
    expect(await harness.run(`kubectl ${line}`)).toEqual({ stdout: '', stderr, exitCode: 1 });
    await harness.playground.stop();
  });
});
