import { lazyCommand } from '../shell/commands/lazy';

/**
 * kubectl as the playground's shell first knows it: its implementation (printers, help texts,
 * generators, describers: most of kubeplay's code) is loaded on first use, so the first prompt
 * does not wait for it.
 */
export const kubectl = lazyCommand('kubectl', 'control the Kubernetes cluster', () =>
  import('./kubectl').then((m) => m.kubectl),
);
