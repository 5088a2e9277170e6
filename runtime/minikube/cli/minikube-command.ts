import { lazyCommand } from '../../shell/commands/lazy';

/** `minikube` as the playground's shell first knows it: the CLI is loaded on first use. */
export const minikube = lazyCommand(
  'minikube',
  'minikube: start, stop, status, dashboard, addons, node, service, kubectl, ip, version (and `minikube clock`)',
  () => import('./minikube').then((m) => m.minikube),
);
