import type { CommandContext } from '../../shell/command';
import type { MinikubeComponents } from '../start';
import { step } from './output';

/** reason.ExGuestNotRunning and ExControlPlaneNotRunning (pkg/minikube/reason/exitcodes.go). */
const EX_GUEST_NOT_RUNNING = 83;
const EX_CONTROL_PLANE_NOT_RUNNING = 103;

/**
 * mustload.Healthy for profile minikube: the running components, or minikube's refusal when the
 * machine is stopped (`host is not running`) or paused (`apiserver is paused`) and its exit code.
 */
export async function healthy(ctx: CommandContext): Promise<MinikubeComponents | number> {
  const machine = ctx.shell.minikube;
  if (machine?.state === 'Stopped') {
    step(ctx.stdout, '🤷', 'The control-plane node minikube host is not running: state=Stopped');
    step(ctx.stdout, '👉', 'To start a cluster, run: "minikube start"');
    return EX_GUEST_NOT_RUNNING;
  }
  if (machine?.state === 'Paused') {
    step(ctx.stdout, '🤷', 'The control-plane node minikube apiserver is paused');
    step(ctx.stdout, '👉', 'To start a cluster, run: "minikube unpause"');
    return EX_CONTROL_PLANE_NOT_RUNNING;
  }
  const components = await machine?.components();
  if (!components) {
    ctx.stderr.write('minikube: this playground runs an API server without minikube components\n');
    return 1;
  }
  return components;
}
