import type { ShellCommand } from '../../shell/command';
import { clockCommand } from './clock';

/**
 * `minikube`, as far as kubeplay has it: `clock`, the kubeplay extension that moves the cluster
 * clock. minikube's own commands (start, status, service, dashboard, addons, node …) come with
 * the minikube issue; until then they say so instead of pretending.
 */
export const minikube: ShellCommand = {
  name: 'minikube',
  summary: 'minikube (in kubeplay: `minikube clock` moves the cluster clock)',
  async run(ctx) {
    const [sub, ...args] = ctx.argv.slice(1);
    if (sub === 'clock') return clockCommand(ctx, args);
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      ctx.stdout.write('kubeplay has `minikube clock` so far (see `minikube clock --help`).\n');
      return 0;
    }
    ctx.stderr.write(`minikube ${sub}: not in kubeplay yet; kubeplay has \`minikube clock\` so far\n`);
    return 1;
  },
};
