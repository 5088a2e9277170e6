// The learner's login shell on the host: its environment, prompts and process id.
import type { ShellState } from './interpreter/state';
import { expandPrompt, UBUNTU_PS1 } from './prompt';

/** The learner's home directory on the host. */
export const HOME = '/home/learner';

/** The environment of the learner's login shell. */
const HOST_ENV: Readonly<Record<string, string>> = {
  HOME,
  LANG: 'C.UTF-8',
  LOGNAME: 'learner',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  PWD: HOME,
  SHELL: '/bin/bash',
  SHLVL: '1',
  TERM: 'xterm-256color',
  USER: 'learner',
  HOSTNAME: 'kubeplay',
};

/** The variables bash sets for itself on start (not exported). */
export const BASH_VARIABLES: Readonly<Record<string, string>> = {
  BASH: '/usr/bin/bash',
  BASH_VERSION: '5.2.15(1)-release',
};

/** The learner's user id (`\$` prints `$`). */
export const LEARNER_UID = 1000;

/** The process id the learner's shell reports as $$; background jobs count up from it. */
export const SHELL_PID = 4242;

/** Sets `state` up as the learner's login shell: environment, prompts, home directory, pid. */
export function setUpLoginShell(state: ShellState): void {
  for (const [name, value] of Object.entries(HOST_ENV)) state.set(name, value, true);
  // Ubuntu's ~/.bashrc prompt, and bash's default continuation prompt; shell variables, not exported.
  for (const [name, value] of Object.entries(BASH_VARIABLES)) state.set(name, value, false);
  state.set('PS1', UBUNTU_PS1, false);
  state.set('PS2', '> ', false);
  state.cwd = HOME;
  state.pid = SHELL_PID;
}

/** PS1 or PS2 with its escapes read, as bash shows it now (`\w` follows `cd`). */
export function promptString(state: ShellState, name: 'PS1' | 'PS2'): string {
  return expandPrompt(state.get(name) ?? '', {
    user: state.get('USER') ?? 'learner',
    host: state.get('HOSTNAME') ?? 'kubeplay',
    cwd: state.cwd,
    home: state.get('HOME') ?? HOME,
    uid: LEARNER_UID,
  });
}
