// The commands loaded on first use answer `help` with their own names and summaries.
import { expect, it } from 'vitest';
import { SHELL_COMMANDS } from '.';
import { kubectl as lazyKubectl } from '../../kubectl/kubectl-command';
import { kubectl } from '../../kubectl/kubectl';
import { minikube as lazyMinikube } from '../../minikube/cli/minikube-command';
import { minikube } from '../../minikube/cli/minikube';
import { less } from '../editors/less-command';
import { more } from '../editors/more-command';
import { nano } from '../editors/nano-command';
import { vi, vim } from '../editors/vi-command';
import { awk, mawk } from './awk';
import { curl } from './curl';
import { jq } from './jq/jq';
import { aproposCommand, man, whatis } from './man/man-command';
import { ps } from './ps/ps-command';
import { sed } from './sed';
import { top } from './top/top-command';
import { UTILITIES } from './utilities';
import { watch } from './watch/watch-command';
import { wget } from './wget';

const loaded = [
  aproposCommand,
  awk,
  mawk,
  curl,
  less,
  jq,
  man,
  more,
  nano,
  ps,
  sed,
  top,
  vi,
  vim,
  watch,
  wget,
  whatis,
  ...Object.values(UTILITIES),
];

it('the lazy shell commands carry their commands’ names and summaries', () => {
  for (const command of loaded) {
    const lazy = SHELL_COMMANDS.find((c) => c.name === command.name);
    expect(lazy).toBeDefined();
    expect(lazy).not.toBe(command);
    expect(lazy?.summary).toBe(command.summary);
  }
  expect([lazyKubectl.name, lazyKubectl.summary]).toEqual([kubectl.name, kubectl.summary]);
  expect([lazyMinikube.name, lazyMinikube.summary]).toEqual([minikube.name, minikube.summary]);
});
