import { PODS } from '../client/resources';
import type { Clock } from '../clock';
import { metricsServerReady } from '../metrics/addon';
import { MetricsServer } from '../metrics/metrics-server';
import type { MinikubeComponents } from './start';

/**
 * The metrics-server of a minikube cluster, made before the API server (which serves
 * metrics.k8s.io from it) and attached to the components once they run: it scrapes their
 * kubelets, and serves while the addon's pod is Running and Ready.
 */
export function createMetricsServer(clock: Clock): {
  server: MetricsServer;
  attach(components: MinikubeComponents): void;
} {
  let components: MinikubeComponents | undefined;
  const server = new MetricsServer({
    clock,
    sources: () => components?.kubelets ?? [],
    serving: () =>
      components !== undefined &&
      metricsServerReady(components.manager.informers.informerFor(PODS).list('kube-system')),
  });
  return {
    server,
    attach(running) {
      components = running;
      server.start();
    },
  };
}
