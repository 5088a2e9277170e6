import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';

/** The host's name and address (minikube's docker network puts the host at 192.168.49.1). */
export const HOST_ADDRESS = '192.168.49.1';

/** `hostname` (net-tools): the host's name; setting it needs root. */
export const hostname: ShellCommand = defineUtility({
  name: 'hostname',
  summary: 'show the system\u2019s host name',
  options: [
    { key: 's', short: 's', long: 'short' },
    { key: 'f', short: 'f', long: 'fqdn' },
    { key: 'f', long: 'long' },
    { key: 'i', short: 'i', long: 'ip-address' },
    { key: 'I', short: 'I', long: 'all-ip-addresses' },
    { key: 'd', short: 'd', long: 'domain' },
  ],
  async run(ctx, io) {
    const name = ctx.env.HOSTNAME ?? 'kubeplay';
    if (io.args.operands.length > 0) {
      io.error('you must be root to change the host name');
      return 1;
    }
    if (has(io.args, 'i') || has(io.args, 'I')) await io.out(has(io.args, 'I') ? `${HOST_ADDRESS} \n` : `127.0.1.1\n`);
    else if (has(io.args, 'd')) await io.out('\n');
    else await io.out(`${has(io.args, 's') ? name.split('.')[0] : name}\n`);
    return 0;
  },
});
