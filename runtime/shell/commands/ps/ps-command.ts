// `ps`, procps-ng 4.0.2's: a snapshot of the host's processes (system-processes.ts) and the
// learner's session, in UNIX (-ef), BSD (aux) or GNU (--sort) syntax.
import type { CommandContext } from '../../command';
import type { Interpreter } from '../../interpreter/interpreter';
import type { ShellAwareCommand } from '../../interpreter/shell-aware';
import { memoryUsage } from '../../proc/memory';
import { specifierList } from './format-specs';
import { asking, hostView } from './host-processes';
import { renderPs } from './ps-output';
import { parsePsArgs, PsExit } from './ps-parser';
import { OUTBUF_SIZE, type PsState } from './ps-state';

/** COLUMNS or LINES from the environment, when a sensible number (procps' set_screen_size). */
function envSize(value: string | undefined): number | undefined {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  return n > 0 && n < OUTBUF_SIZE ? n : undefined;
}

/** procps' checks on -q, which works alone. */
function quickConflicts(st: PsState): string | undefined {
  const quick = st.selections.filter((s) => s.type === 'PID_QUICK').length;
  if (quick > 1) return 'q/-q/--quick-pid can only be used once.';
  if (quick && st.selections.length > quick) return 'q/-q/--quick-pid cannot be combined with other selection options.';
  if (quick && st.forest) return 'q/-q/--quick-pid cannot be used together with forest type listings.';
  if (quick && st.sorts.length) return 'q/-q,--quick-pid cannot be used together with sort options.';
  if (quick && st.negate) return 'q/-q/--quick-pid cannot be used together with negation switches.';
  return undefined;
}

async function runPs(ctx: CommandContext, shell?: Interpreter): Promise<number> {
  const self = asking(ctx, shell);
  const view = hostView(ctx, shell, self);
  // Not on a terminal, lines are as long as they need to be.
  const cols = envSize(ctx.env.COLUMNS) ?? (ctx.tty ? ctx.tty.cols : OUTBUF_SIZE);
  const rows = envSize(ctx.env.LINES) ?? ctx.tty?.rows ?? 24;
  let st: PsState;
  try {
    st = parsePsArgs(ctx.argv, { accounts: view.accounts, ownTty: view.asker.ttyNr, cols, rows, specifierList });
  } catch (error) {
    if (!(error instanceof PsExit)) throw error;
    if (error.stdout) await ctx.stdout.write(error.stdout);
    if (error.stderr) await ctx.stderr.write(error.stderr);
    return error.status;
  }
  const conflict = quickConflicts(st);
  if (conflict) {
    await ctx.stderr.write(`${conflict}\n`);
    return 1;
  }
  const { stdout, status } = renderPs(st, view.snapshot, view.accounts, memoryUsage().mem.total, view.asker);
  await ctx.stdout.write(stdout);
  return status;
}

/** procps' ps: the interpreter hands it the session, whose processes it lists with the host's. */
export const ps: ShellAwareCommand = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  run: (ctx) => runPs(ctx),
  runInShell: (shell, ctx) => runPs(ctx, shell),
};
