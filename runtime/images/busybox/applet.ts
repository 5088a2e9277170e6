// What every busybox applet shares: the banner and usage text, `APPLET --help`, and getopt's
// complaints (busybox's getopt32 runs libc's getopt_long, so the texts are glibc's).
import { parseOptions, UsageError, type OptionSpec, type ParsedArgs } from '../../shell/commands/coreutils/options';
import type { ProcessContext, Program } from '../types';
import { USAGE_TEXTS } from './usage-texts';

/** The first line busybox prints above every usage text (the official image's build). */
export const BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';

/**
 * Usage texts where the official image's build (busybox's defconfig) differs from Debian's,
 * whose texts usage-texts.ts records: its wget has -T and no OpenSSL.
 */
const IMAGE_USAGE: Record<string, string> = {
  wget: USAGE_TEXTS.wget
    .replace('[--no-check-certificate] [-P DIR] [-U AGENT] URL...', '[-P DIR] [-U AGENT] [-T SEC] URL...')
    .replace("\t--no-check-certificate\tDon't validate the server's certificate\n", '')
    .replace(
      '\t-S    \t\tShow server response\n',
      '\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n',
    ),
};

/** The banner and `applet`'s usage text, as bb_show_usage prints them. */
export function usageText(applet: string): string {
  return `${BANNER}\n\n${IMAGE_USAGE[applet] ?? USAGE_TEXTS[applet] ?? `Usage: ${applet}\n`}`;
}

/** Prints the usage on stderr and returns busybox's failure status (1; grep and sort: 2). */
export function showUsage(ctx: ProcessContext, applet: string, status = 1): number {
  ctx.stderr.write(usageText(applet));
  return status;
}

/** The applet's name as invoked (`/bin/ls` → `ls`). */
export const appletName = (ctx: ProcessContext): string => ctx.argv[0].split('/').pop() ?? ctx.argv[0];

/** Prints `APPLET: message` on stderr. */
export function complain(ctx: ProcessContext, message: string): void {
  ctx.stderr.write(`${appletName(ctx)}: ${message}\n`);
}

/** An applet whose arguments parse as getopt32 parses them. */
export interface AppletSpec {
  name: string;
  options: readonly OptionSpec[];
  /** Exit status on bad usage (1; grep, sort: 2). */
  usageStatus?: number;
  /** Options end at the first operand (env, nc's command, …). */
  stopAtOperand?: boolean;
  /** False for applets parsing with plain getopt (head, nc): `--foo` is `invalid option -- '-'`. */
  longOptions?: boolean;
  run(ctx: ProcessContext, args: ParsedArgs): Promise<number>;
}

/**
 * An applet as a Program: a lone `--help` shows the usage (exit 0, on stderr as busybox does),
 * a bad option prints getopt's complaint and the usage.
 */
export function defineApplet(spec: AppletSpec): Program {
  return async (ctx) => {
    if (ctx.argv.length === 2 && ctx.argv[1] === '--help') {
      ctx.stderr.write(usageText(spec.name));
      return 0;
    }
    let args: ParsedArgs;
    try {
      const long = ctx.argv.slice(1).find((arg) => arg.startsWith('--') && arg !== '--');
      if (spec.longOptions === false && long !== undefined) throw new UsageError("invalid option -- '-'");
      args = parseOptions(ctx.argv.slice(1), spec.options, spec.stopAtOperand);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      complain(ctx, error.message);
      return showUsage(ctx, spec.name, spec.usageStatus);
    }
    return spec.run(ctx, args);
  };
}

/** Short flags as OptionSpecs keyed by the letter (`flags('la')`); `:` after a letter takes an argument. */
export function flags(letters: string): OptionSpec[] {
  const specs: OptionSpec[] = [];
  for (let i = 0; i < letters.length; i++) {
    const takesArg = letters[i + 1] === ':';
    specs.push({ key: letters[i], short: letters[i], ...(takesArg ? { arg: 'required' as const } : {}) });
    if (takesArg) i++;
  }
  return specs;
}
