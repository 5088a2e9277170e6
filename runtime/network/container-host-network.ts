import { CancelledError, type CancelSignal } from '../cancel';
import { ConnectError, type HostConnection, type HostNetwork } from './host-network';
import { resolveHost, type ResolverContext } from './resolver';
import { NetError } from './socket';

// A container's network in the shape the host's HTTP clients (curl) are written against: names
// through the pod's resolver (/etc/hosts, then the resolv.conf servers), connections through
// kube-proxy's routing to pods, nodes and the API server. A container listens through its
// image's own servers, not through this.

const FAILURE = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ECONNRESET: 'refused',
} as const;

/** A container's network as a HostNetwork, for a process with `ctx`'s files and network. */
export function containerHostNetwork(ctx: ResolverContext): HostNetwork {
  return {
    async resolve(name) {
      const bare = name.replace(/^\[(.*)\]$/, '$1');
      if (bare.includes(':')) return [bare];
      const found = await resolveHost(ctx, bare);
      return 'error' in found ? [] : found.addresses;
    },
    async connect(address: string, port: number, signal: CancelSignal): Promise<HostConnection> {
      if (signal.aborted) throw new CancelledError();
      if (!ctx.net?.dial) throw new ConnectError('unreachable', 'Network is unreachable');
      try {
        // A connect the client gave up on (its deadline, Ctrl-C) ends on its own later, unheard.
        return await ctx.net.dial(address, port);
      } catch (error) {
        if (!(error instanceof NetError)) throw error;
        const kind = FAILURE[error.code];
        throw error.code === 'ENETUNREACH' ? new ConnectError(kind, 'Network is unreachable') : new ConnectError(kind);
      }
    },
    listen() {
      throw new Error('EADDRNOTAVAIL');
    },
  };
}
