import { describe, expect, it } from 'vitest';
import { createHarness } from './harness';

describe('kubectl run -i --rm', () => {
  it('prints the container output, then deletes the pod', async () => {
    const h = await createHarness();
    const r = await h.run('kubectl run bb --image=busybox --rm -i --restart=Never -- echo hello');
    expect(r.stdout).toBe('hello\npod "bb" deleted from default namespace\n');
    expect(r.exitCode).toBe(0);
    expect((await h.run('kubectl get pod bb')).stderr).toBe('Error from server (NotFound): pods "bb" not found\n');
  });

  it('returns the exit code of a failed pod', async () => {
    const h = await createHarness();
    const r = await h.run("kubectl run bb --image=busybox --rm -i --restart=Never -- sh -c 'exit 3'");
    expect(r.exitCode).toBe(3);
    expect(r.stderr.endsWith('pod default/bb terminated (Error)\n')).toBe(true);
  });

  it('attaches to a running pod, with the notice attach prints', async () => {
    const h = await createHarness();
    const r = await h.run("kubectl run rd --image=busybox --rm -i --restart=Never -- sh -c 'sleep 5; echo done'");
    expect(r.stdout).toBe('done\npod "rd" deleted from default namespace\n');
    expect(r.stderr).toBe(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
    expect(r.exitCode).toBe(0);
  });

  it('refuses --rm without attaching', async () => {
    const h = await createHarness();
    const r = await h.run('kubectl run bb --image=busybox --rm');
    expect(r.stderr).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    );
    expect(r.exitCode).toBe(1);
  });
});
