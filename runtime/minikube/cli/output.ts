import type { CommandContext, OutputStream } from '../../shell/command';

/** minikube's `out.Step`: a styled line, its emoji then two spaces (pkg/minikube/style). */
export function step(out: OutputStream, emoji: string, text: string): void {
  out.write(`${emoji}  ${text}\n`);
}

/** minikube's exit codes (pkg/minikube/reason/exitcodes.go) for the reasons kubeplay gives. */
export const EXIT_CODES = {
  MK_USAGE: 14,
  MK_OUTPUT_USAGE: 10,
  GUEST_NODE_RETRIEVE: 85,
  SVC_NOT_FOUND: 115,
  SVC_UNREACHABLE: 115,
  SVC_CHECK_TIMEOUT: 112,
} as const;

/**
 * `exit.Message`: a blank line, `❌  Exiting due to <ID>: <message>` on stderr, a blank line,
 * and the reason's exit code (out_reason.go displayText).
 */
export function exitWith(
  stdout: OutputStream,
  stderr: OutputStream,
  reason: keyof typeof EXIT_CODES,
  message: string,
): number {
  stdout.write('\n');
  stderr.write(`❌  Exiting due to ${reason}: ${message}\n`);
  stdout.write('\n');
  return EXIT_CODES[reason];
}

/**
 * A flag the subcommand does not have: cobra's error through kubectl's templater FlagErrorFunc
 * (`See '<path> --help' for usage.`), and minikube's usage exit code.
 */
export function usageError(ctx: CommandContext, path: string, flag: string): number {
  const error = flag.startsWith('--')
    ? `unknown flag: ${flag.split('=')[0]}`
    : `unknown shorthand flag: '${flag[1]}' in ${flag}`;
  ctx.stderr.write(`Error: ${error}\nSee 'minikube ${path} --help' for usage.\n`);
  return EXIT_CODES.MK_USAGE;
}
