// `kubectl events -w` on virtual time: the events there are first (the watch's synthetic ADDED
// events, header once), then each new event as the cluster makes it, until Ctrl-C; --types
// filters, and with no events at all nothing is printed (no "No events found").
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { events } from '../runtime/kubectl/events';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import type { Harness } from './harness';
import { runClockFor } from './kubectl-ops-cases';
import { kubectlScenario } from './kubectl-scenario';

/** Starts `kubectl events …` in the background; stop() presses Ctrl-C and returns what it printed. */
function startEvents(harness: Harness, args: string[]) {
  const parsed = parseFlags(args, [...GLOBAL_FLAGS, ...events.flags]);
  if (!parsed.ok) throw new Error(parsed.error);
  let stdout = '';
  let stderr = '';
  const cancel = new CancelController();
  const done = events.run({
    args: parsed.args,
    flags: parsed.values,
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    api: new ApiClient(harness.playground.cluster.api),
    signal: cancel.signal,
    clock: harness.clock,
    env: {},
    fs: new Volume(),
    cwd: '/',
    stdin: stringInput(''),
  });
  return {
    output: () => stdout,
    async stop() {
      cancel.abort();
      const exitCode = await done;
      return { stdout, stderr, exitCode };
    },
  };
}

const rows = (text: string): string[][] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/ {3,}/));

describe('kubectl events -w', () => {
  it('prints the current events, then new ones as they come', async () => {
    const harness = await kubectlScenario();
    const watch = startEvents(harness, ['-w']);
    await runClockFor(harness, 1_000);
    const before = rows(watch.output());
    expect(before[0]).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(before.length).toBeGreaterThan(5);
    expect(before.map((r) => r[2])).toContain('Started');
    await harness.run('kubectl run late --image=nginx');
    await runClockFor(harness, 30_000);
    const { stdout, exitCode } = await watch.stop();
    expect(exitCode).toBe(0);
    const added = rows(stdout).slice(before.length);
    expect(added.filter((r) => r[3] === 'Pod/late').map((r) => r[2])).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
    // One header only.
    expect(stdout.match(/LAST SEEN/g)).toHaveLength(1);
    await harness.playground.stop();
  });

  it('keeps only the --types asked for, and prints nothing when there are none', async () => {
    const harness = await kubectlScenario();
    const watch = startEvents(harness, ['-w', '--types=Warning', '-n', 'dev']);
    await runClockFor(harness, 1_000);
    expect(await watch.stop()).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await harness.playground.stop();
  });
});
