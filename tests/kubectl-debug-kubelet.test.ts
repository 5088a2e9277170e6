// `kubectl debug` end to end in kubeplay: the ephemeral container the API server accepts is
// started by the kubelet in the running pod (its status and events), can be exec'd into, and
// `--attach` shows its output; a node debugging pod sees the host's root at /host.
import { describe, expect, it } from 'vitest';
import { runClockFor } from './kubectl-ops-cases';
import { runDebug } from './kubectl-debug-run';
import { kubectlScenario } from './kubectl-scenario';

describe('kubectl debug with the kubelet', () => {
  it('starts the ephemeral container in the running pod and reports it', async () => {
    const harness = await kubectlScenario();
    const ran = await runDebug(harness, [
      'debug',
      'bb',
      '--image=busybox',
      '-c',
      'dbg',
      '--profile=general',
      '--',
      'sleep',
      '3600',
    ]);
    expect(ran).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await runClockFor(harness, 30_000);
    const state = await harness.run(
      "kubectl get pod bb -o jsonpath='{.metadata.generation} {.status.ephemeralContainerStatuses[0].name} {.status.ephemeralContainerStatuses[0].state.running}'",
    );
    expect(state.stdout).toMatch(/^2 dbg \{"startedAt":"[^"]+"\}$/);
    const events = await harness.run(
      "kubectl get events --field-selector involvedObject.fieldPath='spec.ephemeralContainers{dbg}' -o jsonpath='{.items[*].reason}'",
    );
    expect(events.stdout).toBe('Pulling Pulled Created Started');
    expect((await harness.run('kubectl exec bb -c dbg -- cat /etc/hostname')).stdout).toBe('bb\n');
    await harness.playground.stop();
  });

  it('shows the output of a debug container that already ended with --attach', async () => {
    const harness = await kubectlScenario();
    const ran = await runDebug(harness, [
      'debug',
      'bb',
      '--image=busybox',
      '-c',
      'e',
      '--attach',
      '--profile=general',
      '--',
      'echo',
      'hello',
    ]);
    expect(ran).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 });
    await harness.playground.stop();
  });

  it('runs a node debugging pod with the host root at /host', async () => {
    const harness = await kubectlScenario();
    const ran = await runDebug(harness, [
      'debug',
      'node/minikube',
      '--image=busybox',
      '--profile=general',
      '--',
      'sleep',
      '3600',
    ]);
    const pod = /pod (node-debugger-minikube-\w+) /.exec(ran.stdout)?.[1];
    expect(pod).toBeDefined();
    await runClockFor(harness, 30_000);
    expect((await harness.run(`kubectl get pod ${pod} -o jsonpath='{.status.phase}'`)).stdout).toBe('Running');
    expect((await harness.run(`kubectl exec ${pod} -- sh -c 'echo /host/*'`)).stdout).toContain('/host/run');
    // hostNetwork: the node's name.
    expect((await harness.run(`kubectl exec ${pod} -- cat /etc/hostname`)).stdout).toBe('minikube\n');
    await harness.playground.stop();
  });
});
