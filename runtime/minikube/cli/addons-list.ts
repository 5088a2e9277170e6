import type { CommandContext } from '../../shell/command';
import { deploymentExists } from './cluster-state';
import { parseFlags } from './flags';
import { exitWith, usageError } from './output';
import { renderTable } from './table';

/** assets.Addons of minikube v1.37.0 (pkg/minikube/assets/addons.go): name and maintainer. */
export const ADDONS: ReadonlyArray<readonly [string, string]> = [
  ['ambassador', '3rd party (Ambassador)'],
  ['amd-gpu-device-plugin', '3rd party (AMD)'],
  ['auto-pause', 'minikube'],
  ['cloud-spanner', 'Google'],
  ['csi-hostpath-driver', 'Kubernetes'],
  ['dashboard', 'Kubernetes'],
  ['default-storageclass', 'Kubernetes'],
  ['efk', '3rd party (Elastic)'],
  ['freshpod', 'Google'],
  ['gcp-auth', 'Google'],
  ['gvisor', 'minikube'],
  ['headlamp', '3rd party (kinvolk.io)'],
  ['inaccel', '3rd party (InAccel [info@inaccel.com])'],
  ['ingress', 'Kubernetes'],
  ['ingress-dns', 'minikube'],
  ['inspektor-gadget', '3rd party (inspektor-gadget.io)'],
  ['istio', '3rd party (Istio)'],
  ['istio-provisioner', '3rd party (Istio)'],
  ['kong', '3rd party (Kong HQ)'],
  ['kubeflow', '3rd party'],
  ['kubetail', '3rd party (kubetail.com)'],
  ['kubevirt', '3rd party (KubeVirt)'],
  ['logviewer', '3rd party (unknown)'],
  ['metallb', '3rd party (MetalLB)'],
  ['metrics-server', 'Kubernetes'],
  ['nvidia-device-plugin', '3rd party (NVIDIA)'],
  ['nvidia-driver-installer', '3rd party (NVIDIA)'],
  ['nvidia-gpu-device-plugin', '3rd party (NVIDIA)'],
  ['olm', '3rd party (Operator Framework)'],
  ['pod-security-policy', '3rd party (unknown)'],
  ['portainer', '3rd party (Portainer.io)'],
  ['registry', 'minikube'],
  ['registry-aliases', '3rd party (unknown)'],
  ['registry-creds', '3rd party (UPMC Enterprises)'],
  ['storage-provisioner', 'minikube'],
  ['storage-provisioner-gluster', '3rd party (Gluster)'],
  ['storage-provisioner-rancher', '3rd party (Rancher)'],
  ['volcano', 'third-party (volcano)'],
  ['volumesnapshots', 'Kubernetes'],
  ['yakd', '3rd party (marcnuri.com)'],
];

/**
 * The addons kubeplay has enabled: minikube's two defaults always (start.ts creates them), the
 * dashboard and metrics-server once their Deployments exist.
 */
export async function enabledAddons(ctx: CommandContext): Promise<Set<string>> {
  const enabled = new Set(['default-storageclass', 'storage-provisioner']);
  if (await deploymentExists(ctx.shell.api, 'kubernetes-dashboard', 'kubernetes-dashboard')) enabled.add('dashboard');
  if (await deploymentExists(ctx.shell.api, 'kube-system', 'metrics-server')) enabled.add('metrics-server');
  return enabled;
}

/** `minikube addons list [-o json]` (cmd/minikube/cmd/config/addons_list.go) for profile minikube. */
export async function addonsListCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['output'], booleans: ['docs'], short: { o: 'output', d: 'docs' } });
  if (flags.unknown) return usageError(ctx, 'addons list', flags.unknown);
  if (flags.args.length !== 0) return exitWith(ctx.stdout, ctx.stderr, 'MK_USAGE', 'usage: minikube addons list');
  const output = flags.values.get('output') ?? 'list';
  const enabled = await enabledAddons(ctx);
  switch (output.toLowerCase()) {
    case 'list':
      // iconFromStatus: "✅", or three spaces that tablewriter's TrimSpace takes away.
      ctx.stdout.write(
        renderTable(
          ['Addon Name', 'Profile', 'Status', 'Maintainer'],
          ADDONS.map(([name, maintainer]) => [
            name,
            'minikube',
            enabled.has(name) ? 'enabled ✅' : 'disabled    ',
            maintainer,
          ]),
        ),
      );
      return 0;
    case 'json': {
      // printAddonsJSON: json.Marshal of a map sorts keys: Profile before Status.
      const map = Object.fromEntries(
        ADDONS.map(([name]) => [name, { Profile: 'minikube', Status: enabled.has(name) ? 'enabled' : 'disabled' }]),
      );
      // out.String: no newline after it.
      ctx.stdout.write(JSON.stringify(map));
      return 0;
    }
    default:
      return exitWith(
        ctx.stdout,
        ctx.stderr,
        'MK_USAGE',
        `invalid output format: ${output}. Valid values: 'list', 'json'`,
      );
  }
}
