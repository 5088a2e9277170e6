/**
 * The traffic model's stream half: one end of a TCP connection as a program sees it. Data is
 * text (the protocols spoken here — RESP, HTTP/1, line protocols — are ASCII or UTF-8).
 */
export interface Socket {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** What the peer sends, in chunks, until it ends its side or the connection resets. */
  readonly input: AsyncIterable<string>;
  /** Sends to the peer; ignored once this side has ended. */
  write(data: string): void;
  /** Ends this side (FIN): the peer's input ends. */
  end(): void;
  /** Settles when both sides have ended. */
  readonly closed: Promise<void>;
}

/** One side's address and port. */
export interface Endpoint {
  address: string;
  port: number;
}

/** The errors a connection attempt or a query fails with, as errno names them. */
export type NetErrorCode = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'ECONNRESET';

/** A failed connect: each client prints its own text for the code (`Connection refused`, …). */
export class NetError extends Error {
  constructor(
    readonly code: NetErrorCode,
    readonly address: string,
    readonly port: number,
  ) {
    super(`${code} ${address}:${port}`);
    this.name = 'NetError';
  }
}

/** A queue of chunks read as an async iterable: what one side writes and the other reads. */
class Pipe implements AsyncIterable<string> {
  private readonly chunks: string[] = [];
  private waiting: ((result: IteratorResult<string>) => void) | undefined;
  ended = false;

  push(chunk: string): void {
    if (this.ended || chunk === '') return;
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = undefined;
      wake({ value: chunk, done: false });
    } else this.chunks.push(chunk);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = undefined;
      wake({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return {
      next: () => {
        const chunk = this.chunks.shift();
        if (chunk !== undefined) return Promise.resolve({ value: chunk, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        this.chunks.length = 0;
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

/** A connected pair of sockets: `[client, server]`, each the other's peer. */
export function socketPair(client: Endpoint, server: Endpoint): [Socket, Socket] {
  const toServer = new Pipe();
  const toClient = new Pipe();
  let ends = 0;
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const side = (local: Endpoint, remote: Endpoint, inbound: Pipe, outbound: Pipe): Socket => {
    let ended = false;
    return {
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: remote.address,
      remotePort: remote.port,
      input: inbound,
      write: (data) => {
        if (!ended) outbound.push(data);
      },
      end: () => {
        if (ended) return;
        ended = true;
        outbound.end();
        if (++ends === 2) markClosed();
      },
      closed,
    };
  };
  return [side(client, server, toClient, toServer), side(server, client, toServer, toClient)];
}
