import type { CommandContext } from '../../shell/command';
import { imageLines } from './addons-enable';
import { enabledAddons } from './addons-list';
import { minikubeNodes } from './cluster-state';
import { step } from './output';

/** kic.Version: the kicbase image minikube v1.37.0 pulls (pkg/drivers/kic/types.go). */
export const KIC_VERSION = 'v0.0.48';

/**
 * node/config.go's `Preparing Kubernetes {{.k8sVersion}} on {{.runtime}} {{.runtimeVersion}} ...`
 * for the docker runtime of kicbase v0.0.48 (the nodes report docker://28.4.0).
 */
export function preparingLine(): string {
  return 'Preparing Kubernetes v1.34.0 on Docker 28.4.0 ...';
}

/**
 * start.go's platform(): gopsutil's platform, title-cased, and its version, from the host's
 * /etc/os-release (kubeplay's host: Ubuntu 24.04 on amd64, no virtualization suffix).
 */
export function platform(ctx: CommandContext): string {
  let text = '';
  try {
    text = ctx.shell.fs.readFile('/etc/os-release');
  } catch {
    return 'linux';
  }
  const value = (key: string): string => new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  const id = value('ID');
  return `${id.charAt(0).toUpperCase()}${id.slice(1)} ${value('VERSION_ID')}`;
}

/**
 * `minikube start` on the existing profile (cmd/minikube/cmd/start.go runStart): the running
 * cluster is "updated", a stopped one restarted (its components boot again); each node is
 * started in turn, the addons enabled again, and kubectl's context is the cluster's.
 */
export async function startCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const machine = ctx.shell.minikube;
  if (!machine) {
    ctx.stderr.write('minikube: this playground runs an API server without minikube components\n');
    return 1;
  }
  if (argv.length > 0 && !argv.every((a) => a.startsWith('-'))) {
    ctx.stderr.write(`Error: unknown command "${argv.find((a) => !a.startsWith('-'))}" for "minikube start"\n`);
    return 14;
  }
  const wasStopped = machine.state === 'Stopped';
  step(ctx.stdout, '😄', `minikube v1.37.0 on ${platform(ctx)}`);
  step(ctx.stdout, '✨', 'Using the docker driver based on existing profile');
  step(ctx.stdout, '👍', 'Starting "minikube" primary control-plane node in "minikube" cluster');
  step(ctx.stdout, '🚜', `Pulling base image ${KIC_VERSION} ...`);
  step(
    ctx.stdout,
    wasStopped ? '🔄' : '🏃',
    wasStopped
      ? 'Restarting existing docker container for "minikube" ...'
      : 'Updating the running docker "minikube" container ...',
  );
  machine.setPaused(false);
  await machine.components();
  step(ctx.stdout, '🐳', preparingLine());
  step(ctx.stdout, '🔎', 'Verifying Kubernetes components...');
  // addons.Enable: each enabled addon's callbacks again (images, tips), then the summary line.
  const enabled = await enabledAddons(ctx);
  const order = ['storage-provisioner', 'default-storageclass', ...[...enabled].sort()];
  const names = [...new Set(order)].filter((name) => enabled.has(name));
  for (const name of names) {
    imageLines(ctx, name);
    if (name === 'dashboard') {
      step(
        ctx.stdout,
        '💡',
        'Some dashboard features require the metrics-server addon. To enable all features please run:\n\n\tminikube addons enable metrics-server\n',
      );
    }
  }
  step(ctx.stdout, '🌟', `Enabled addons: ${names.join(', ')}`);
  // The workers: NO_PROXY gets the control plane's address (start.go startSecondaryNodes).
  for (const node of (await minikubeNodes(ctx.shell.api)).filter((n) => !n.controlPlane)) {
    step(ctx.stdout, '👍', `Starting "${node.name}" worker node in "minikube" cluster`);
    step(ctx.stdout, '🚜', `Pulling base image ${KIC_VERSION} ...`);
    step(
      ctx.stdout,
      wasStopped ? '🔄' : '🏃',
      wasStopped
        ? `Restarting existing docker container for "${node.name}" ...`
        : `Updating the running docker "${node.name}" container ...`,
    );
    step(ctx.stdout, '🌐', 'Found network options:');
    ctx.stdout.write('    ▪ NO_PROXY=192.168.49.2\n');
    step(ctx.stdout, '🐳', preparingLine());
    ctx.stdout.write('    ▪ env NO_PROXY=192.168.49.2\n');
    step(ctx.stdout, '🔎', 'Verifying Kubernetes components...');
  }
  step(
    ctx.stdout,
    '🏄',
    'Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
  );
  return 0;
}
