// Pub/sub between a server's clients: channel and pattern subscriptions, PUBLISH delivering
// `message` and `pmessage` pushes, and PUBSUB's introspection.
import type { ClientState, CommandTable } from './command';
import { globMatch } from './glob';
import { array, bulk, bulks, integer, type Reply } from './resp';

/** The server's subscriptions. */
export class PubSub {
  private readonly channels = new Map<string, Set<ClientState>>();
  private readonly patterns = new Map<string, Set<ClientState>>();

  subscribe(client: ClientState, channel: string, pattern: boolean): void {
    const table = pattern ? this.patterns : this.channels;
    const subscribers = table.get(channel) ?? new Set();
    subscribers.add(client);
    table.set(channel, subscribers);
    (pattern ? client.patterns : client.channels).add(channel);
  }

  unsubscribe(client: ClientState, channel: string, pattern: boolean): void {
    const table = pattern ? this.patterns : this.channels;
    table.get(channel)?.delete(client);
    if (table.get(channel)?.size === 0) table.delete(channel);
    (pattern ? client.patterns : client.channels).delete(channel);
  }

  /** Drops everything `client` subscribed to (it disconnected). */
  forget(client: ClientState): void {
    for (const channel of [...client.channels]) this.unsubscribe(client, channel, false);
    for (const pattern of [...client.patterns]) this.unsubscribe(client, pattern, true);
  }

  /** Delivers `message`; the number of clients that received it. */
  publish(channel: string, message: string): number {
    let received = 0;
    for (const client of this.channels.get(channel) ?? []) {
      client.push(bulks(['message', channel, message]));
      received++;
    }
    for (const [pattern, clients] of this.patterns)
      if (globMatch(pattern, channel))
        for (const client of clients) {
          client.push(bulks(['pmessage', pattern, channel, message]));
          received++;
        }
    return received;
  }

  channelNames(pattern?: string): string[] {
    return [...this.channels.keys()].filter((name) => pattern === undefined || globMatch(pattern, name));
  }

  subscribers(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  channelCount(): number {
    return this.channels.size;
  }

  patternCount(): number {
    return this.patterns.size;
  }
}

const subscriptions = (client: ClientState): number => client.channels.size + client.patterns.size;

/** SUBSCRIBE and PSUBSCRIBE: one confirmation per channel. */
function subscribe(pattern: boolean): CommandTable[string] {
  return {
    arity: -2,
    run: (call) =>
      call.args.slice(1).map((channel) => {
        call.server.pubsub.subscribe(call.client, channel, pattern);
        return array([bulk(pattern ? 'psubscribe' : 'subscribe'), bulk(channel), integer(subscriptions(call.client))]);
      }),
  };
}

/** UNSUBSCRIBE and PUNSUBSCRIBE: all of them without arguments. */
function unsubscribe(pattern: boolean): CommandTable[string] {
  const kind = pattern ? 'punsubscribe' : 'unsubscribe';
  return {
    arity: -1,
    run: (call): Reply[] => {
      const mine = pattern ? call.client.patterns : call.client.channels;
      const names = call.args.length > 1 ? call.args.slice(1) : [...mine];
      if (names.length === 0) return [array([bulk(kind), bulk(null), integer(subscriptions(call.client))])];
      return names.map((channel) => {
        call.server.pubsub.unsubscribe(call.client, channel, pattern);
        return array([bulk(kind), bulk(channel), integer(subscriptions(call.client))]);
      });
    },
  };
}

export const PUBSUB_COMMANDS: CommandTable = {
  subscribe: subscribe(false),
  psubscribe: subscribe(true),
  unsubscribe: unsubscribe(false),
  punsubscribe: unsubscribe(true),
  publish: { arity: 3, run: (call) => integer(call.server.pubsub.publish(call.args[1], call.args[2])) },
  pubsub: {
    arity: -2,
    run: () => integer(0),
    subcommands: {
      channels: { arity: -2, run: (call) => bulks(call.server.pubsub.channelNames(call.args[2])) },
      numsub: {
        arity: -2,
        run: (call) =>
          array(
            call.args.slice(2).flatMap((channel) => [bulk(channel), integer(call.server.pubsub.subscribers(channel))]),
          ),
      },
      numpat: { arity: 2, run: (call) => integer(call.server.pubsub.patternCount()) },
    },
  },
};
