import type { CommandContext, ShellCommand } from '../command';
import { defineUtility, type Io } from './coreutils/define';
import { modeString } from './coreutils/format';
import { parseMode } from './coreutils/mode';
import { has } from './coreutils/options';
import { localeQuote, shellQuote } from './coreutils/quote';

const octal = (mode: number): string => mode.toString(8).padStart(4, '0');

/** Moves a mode-looking `-x`/`-w`/`-rwx` operand out of the way of option parsing, as chmod does. */
function splitModeArg(argv: string[]): { argv: string[]; mode?: string } {
  const i = argv.findIndex((a, n) => n > 0 && /^-[rwxXstugoa,+=0-7-]+$/.test(a) && a !== '--');
  if (i < 0) return { argv };
  return { argv: [...argv.slice(0, i), ...argv.slice(i + 1)], mode: argv[i] };
}

async function apply(ctx: CommandContext, io: Io, modeText: string, op: string, recursive: boolean): Promise<boolean> {
  const path = io.resolve(op);
  let st;
  try {
    st = ctx.fs.stat(path);
  } catch (error) {
    io.fsError(`cannot access ${shellQuote(op, true)}`, error);
    return false;
  }
  const mode = parseMode(modeText, st.mode, 0o022, st.kind === 'directory') as number;
  try {
    ctx.fs.chmod(path, mode);
  } catch (error) {
    io.fsError(`changing permissions of ${shellQuote(op, true)}`, error);
    return false;
  }
  const changed = mode !== st.mode;
  const describe = (m: number): string => `${octal(m)} (${modeString({ kind: 'file', mode: m }).slice(1)})`;
  if (has(io.args, 'v') || (has(io.args, 'c') && changed))
    await io.out(
      changed
        ? `mode of ${shellQuote(op, true)} changed from ${describe(st.mode)} to ${describe(mode)}\n`
        : `mode of ${shellQuote(op, true)} retained as ${describe(mode)}\n`,
    );
  let ok = true;
  if (recursive && st.kind === 'directory')
    for (const child of ctx.fs.list(path))
      if (child.kind !== 'symlink')
        ok = (await apply(ctx, io, modeText, `${op.replace(/\/$/, '')}/${child.name}`, true)) && ok;
  return ok;
}

const utility = defineUtility({
  name: 'chmod',
  summary: 'change file mode bits',
  options: [
    { key: 'c', short: 'c', long: 'changes' },
    { key: 'f', short: 'f', long: 'silent' },
    { key: 'f', long: 'quiet' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'R', short: 'R', long: 'recursive' },
    { key: 'reference', long: 'reference', arg: 'required' },
    { key: 'npr', long: 'no-preserve-root' },
    { key: 'pr', long: 'preserve-root' },
  ],
  async run(ctx, io) {
    const ops = [...io.args.operands];
    const stashed = (ctx as CommandContext & { modeArg?: string }).modeArg;
    if (stashed !== undefined) ops.unshift(stashed);
    if (ops.length === 0) return io.usage('missing operand');
    const modeText = ops.shift() as string;
    if (ops.length === 0) return io.usage(`missing operand after ${localeQuote(modeText)}`);
    if (parseMode(modeText, 0, 0o022) === undefined) return io.usage(`invalid mode: ${localeQuote(modeText)}`);
    let status = 0;
    for (const op of ops) if (!(await apply(ctx, io, modeText, op, has(io.args, 'R')))) status = 1;
    return status;
  },
});

/** GNU `chmod`: octal or symbolic (u+x, go-w, a=r) modes, -R, -v, -c. */
export const chmod: ShellCommand = {
  ...utility,
  run(ctx) {
    const { argv, mode } = splitModeArg(ctx.argv);
    return utility.run({ ...ctx, argv, modeArg: mode } as CommandContext);
  },
};
