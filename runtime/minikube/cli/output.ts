import type { OutputStream } from '../../shell/command';

/** minikube's `out.Step`: a styled line, its emoji then two spaces (pkg/minikube/style). */
export function step(out: OutputStream, emoji: string, text: string): void {
  out.write(`${emoji}  ${text}\n`);
}

/** minikube's exit codes (pkg/minikube/reason/exitcodes.go) for the reasons kubeplay gives. */
export const EXIT_CODES = { MK_USAGE: 14 } as const;

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
