import { commandGroup } from './command-group';
import { rolloutHistory } from './rollout-history';
import { rolloutPause, rolloutRestart, rolloutResume } from './rollout-patches';
import { ROLLOUT_USAGE } from './rollout-set-usage';
import { rolloutStatus } from './rollout-status';
import { rolloutUndo } from './rollout-undo';

/** `kubectl rollout` (kubectl pkg/cmd/rollout): status, history, undo, pause, resume, restart. */
export const rollout = commandGroup(
  'rollout',
  [rolloutHistory, rolloutPause, rolloutRestart, rolloutResume, rolloutStatus, rolloutUndo],
  ROLLOUT_USAGE,
);
