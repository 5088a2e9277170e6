import type { CommandContext, ShellCommand } from '../../shell/command';
import { addonsDisableCommand, addonsEnableCommand } from './addons-enable';
import { addonsListCommand } from './addons-list';
import { clockCommand } from './clock';
import { ipCommand, nodeListCommand, statusCommand, versionCommand } from './info';
import { dashboardCommand } from './dashboard';
import { imageCommand } from './image';
import { logsCommand } from './logs';
import { recordInAudit } from './logs-audit';
import { deleteCommand } from './delete';
import { nodeAddCommand, nodeDeleteCommand } from './node';
import { pauseCommand } from './pause';
import { serviceCommand } from './service';
import { startCommand } from './start';
import { sshCommand } from './ssh';
import { stopCommand } from './stop';
import { tunnelCommand } from './tunnel';

/** What `minikube --help` lists: the subcommands kubeplay has, with minikube's short texts. */
const HELP = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

kubeplay's minikube has:
  status       Gets the status of a local Kubernetes cluster
  start        Starts a local Kubernetes cluster
  stop         Stops a running local Kubernetes cluster
  delete       Deletes a local Kubernetes cluster
  pause        pause Kubernetes
  unpause      unpause Kubernetes
  dashboard    Access the Kubernetes dashboard running within the minikube cluster
  addons list  Lists all available minikube addons as well as their current statuses (enabled/disabled)
  addons enable|disable  Enables or disables a minikube addon
  node add|delete        Adds or deletes a node
  service      Returns a URL to connect to a service
  tunnel       Connect to LoadBalancer services
  logs         Returns logs to debug a local Kubernetes cluster
  image ls     List images
  ssh -- docker ps       Log into the minikube environment (for some debugging)
  kubectl      Run a kubectl binary matching the cluster version
  node list    List nodes.
  ip           Retrieves the IP address of the specified node
  version      Print the version of minikube
  clock        Shows and moves the cluster clock (a kubeplay extension)
`;

/** The shell's kubectl, run as `minikube kubectl -- ARGS` runs the cluster's version of it. */
async function kubectlCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const kubectl = ctx.shell.commands.get('kubectl');
  if (!kubectl) {
    ctx.stderr.write('Error caching kubectl: kubectl is not on this host\n');
    return 1;
  }
  // cobra keeps `--` out of the args; minikube passes the rest on as they are.
  return kubectl.run({ ...ctx, argv: ['kubectl', ...(args[0] === '--' ? args.slice(1) : args)] });
}

/** cobra's unknown command error (root.go exits with ExProgramUsage). */
function unknownCommand(ctx: CommandContext, path: string, sub: string): number {
  ctx.stderr.write(`Error: unknown command "${sub}" for "${path}"\nRun '${path} --help' for usage.\n`);
  return 14;
}

/**
 * `minikube`: the subcommands learners type, printing what minikube v1.37.0 prints and reading
 * the cluster's state through the API; `clock` is kubeplay's own.
 */
export const minikube: ShellCommand = {
  name: 'minikube',
  summary:
    'minikube: start, stop, status, dashboard, addons, node, service, kubectl, ip, version (and `minikube clock`)',
  run: (ctx) => recordInAudit(ctx, dispatch),
};

/** Runs the subcommand `ctx.argv[1]`. */
async function dispatch(ctx: CommandContext): Promise<number> {
  const [sub, ...args] = ctx.argv.slice(1);
  switch (sub) {
    case 'clock':
      return clockCommand(ctx, args);
    case 'status':
      return statusCommand(ctx, args);
    case 'ip':
      return ipCommand(ctx, args);
    case 'version':
      return versionCommand(ctx, args);
    case 'service':
      return serviceCommand(ctx, args);
    case 'kubectl':
      return kubectlCommand(ctx, args);
    case 'addons':
      if (args[0] === 'list') return addonsListCommand(ctx, args.slice(1));
      if (args[0] === 'enable') return addonsEnableCommand(ctx, args.slice(1));
      if (args[0] === 'disable') return addonsDisableCommand(ctx, args.slice(1));
      break;
    case 'node':
      if (args[0] === 'list') return nodeListCommand(ctx, args.slice(1));
      if (args[0] === 'add') return nodeAddCommand(ctx, args.slice(1));
      if (args[0] === 'delete') return nodeDeleteCommand(ctx, args.slice(1));
      break;
    case 'dashboard':
      return dashboardCommand(ctx, args);
    case 'start':
      return startCommand(ctx, args);
    case 'stop':
      return stopCommand(ctx, args);
    case 'delete':
      return deleteCommand(ctx, args);
    case 'ssh':
      return sshCommand(ctx, args);
    case 'image':
      return imageCommand(ctx, args);
    case 'tunnel':
      return tunnelCommand(ctx, args);
    case 'logs':
      return logsCommand(ctx, args);
    case 'pause':
    case 'unpause':
      return pauseCommand(ctx, args, sub === 'pause');
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      ctx.stdout.write(HELP);
      return 0;
  }
  const known = [
    'start',
    'stop',
    'delete',
    'dashboard',
    'pause',
    'unpause',
    'docker-env',
    'podman-env',
    'cache',
    'image',
    'addons',
    'config',
    'profile',
    'update-context',
    'tunnel',
    'mount',
    'ssh',
    'node',
    'cp',
    'ssh-key',
    'ssh-host',
    'logs',
    'update-check',
    'options',
    'completion',
    'license',
  ];
  if (!known.includes(sub)) return unknownCommand(ctx, 'minikube', sub);
  ctx.stderr.write(`minikube ${[sub, args[0]].filter(Boolean).join(' ')}: not in kubeplay yet\n`);
  return 1;
}
