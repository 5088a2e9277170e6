import { describe, expect, it } from 'vitest';
import { ControlledClock } from '../../clock-control';
import type { ShellServices } from '../../shell/command';
import { Volume } from '../../shell/fs/volume';
import { EMPTY_INPUT } from '../../shell/process';
import { minikube } from './minikube';

/** A host whose time moves only when the test says, with the timers it was given. */
function fakeHost(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    host: {
      now: () => now,
      schedule: (callback: () => void, ms: number) => {
        timers.set(next, { at: now + ms, callback });
        return next++;
      },
      unschedule: (handle: unknown) => timers.delete(handle as number),
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.callback();
      }
    },
  };
}

function setup(controllable = true) {
  const host = fakeHost(Date.UTC(2026, 0, 1));
  const clock = new ControlledClock(host.host);
  const shell = { clock, clockControls: controllable ? clock : undefined } as unknown as ShellServices;
  const run = async (line: string) => {
    let stdout = '';
    let stderr = '';
    const code = await minikube.run({
      argv: line.split(' '),
      stdin: EMPTY_INPUT,
      env: {},
      cwd: '/',
      fs: new Volume(),
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: (text) => void (stderr += text) },
      signal: { aborted: false, onAbort: () => () => {} },
      shell,
    });
    return { code, stdout, stderr };
  };
  return { host, clock, run };
}

describe('minikube clock (a kubeplay extension)', () => {
  it('shows the cluster time, pauses it and runs it again', async () => {
    const { host, run } = setup();
    expect(await run('minikube clock')).toEqual({
      code: 0,
      stdout: '🕐  Cluster clock: 2026-01-01 00:00:00 UTC, running at ×1\n',
      stderr: '',
    });
    host.advance(3000);
    expect((await run('minikube clock pause')).stdout).toBe(
      '⏸️  Paused the cluster clock at 2026-01-01 00:00:03 UTC\n',
    );
    host.advance(60_000);
    expect((await run('minikube clock status')).stdout).toBe('🕐  Cluster clock: 2026-01-01 00:00:03 UTC, paused\n');
    expect((await run('minikube clock resume')).stdout).toBe(
      '▶️  Cluster clock: 2026-01-01 00:00:03 UTC, running at ×1\n',
    );
  });

  it('runs ten times faster at speed 10, and steps forward firing the timers on the way', async () => {
    const { host, clock, run } = setup();
    expect((await run('minikube clock speed 10')).stdout).toBe(
      '⏩  Cluster clock: 2026-01-01 00:00:00 UTC, running at ×10\n',
    );
    host.advance(1000);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1, 0, 0, 10));
    const fired: number[] = [];
    clock.setTimer(60_000, () => fired.push(clock.now()));
    clock.setTimer(600_000, () => fired.push(clock.now()));
    expect((await run('minikube clock step 5m')).stdout).toBe(
      '⏭️  Moved the cluster clock 5m0s forward: 2026-01-01 00:05:10 UTC, running at ×10\n',
    );
    expect(fired).toEqual([Date.UTC(2026, 0, 1, 0, 1, 10)]);
  });

  it('refuses what it cannot do with minikube usage errors, changing nothing', async () => {
    const { clock, run } = setup();
    const usage = (message: string) => ({
      code: 14,
      stdout: '\n\n',
      stderr: `❌  Exiting due to MK_USAGE: ${message}\n`,
    });
    expect(await run('minikube clock speed 7')).toEqual(
      usage('the clock runs at 1, 10 or 60 times real time, not "7"'),
    );
    expect(await run('minikube clock step soon')).toEqual(usage('time: invalid duration "soon"'));
    expect(await run('minikube clock step -1m')).toEqual(usage('the clock only moves forward, not by -1m'));
    expect(await run('minikube clock step')).toEqual(usage('usage: minikube clock step DURATION'));
    expect(await run('minikube clock pause now')).toEqual(usage('"minikube clock pause" takes no arguments'));
    expect(await run('minikube clock rewind')).toEqual(
      usage('unknown clock action "rewind": use status, pause, resume, speed or step'),
    );
    expect(clock.speed).toBe(1);
    expect(clock.paused).toBe(false);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
  });

  it('shows the time but moves nothing where the host keeps the clock to itself', async () => {
    const { run } = setup(false);
    expect((await run('minikube clock')).code).toBe(0);
    expect(await run('minikube clock pause')).toEqual({
      code: 14,
      stdout: '\n\n',
      stderr: '❌  Exiting due to MK_USAGE: this cluster runs on a clock that cannot be moved from here\n',
    });
  });

  it('says which minikube commands kubeplay does not have yet', async () => {
    const { run } = setup();
    expect(await run('minikube mount')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'minikube mount: not in kubeplay yet\n',
    });
  });
});
