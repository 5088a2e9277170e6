import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { RestClient } from '../client/rest-client';
import { ENDPOINTSLICES, NAMESPACES, SERVICES } from '../client/resources';
import type { EndpointSlice } from '../controllers/endpoints-types';
import { InformerFactory, type Informer } from '../controllers/informer';
import type { KubeObject } from '../api/object';
import type { Rng } from '../rng';
import { shuffleAnswers } from './coredns-loadbalance';
import { addressFromReverse, answerKubernetes, type ZoneData } from './coredns-kubernetes';
import type { DnsQuery, DnsResponse } from './dns-types';
import { HOST_BRIDGE_ADDRESS } from './host-network';
import type { ProxiedService } from './service-rules';
import { upstreamAnswer } from './upstream-dns';

/** The hosts block of minikube's Corefile: the learner's host by name, `ttl` the plugin's default. */
const COREFILE_HOSTS: Record<string, string> = { 'host.minikube.internal': HOST_BRIDGE_ADDRESS };
const HOSTS_TTL = 3600;

/** The hosts plugin: names and reverse names of its block; undefined to fall through. */
function hostsPlugin(query: DnsQuery): DnsResponse | undefined {
  const name = query.name.toLowerCase();
  const address = COREFILE_HOSTS[name];
  if (address) {
    const answers = query.type === 'A' ? [{ name: query.name, type: 'A' as const, ttl: HOSTS_TTL, data: address }] : [];
    return { rcode: 'NOERROR', authoritative: true, answers, authority: [] };
  }
  const reversed = addressFromReverse(name);
  const host = Object.keys(COREFILE_HOSTS).find((h) => COREFILE_HOSTS[h] === reversed);
  if (!host) return undefined;
  const answers = query.type === 'PTR' ? [{ name: query.name, type: 'PTR' as const, ttl: HOSTS_TTL, data: host }] : [];
  return { rcode: 'NOERROR', authoritative: true, answers, authority: [] };
}

/** One question through the Corefile's plugins: kubernetes, then hosts, then forward. */
export async function answerCorefile(data: ZoneData, query: DnsQuery): Promise<DnsResponse> {
  const upstream = (q: DnsQuery): Promise<DnsResponse> => Promise.resolve(hostsPlugin(q) ?? upstreamAnswer(q));
  return (await answerKubernetes(data, query, upstream)) ?? upstream(query);
}

/**
 * CoreDNS as minikube configures it (its Corefile): the kubernetes plugin over informers on
 * Services, EndpointSlices and Namespaces, then the hosts block, then the forwarder.
 */
export class CoreDns {
  private readonly informers: InformerFactory;
  private readonly services: Informer<ProxiedService>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly namespaces: Informer<KubeObject>;
  private modified: number;

  constructor(
    api: ApiHandler,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {
    const client = new RestClient(api, {
      userAgent: 'coredns/v0.0.0 (linux/amd64) kubernetes/$Format',
      sharedResults: true,
    });
    this.informers = new InformerFactory(client, clock, rng, { resyncPeriodMs: 0 });
    this.services = this.informers.informerFor<ProxiedService>(SERVICES);
    this.slices = this.informers.informerFor<EndpointSlice>(ENDPOINTSLICES);
    this.namespaces = this.informers.informerFor<KubeObject>(NAMESPACES);
    this.modified = Math.floor(clock.now() / 1000);
    // dnsControl's `modified`: the serial of the zone's SOA moves with every service or endpoint change.
    const touch = (): void => {
      this.modified = Math.floor(this.clock.now() / 1000);
    };
    const changed = { add: touch, update: touch, delete: touch };
    this.services.addEventHandler(changed);
    this.slices.addEventHandler(changed);
  }

  start(): void {
    this.informers.start();
  }

  stop(): void {
    this.informers.shutdown();
  }

  /** One question, answered from the informers once they have synced. */
  async answer(query: DnsQuery): Promise<DnsResponse> {
    // CoreDNS starts serving once its informers have synced.
    await Promise.all([this.services.waitForSync(), this.slices.waitForSync(), this.namespaces.waitForSync()]);
    const data: ZoneData = {
      services: this.services.list(),
      slices: this.slices.list(),
      namespaces: new Set(this.namespaces.list().map((ns) => ns.metadata?.name ?? '')),
      serial: this.modified,
    };
    const response = await answerCorefile(data, query);
    return { ...response, answers: shuffleAnswers(response.answers, this.rng) };
  }
}
