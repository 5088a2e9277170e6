import type { Clock } from '../clock';
import type { ServicePortRule } from './service-rules';
import type { Endpoint } from './socket';

/**
 * How kube-proxy spreads a service port's connections: each new one to the next endpoint in
 * turn (round robin), except that with ClientIP affinity a client keeps the endpoint it got for
 * the affinity's timeout, counted from its last connection (the `recent` match's --rcheck
 * --seconds --reap), as long as that endpoint is still ready.
 */
export class ServiceBalancer {
  private readonly nextIndex = new Map<string, number>();
  /** rule name → client IP → endpoint and when the affinity ends. */
  private readonly affinity = new Map<string, Map<string, { endpoint: Endpoint; until: number }>>();

  constructor(private readonly clock: Clock) {}

  /** The endpoint `client`'s new connection to `rule` goes to (the rule has at least one). */
  pick(rule: ServicePortRule, client: string): Endpoint {
    const now = this.clock.now();
    let sticky = this.affinity.get(rule.name);
    if (rule.affinitySeconds > 0 && !sticky) this.affinity.set(rule.name, (sticky = new Map()));
    const held = rule.affinitySeconds > 0 ? sticky?.get(client) : undefined;
    let endpoint =
      held && held.until > now
        ? rule.endpoints.find((e) => e.address === held.endpoint.address && e.port === held.endpoint.port)
        : undefined;
    if (!endpoint) {
      const index = (this.nextIndex.get(rule.name) ?? 0) % rule.endpoints.length;
      this.nextIndex.set(rule.name, index + 1);
      endpoint = rule.endpoints[index];
    }
    if (rule.affinitySeconds > 0) sticky?.set(client, { endpoint, until: now + rule.affinitySeconds * 1000 });
    return endpoint;
  }
}
