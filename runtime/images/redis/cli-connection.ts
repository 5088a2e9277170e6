// redis-cli's connection (hiredis's part): resolving the host as the container's libc does,
// connecting through the container's network, sending commands and reading whole replies.
// Failures carry hiredis's error text (`Connection refused`, `Name or service not known`).
import { resolveHost } from '../../network/resolver';
import { NetError, type NetErrorCode, type Socket } from '../../network/socket';
import type { ProcessContext } from '../types';
import { encodeCommand, ReplyParser, type Reply } from './resp';

const NET_ERRORS: Record<NetErrorCode, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
};

/** An open connection to a server. */
export class CliConnection {
  private readonly parser = new ReplyParser();
  private readonly input: AsyncIterator<string>;

  private constructor(private readonly socket: Socket) {
    this.input = socket.input[Symbol.asyncIterator]();
  }

  /** Connects to `host:port`, or resolves hiredis's error text. */
  static async open(ctx: ProcessContext, host: string, port: number): Promise<CliConnection | string> {
    const found = await resolveHost(ctx, host);
    if ('error' in found)
      return found.error === 'NXDOMAIN' ? 'Name or service not known' : 'Temporary failure in name resolution';
    if (!ctx.net) return NET_ERRORS.ECONNREFUSED;
    try {
      return new CliConnection(await ctx.net.connect(found.addresses[0], port));
    } catch (thrown) {
      if (thrown instanceof NetError) return NET_ERRORS[thrown.code];
      throw thrown;
    }
  }

  send(args: string[]): void {
    this.socket.write(encodeCommand(args));
  }

  /** The next reply; undefined when the server closed the connection. */
  async read(): Promise<Reply | undefined> {
    for (;;) {
      const reply = this.parser.next();
      if (reply) return reply;
      const chunk = await this.input.next();
      if (chunk.done) return undefined;
      this.parser.push(chunk.value);
    }
  }

  close(): void {
    this.socket.end();
  }
}
