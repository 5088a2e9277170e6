// What bash 5.2 does, recorded in a pty (`bash -l` and plain `bash`, no rc files), replayed
// through kubeplay's logout builtin on an Interpreter.
import { describe, expect, it } from 'vitest';
import { CancelController } from '../../cancel';
import { Volume } from '../fs/volume';
import { Interpreter, type ShellRuntime } from '../interpreter/interpreter';
import { ExitSignal } from '../interpreter/signals';
import { ShellState } from '../interpreter/state';
import { standardFds } from '../interpreter/streams';
import { EMPTY_INPUT } from '../process';
import { logoutBuiltin } from './logout';

/** Runs `logout ARGS` as the builtin of a shell: what it wrote, and its status or the shell's exit. */
async function runBuiltin(
  argv: string[],
  setup: { subshell?: boolean; interactive?: boolean; lastStatus?: number; stopped?: boolean; previous?: string } = {},
) {
  const state = new ShellState();
  state.lastStatus = setup.lastStatus ?? 0;
  state.previousBuiltin = setup.previous;
  if (setup.stopped) (state as unknown as { jobs: unknown }).jobs = { jobs: [{ state: 'stopped' }] };
  const runtime: ShellRuntime = {
    services: { fs: new Volume({}) } as unknown as ShellRuntime['services'],
    interactive: setup.interactive ?? true,
    nextPid: () => 100,
    ticks: 0,
    login: true,
  };
  const shell = new Interpreter(state, runtime, new CancelController().signal, setup.subshell ?? false);
  let stderr = '';
  const err = { write: (t: string) => void (stderr += t) };
  const fds = standardFds(EMPTY_INPUT, { write: () => {} }, err);
  try {
    const status = await logoutBuiltin({
      argv,
      stdin: EMPTY_INPUT,
      stdout: { write: () => {} },
      stderr: err,
      shell,
      fds,
    });
    return { stderr, status, exited: undefined, state };
  } catch (error) {
    if (!(error instanceof ExitSignal)) throw error;
    return { stderr, status: undefined, exited: error.status, state };
  }
}

describe('the logout builtin', () => {
  it('ends a login shell silently, with the last status (bash -l: `false; logout` exits 1)', async () => {
    expect(await runBuiltin(['logout'])).toMatchObject({ stderr: '', exited: 0 });
    expect(await runBuiltin(['logout'], { lastStatus: 1 })).toMatchObject({ stderr: '', exited: 1 });
  });

  it('takes a status modulo 256 (logout 5 → 5, logout 300 → 44)', async () => {
    expect(await runBuiltin(['logout', '5'])).toMatchObject({ stderr: '', exited: 5 });
    expect(await runBuiltin(['logout', '300'])).toMatchObject({ stderr: '', exited: 44 });
  });

  it('refuses two arguments and stays; a non-number ends the shell with 2', async () => {
    expect(await runBuiltin(['logout', '1', '2'])).toMatchObject({
      stderr: 'bash: logout: too many arguments\n',
      status: 1,
    });
    expect(await runBuiltin(['logout', 'x'])).toMatchObject({
      stderr: 'bash: logout: x: numeric argument required\n',
      exited: 2,
    });
  });

  it('is refused in a subshell, as in a shell that is not a login shell', async () => {
    expect(await runBuiltin(['logout', '3'], { subshell: true })).toMatchObject({
      stderr: "bash: logout: not login shell: use `exit'\n",
      status: 1,
    });
  });

  it('warns once about stopped jobs, then goes (after logout, exit or jobs)', async () => {
    const first = await runBuiltin(['logout'], { stopped: true });
    expect(first).toMatchObject({ stderr: 'There are stopped jobs.\n', status: 1 });
    expect(first.state.currentBuiltin).toBe('exit');
    for (const previous of ['exit', 'logout', 'jobs'])
      expect(await runBuiltin(['logout'], { stopped: true, previous })).toMatchObject({ stderr: '', exited: 0 });
    // A non-interactive login shell (bash -lc) does not check.
    expect(await runBuiltin(['logout'], { stopped: true, interactive: false })).toMatchObject({ exited: 0 });
  });
});
