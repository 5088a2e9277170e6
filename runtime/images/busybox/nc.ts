// busybox nc (the nc_bloaty flavour of the official image), basic: `nc HOST PORT` connects over
// the pod's network and copies stdin to the connection and the connection to stdout until the
// other side closes it (stdin's end does not close it, as without -q); `nc -l -p PORT` accepts
// one connection on the pod's address and does the same.
import { resolveHost } from '../../network/resolver';
import { NetError, type Socket } from '../../network/socket';
import { has, last } from '../../shell/commands/coreutils/options';
import type { ProcessContext } from '../types';
import { complain, defineApplet, flags, showUsage } from './applet';

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
};

/** Copies stdin to the socket (in the background) and the socket to stdout until it closes. */
async function relay(ctx: ProcessContext, socket: Socket): Promise<number> {
  void (async () => {
    for await (const chunk of ctx.stdin ?? []) socket.write(chunk);
  })();
  for await (const chunk of socket.input) ctx.stdout.write(chunk);
  socket.end();
  return 0;
}

/** `-l`: waits for one connection on `port`. */
function listenOnce(ctx: ProcessContext, port: number): Promise<number> {
  return new Promise((resolve) => {
    let close: (() => void) | undefined;
    try {
      close = ctx.listen(port, {
        protocol: 'TCP',
        accept: (socket) => {
          close?.();
          void relay(ctx, socket).then(resolve);
        },
      });
    } catch {
      complain(ctx, 'bind: Address in use');
      resolve(1);
    }
    ctx.ended?.onAbort(() => {
      close?.();
      resolve(137);
    });
  });
}

export const nc = defineApplet({
  name: 'nc',
  options: flags('lp:w:i:f:e:nuvzq:s:'),
  longOptions: false,
  async run(ctx, args) {
    if (has(args, 'l')) {
      const port = Number(last(args, 'p') ?? args.operands[0]);
      if (!Number.isInteger(port) || port <= 0) return showUsage(ctx, 'nc');
      return listenOnce(ctx, port);
    }
    if (args.operands.length === 0) return showUsage(ctx, 'nc');
    const [host, portText] = args.operands;
    const found = await resolveHost(ctx, host);
    if ('error' in found) {
      complain(ctx, `bad address '${host}'`);
      return 1;
    }
    const port = Number(portText);
    if (portText === undefined || !Number.isInteger(port)) return showUsage(ctx, 'nc');
    const address = found.addresses[0];
    if (!ctx.net) {
      complain(ctx, `can't connect to remote host (${address}): Network is unreachable`);
      return 1;
    }
    try {
      return await relay(ctx, await ctx.net.connect(address, port));
    } catch (error) {
      if (!(error instanceof NetError)) throw error;
      complain(ctx, `can't connect to remote host (${address}): ${CONNECT_ERRORS[error.code]}`);
      return 1;
    }
  },
});
