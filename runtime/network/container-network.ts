import { neverCancelled, type CancelSignal } from '../cancel';
import { sleep, type Clock } from '../clock';
import type { ContainerNetwork, Listener } from '../images/types';
import type { Destination, PodNetwork } from './cluster-network';
import { HOST_BRIDGE_ADDRESS, SYN_TIMEOUT_MS } from './host-network';
import { exchangeWith, listenerEndpoint } from './host-network-http';
import { httpOverSocket, serveHttpOnSocket } from './http-socket';
import { NetError, socketPair, type Socket } from './socket';
import { upstreamAnswer } from './upstream-dns';

/** How long a resolver waits for one DNS reply (resolv.conf's default `timeout:5`). */
export const DNS_QUERY_TIMEOUT_MS = 5_000;

/** The first ephemeral port Linux hands out (net.ipv4.ip_local_port_range starts at 32768). */
const FIRST_EPHEMERAL_PORT = 32_768;

/** What a container's network is made of. */
export interface ContainerNetworkDeps {
  pods: PodNetwork;
  /** The pod's IP (the node's for hostNetwork pods). */
  address: string;
  clock: Clock;
  /** Fires when the container exits: pending connects and queries stop waiting. */
  ended?: CancelSignal;
}

const isLoopback = (ip: string): boolean => /^127\./.test(ip) || ip === '::1' || ip === '0.0.0.0';

/**
 * The network as a pod's processes see it: their own address on loopback, the cluster's pods
 * and nodes directly, Services through kube-proxy. A port nobody listens on refuses at once; an
 * address no host has (no Internet either) times out after the kernel's SYN retries, on the
 * cluster clock; a DNS question nobody answers after resolv.conf's timeout.
 */
export function createContainerNetwork(deps: ContainerNetworkDeps): ContainerNetwork {
  const { pods, address, clock } = deps;
  const signal = deps.ended ?? neverCancelled;
  let nextPort = FIRST_EPHEMERAL_PORT;

  /** Where a connection to `ip:port` goes, waiting out the SYN retries to nowhere. */
  async function reach(ip: string, port: number): Promise<Extract<Destination, { kind: 'listener' }>> {
    const target = isLoopback(ip) ? address : ip;
    const destination: Destination =
      target === HOST_BRIDGE_ADDRESS ? { kind: 'refused' } : pods.destination(target, port, 'TCP', address);
    if (destination.kind === 'listener') return destination;
    if (destination.kind === 'refused') throw new NetError('ECONNREFUSED', ip, port);
    await sleep(clock, SYN_TIMEOUT_MS, signal);
    throw new NetError('ETIMEDOUT', ip, port);
  }

  /** A connected pair to `listener`, the server's side handed to it. */
  function open(listener: Listener, ip: string, port: number): Socket {
    const [client, server] = socketPair({ address, port: nextPort++ }, { address: ip, port });
    if (listener.accept) listener.accept(server);
    else if (listener.http) void serveHttpOnSocket(server, listener, clock);
    // A listener that serves neither accepts the connection and never reads from it.
    return client;
  }

  return {
    address,
    async connect(ip, port) {
      const { listener } = await reach(ip, port);
      return open(listener, ip, port);
    },
    async http(ip, port, request) {
      const { listener } = await reach(ip, port);
      if (listener.http) return listener.http({ ...request, remoteAddress: address });
      if (listener.endpoint) return exchangeWith(listener.endpoint, request, false);
      if (!listener.accept) throw new NetError('ECONNRESET', ip, port);
      return httpOverSocket(open(listener, ip, port), request);
    },
    async dial(ip, port) {
      const { listener } = await reach(ip, port);
      return { address: ip, port, ...(listener.endpoint ?? listenerEndpoint(listener, address, clock)) };
    },
    answersPing: (ip) => isLoopback(ip) || ip === address || ip === HOST_BRIDGE_ADDRESS || pods.hasHost(ip),
    async query(server, query) {
      const target = isLoopback(server) ? address : server;
      // hostNetwork pods ask the node's resolver, docker's gateway.
      if (target === HOST_BRIDGE_ADDRESS) return upstreamAnswer(query);
      const destination = pods.destination(target, 53, 'UDP', address);
      if (destination.kind === 'listener' && destination.listener.dns) return destination.listener.dns(query, address);
      // UDP has no handshake: an unanswered question is only known by waiting for the reply.
      await sleep(clock, DNS_QUERY_TIMEOUT_MS, signal);
      throw new NetError('ETIMEDOUT', server, 53);
    },
  };
}
