import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { RestClient } from '../client/rest-client';
import { ENDPOINTSLICES, SERVICES } from '../client/resources';
import { componentUserAgent } from '../client/user-agent';
import type { EndpointSlice } from '../controllers/endpoints-types';
import { InformerFactory, type Informer } from '../controllers/informer';
import { createSeededRng, type Rng } from '../rng';
import type { ServiceRouting } from './cluster-network';
import { ServiceBalancer } from './service-balancer';
import { buildServiceRules, frontendKey, type ProxiedService, type ServiceRules } from './service-rules';
import type { Endpoint } from './socket';

/**
 * kube-proxy: watches Services and EndpointSlices and routes connections to a service's
 * frontends (cluster IPs, external and load-balancer IPs, NodePorts on every node) to one of its
 * ready endpoints — in turn (round robin), or the same one for a client while its ClientIP
 * affinity lasts. A service port without endpoints refuses, as the REJECT rule kube-proxy
 * installs for it does. Every node's kube-proxy programs the same rules, so one instance routes
 * for all of them.
 */
export class KubeProxy implements ServiceRouting {
  private readonly informers: InformerFactory;
  private readonly services: Informer<ProxiedService>;
  private readonly slices: Informer<EndpointSlice>;
  private rules: ServiceRules = new Map();
  private dirty = true;
  private readonly balancer: ServiceBalancer;

  constructor(
    api: ApiHandler,
    clock: Clock,
    /** kube-proxy's own randomness (its watches' timeouts): a process of its own, not the cluster's stream. */
    rng: Rng = createSeededRng('kube-proxy'),
  ) {
    const client = new RestClient(api, { userAgent: componentUserAgent('kube-proxy'), sharedResults: true });
    this.balancer = new ServiceBalancer(clock);
    this.informers = new InformerFactory(client, clock, rng, { resyncPeriodMs: 0 });
    this.services = this.informers.informerFor<ProxiedService>(SERVICES);
    this.slices = this.informers.informerFor<EndpointSlice>(ENDPOINTSLICES);
    // Rules are rebuilt lazily, at the first connection after a change (kube-proxy's sync).
    const changed = {
      add: () => (this.dirty = true),
      update: () => (this.dirty = true),
      delete: () => (this.dirty = true),
    };
    this.services.addEventHandler(changed);
    this.slices.addEventHandler(changed);
  }

  start(): void {
    this.informers.start();
  }

  /** Resolves once the first lists are in (kube-proxy syncs its rules only then). */
  async waitForSync(): Promise<void> {
    await Promise.all([this.services.waitForSync(), this.slices.waitForSync()]);
  }

  stop(): void {
    this.informers.shutdown();
  }

  route(
    ip: string,
    port: number,
    protocol: 'TCP' | 'UDP',
    client: string,
    toNode: boolean,
  ): Endpoint | 'refused' | undefined {
    if (this.dirty) {
      this.rules = buildServiceRules(this.services.list(), this.slices.list());
      this.dirty = false;
    }
    const rule =
      this.rules.get(frontendKey(ip, port, protocol)) ??
      (toNode ? this.rules.get(frontendKey('node', port, protocol)) : undefined);
    if (!rule) return undefined;
    if (rule.endpoints.length === 0) return 'refused';
    return this.balancer.pick(rule, client);
  }
}
