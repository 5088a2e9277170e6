import { CLOCK_SPEEDS } from '../../clock-control';
import type { CommandContext } from '../../shell/command';
import { goDuration, parseGoDuration } from '../../util/go-duration';
import { exitWith, step } from './output';

/** `minikube clock --help`: a kubeplay extension, so its text is kubeplay's own. */
export const CLOCK_HELP = `Shows and moves the cluster clock (a kubeplay extension; real minikube has no such command).

The cluster runs on its own clock: real time unless you pause it, speed it up or step it.
Everything in the cluster follows it: ages, probes, back-offs, CronJobs, grace periods.

Usage:
  minikube clock [status]        show the cluster time and how the clock runs
  minikube clock pause           stop the cluster clock
  minikube clock resume          run it again
  minikube clock speed 1|10|60   run it at real time, ×10 or ×60
  minikube clock step DURATION   move it forward at once (a Go duration: 30s, 5m, 1h30m)
`;

/** Cluster time as minikube prints times: `2026-11-29 05:10:03 UTC`. */
function clusterTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function describe(ctx: CommandContext): string {
  const controls = ctx.shell.clockControls;
  const how = controls?.paused ? 'paused' : `running at ×${controls?.speed ?? 1}`;
  return `${clusterTime(ctx.shell.clock.now())}, ${how}`;
}

/** `minikube clock …`: the cluster clock from the terminal, as the clock in the page header. */
export function clockCommand(ctx: CommandContext, args: string[]): number {
  const { stdout, stderr } = ctx;
  const [action = 'status', ...rest] = args;
  if (action === '--help' || action === '-h') {
    stdout.write(CLOCK_HELP);
    return 0;
  }
  const controls = ctx.shell.clockControls;
  if (action === 'status' && rest.length === 0) {
    step(stdout, '🕐', `Cluster clock: ${describe(ctx)}`);
    return 0;
  }
  if (!controls) {
    return exitWith(stdout, stderr, 'MK_USAGE', 'this cluster runs on a clock that cannot be moved from here');
  }
  const wanted = { status: 0, pause: 0, resume: 0, speed: 1, step: 1 }[action];
  if (wanted === undefined) {
    return exitWith(
      stdout,
      stderr,
      'MK_USAGE',
      `unknown clock action "${action}": use status, pause, resume, speed or step`,
    );
  }
  if (rest.length !== wanted) {
    const usage = { speed: 'minikube clock speed 1|10|60', step: 'minikube clock step DURATION' }[action as string];
    return exitWith(
      stdout,
      stderr,
      'MK_USAGE',
      usage ? `usage: ${usage}` : `"minikube clock ${action}" takes no arguments`,
    );
  }
  switch (action) {
    case 'pause':
      controls.pause();
      step(stdout, '⏸️', `Paused the cluster clock at ${clusterTime(ctx.shell.clock.now())}`);
      return 0;
    case 'resume':
      controls.resume();
      step(stdout, '▶️', `Cluster clock: ${describe(ctx)}`);
      return 0;
    case 'speed': {
      const speed = Number(rest[0].replace(/^[x×]/, ''));
      if (!(CLOCK_SPEEDS as readonly number[]).includes(speed)) {
        return exitWith(stdout, stderr, 'MK_USAGE', `the clock runs at 1, 10 or 60 times real time, not "${rest[0]}"`);
      }
      controls.setSpeed(speed);
      step(stdout, '⏩', `Cluster clock: ${describe(ctx)}`);
      return 0;
    }
    default: {
      const ms = parseGoDuration(rest[0]);
      if (ms === undefined) return exitWith(stdout, stderr, 'MK_USAGE', `time: invalid duration "${rest[0]}"`);
      if (ms <= 0) return exitWith(stdout, stderr, 'MK_USAGE', `the clock only moves forward, not by ${rest[0]}`);
      controls.step(Math.round(ms));
      step(stdout, '⏭️', `Moved the cluster clock ${goDuration(ms)} forward: ${describe(ctx)}`);
      return 0;
    }
  }
}
