import type { CommandContext } from '../../shell/command';
import { DASHBOARD_IMAGES } from '../addons';
import { METRICS_SERVER_IMAGE } from '../../metrics/addon';
import { ADDONS, enabledAddons } from './addons-list';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { step, usageError } from './output';

/** The addons whose objects kubeplay really creates and deletes. */
const SIMULATED = ['dashboard', 'metrics-server'] as const;
type Simulated = (typeof SIMULATED)[number];
const isSimulated = (name: string): name is Simulated => (SIMULATED as readonly string[]).includes(name);

/** Addons kubeplay keeps enabled (start.ts creates them) and cannot take away yet. */
const ALWAYS_ON = ['default-storageclass', 'storage-provisioner'];

/** assets.Addons' VerifiedMaintainer, where minikube v1.37.0 names one (pkg/minikube/assets/addons.go). */
const VERIFIED: Record<string, string> = {
  'inspektor-gadget': 'https://github.com/orgs/inspektor-gadget/people',
  kong: '@gAmUssA',
  volcano: 'hwdef',
  headlamp: 'yolossn',
  yakd: 'manusa',
  kubetail: 'amorey',
};

/** What GenerateTemplateData prints per image on enable: registry and image without its digest. */
const IMAGE_LINES: Record<string, string[]> = {
  // Go ranges over the Images map in random order; this is the order most often seen.
  dashboard: [DASHBOARD_IMAGES.dashboard, DASHBOARD_IMAGES.metricsScraper],
  'metrics-server': [METRICS_SERVER_IMAGE],
  'storage-provisioner': ['gcr.io/k8s-minikube/storage-provisioner:v5'],
};

/** postStartMessages' tip for the dashboard (pkg/addons/addons.go). */
const DASHBOARD_TIP = `Some dashboard features require the metrics-server addon. To enable all features please run:

\tminikube addons enable metrics-server
`;

/** The maintainer notice of `addons enable` (cmd/minikube/cmd/config/enable.go). */
function maintainerNotice(ctx: CommandContext, addon: string, maintainer: string): void {
  if (['Google', 'Kubernetes', 'minikube'].includes(maintainer)) {
    step(
      ctx.stdout,
      '💡',
      `${addon} is an addon maintained by ${maintainer}. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS`,
    );
    return;
  }
  step(
    ctx.stdout,
    '❗',
    `${addon} is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.`,
  );
  const verified = VERIFIED[addon];
  if (verified) {
    step(ctx.stdout, '💡', `${addon} is maintained by ${maintainer} for any concerns contact ${verified} on GitHub.`);
  } else step(ctx.stdout, '❗', `${addon} does not currently have an associated maintainer.`);
}

/** The `▪ Using image …` lines of an addon's images (assets.GenerateTemplateData, out.Infof). */
export function imageLines(ctx: CommandContext, addon: string): void {
  for (const image of IMAGE_LINES[addon] ?? []) ctx.stdout.write(`    ▪ Using image ${image.split('@')[0]}\n`);
}

/** exit.Error's first lines (no GitHub issue box yet): a blank line, the reason on stderr, a blank line. */
function exitError(ctx: CommandContext, id: string, message: string, code: number): number {
  ctx.stdout.write('\n');
  ctx.stderr.write(`❌  Exiting due to ${id}: ${message}\n`);
  ctx.stdout.write('\n');
  return code;
}

/**
 * `minikube addons enable NAME` (enable.go, addons.SetAndSave): the maintainer notice, the
 * images, the addon's tip, `🌟  The 'NAME' addon is enabled`. The dashboard and metrics-server
 * are created through the API; the default addons are already on; the others kubeplay lacks.
 */
export async function addonsEnableCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['images', 'registries'], booleans: ['force', 'refresh'] });
  if (flags.unknown) return usageError(ctx, 'addons enable', flags.unknown);
  if (flags.args.length !== 1) {
    return exitError(ctx, 'MK_USAGE', 'usage: minikube addons enable ADDON_NAME', 14);
  }
  const components = await healthyOrPaused(ctx, true);
  if (typeof components === 'number') return components;
  let addon = flags.args[0];
  // addons.Deprecations
  if (addon === 'efk') {
    return exitError(
      ctx,
      'MK_ADDON_ENABLE',
      'The current images used in the efk addon contain Log4j vulnerabilities, the addon will be disabled until images are updated, see: https://github.com/kubernetes/minikube/issues/15280',
      10,
    );
  }
  if (addon === 'heapster') {
    step(ctx.stdout, '⌛', 'using metrics-server addon, heapster is deprecated');
    addon = 'metrics-server';
  }
  const bundle = ADDONS.find(([name]) => name === addon);
  if (!bundle) {
    return exitError(ctx, 'MK_ADDON_ENABLE', `enable failed: run callbacks: ${addon} is not a valid addon`, 10);
  }
  maintainerNotice(ctx, addon, bundle[1]);
  if (isSimulated(addon)) {
    imageLines(ctx, addon);
    await components.enableAddon(addon);
    if (addon === 'dashboard') step(ctx.stdout, '💡', DASHBOARD_TIP);
  } else if (ALWAYS_ON.includes(addon)) {
    imageLines(ctx, addon);
  } else {
    ctx.stderr.write(`minikube addons enable ${addon}: kubeplay does not simulate the '${addon}' addon yet\n`);
    return 1;
  }
  step(ctx.stdout, '🌟', `The '${addon}' addon is enabled`);
  return 0;
}

/**
 * `minikube addons disable NAME` (disable.go): deletes the addon's objects when it is enabled,
 * then prints minikube's line, stray quote and all (`"The 'NAME' addon is disabled`).
 */
export async function addonsDisableCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {});
  if (flags.unknown) return usageError(ctx, 'addons disable', flags.unknown);
  if (flags.args.length !== 1) {
    return exitError(ctx, 'MK_USAGE', 'usage: minikube addons disable ADDON_NAME', 14);
  }
  const components = await healthyOrPaused(ctx, false);
  if (typeof components === 'number') return components;
  const addon = flags.args[0];
  if (addon === 'heapster') {
    return exitError(
      ctx,
      'SVC_ADDON_UNSUPPORTED',
      'The heapster addon is depreciated. please try to disable metrics-server instead',
      116,
    );
  }
  if (!ADDONS.some(([name]) => name === addon)) {
    return exitError(ctx, 'SVC_ADDON_UNSUPPORTED', `"'${addon}' is not a valid minikube addon`, 116);
  }
  if (ALWAYS_ON.includes(addon)) {
    ctx.stderr.write(`minikube addons disable ${addon}: kubeplay keeps the '${addon}' addon on\n`);
    return 1;
  }
  if (isSimulated(addon) && (await enabledAddons(ctx)).has(addon)) await components.disableAddon(addon);
  step(ctx.stdout, '🌑', `"The '${addon}' addon is disabled`);
  return 0;
}

/**
 * mustload.Partial then addons.VerifyNotPaused: a stopped machine still takes the setting in
 * minikube; kubeplay, keeping no profile config, refuses like Healthy. A paused one is refused.
 */
async function healthyOrPaused(ctx: CommandContext, enable: boolean) {
  if (ctx.shell.minikube?.state === 'Paused') {
    const msg = `Can't ${enable ? 'enable' : 'disable'} addon on a paused cluster, please unpause the cluster first.`;
    step(ctx.stdout, '🤷', msg);
    const id = enable ? 'MK_ADDON_ENABLE_PAUSED' : 'MK_ADDON_DISABLE_PAUSED';
    return exitError(ctx, id, `${enable ? 'enabled' : 'disable'} failed: ${msg}`, 11);
  }
  return healthy(ctx);
}
