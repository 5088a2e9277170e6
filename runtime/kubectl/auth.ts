import { authCanI } from './auth-can-i';
import { authWhoami } from './auth-whoami';
import { commandGroup } from './command-group';
import { HELP_TEXTS } from './help/help-texts';

/** `kubectl auth` (kubectl pkg/cmd/auth): can-i and whoami (reconcile is not simulated). */
export const auth = commandGroup('auth', [authCanI, authWhoami], HELP_TEXTS.get('auth') ?? '', 'stderr');
