// ps's command line as procps-ng parses it (parser.c): UNIX options (-ef), BSD options (aux),
// GNU long options (--sort), trailing pids; tried as UNIX first, then again as BSD (so `ps -aux`
// works), the first attempt's error reported when both fail.
import { MACROS } from './format-specs';
import { ArgCursor, PsExit, type ParseEnv } from './ps-cursor';
import { USAGE } from './ps-help';
import { bsdOptions } from './ps-options-bsd';
import { gnuOption, trailingPids } from './ps-options-gnu';
import { unixOptions } from './ps-options-unix';
import { selectBitsSetup } from './ps-select';
import { processSfOptions } from './ps-sortformat';
import { freshState, OUTBUF_SIZE, TF, type PsState } from './ps-state';

export { PsExit, type ParseEnv } from './ps-cursor';

/** One pass over every word; a BSD word is an error once ps retries everything as BSD. */
function allOptions(c: ArgCursor): string | null {
  for (c.i = 1; c.i < c.argv.length; c.i++) {
    const kind = argKind(c.argv[c.i]);
    let err: string | null;
    if (kind === 'gnu') err = gnuOption(c);
    else if (kind === 'sysv' && !c.st.forceBsd) err = unixOptions(c);
    else if (kind === 'bsd' && c.st.forceBsd) return 'way bad';
    else if (kind === 'sysv' || kind === 'bsd') {
      c.st.preferBsd = true;
      err = bsdOptions(c);
    } else if (kind === 'pid') {
      c.st.preferBsd = true;
      err = trailingPids(c);
    } else return 'garbage option';
    if (err) return err;
  }
  return null;
}

function argKind(word: string): 'gnu' | 'sysv' | 'bsd' | 'pid' | 'fail' {
  const letter = (c: string | undefined): boolean => c !== undefined && /[a-zA-Z]/.test(c);
  if (letter(word[0])) return 'bsd';
  if (/[0-9+]/.test(word[0] ?? '')) return 'pid';
  if (word[0] !== '-') return 'fail';
  if (letter(word[1])) return 'sysv';
  if (/[0-9]/.test(word[1] ?? '')) return 'pid';
  if (word[1] !== '-') return 'fail';
  return letter(word[2]) ? 'gnu' : 'fail';
}

/** procps' thread_option_check: thread styles that cannot be combined. */
function threadCheck(st: PsState): string | null {
  const f = st.threadFlags;
  if (!f) {
    st.threadFlags = TF.showProc;
    return null;
  }
  if (st.forest) return 'thread display conflicts with forest display';
  if (f & TF.BH && f & (TF.Bm | TF.Um)) return "thread flags conflict; can't use H with m or -m";
  if (f & TF.Bm && f & TF.Um) return "thread flags conflict; can't use both m and -m";
  if (f & TF.UL && f & TF.UT) return "thread flags conflict; can't use both -L and -T";
  st.threadFlags |= TF.showProc;
  return null;
}

function pass(argv: string[], env: ParseEnv, forceBsd: boolean): { state: PsState; error: string | null } {
  const state = freshState(env.cols, env.rows);
  state.forceBsd = forceBsd;
  state.preferBsd = forceBsd;
  const error =
    allOptions(new ArgCursor(argv, state, env)) ??
    threadCheck(state) ??
    processSfOptions(state, MACROS) ??
    selectBitsSetup(state);
  if (!error) {
    if (state.wCount && state.screenCols < 132) state.screenCols = 132;
    if (state.wCount > 1) state.screenCols = OUTBUF_SIZE;
  }
  return { state, error };
}

/** Parses ps's arguments; throws PsExit for help, version, L and errors. */
export function parsePsArgs(argv: string[], env: ParseEnv): PsState {
  const first = pass(argv, env, false);
  if (!first.error) return first.state;
  const second = pass(argv, env, true);
  if (!second.error) return second.state;
  throw new PsExit(1, '', `error: ${first.error}\n${USAGE}`);
}
