import { commandGroup } from './command-group';
import { SET_USAGE } from './rollout-set-usage';
import { setEnv } from './set-env';
import { setImage } from './set-image';
import { setResources } from './set-resources';
import { setSelector } from './set-selector';
import { setServiceAccount } from './set-serviceaccount';

/** `kubectl set` (kubectl pkg/cmd/set): image, env, resources, selector, serviceaccount (alias sa). */
export const set = commandGroup(
  'set',
  [setEnv, setImage, setResources, setSelector, setServiceAccount, { ...setServiceAccount, name: 'sa' }],
  SET_USAGE,
  'stderr',
);
