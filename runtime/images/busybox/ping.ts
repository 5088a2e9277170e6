// busybox ping, simulated: one echo request a second (-i), replies from addresses that answer
// (the pod's own, loopback, other pods and the node: a TCP probe that is refused or accepted
// shows a live host) and none from Service ClusterIPs (10.96.0.0/12), which kube-proxy's
// iptables rules only translate for the Service's ports: ping them and 100% of packets are lost.
// Ends after -c packets (waiting -W seconds, 10 by default, for missing replies), -w seconds,
// or a signal, with busybox's statistics.
import { resolveHost } from '../../network/resolver';
import { NetError } from '../../network/socket';
import { has, last } from '../../shell/commands/coreutils/options';
import { sleepFor } from '../programs';
import type { ProcessContext } from '../types';
import { complain, defineApplet, flags, showUsage } from './applet';

const isServiceAddress = (ip: string): boolean => {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 && b >= 96 && b <= 111;
};

/** Whether `ip` answers pings: loopback, the pod itself, or a host the network reaches. */
async function answers(ctx: ProcessContext, ip: string): Promise<boolean> {
  if (ip.startsWith('127.') || ip === ctx.net?.address) return true;
  if (!ctx.net || isServiceAddress(ip)) return false;
  try {
    const socket = await ctx.net.connect(ip, 7);
    socket.end();
    return true;
  } catch (error) {
    if (error instanceof NetError) return error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET';
    throw error;
  }
}

/** A round trip in microseconds: sub-millisecond, as on one node's bridge. */
const roundTrip = (ctx: ProcessContext, seq: number): number => 40 + ((ctx.clock.now() / 7 + seq * 37) % 90);

const ms = (micros: number): string =>
  `${Math.floor(micros / 1000)}.${String(Math.floor(micros % 1000)).padStart(3, '0')}`;

export const ping = defineApplet({
  name: 'ping',
  options: [...flags('46c:s:i:At:I:W:w:qp:')],
  async run(ctx, args) {
    if (args.operands.length !== 1) return showUsage(ctx, 'ping');
    const host = args.operands[0];
    const found = await resolveHost(ctx, host);
    if ('error' in found) {
      complain(ctx, `bad address '${host}'`);
      return 1;
    }
    const ip = found.addresses[0];
    const count = Number(last(args, 'c') ?? Infinity);
    const size = Number(last(args, 's') ?? 56);
    const interval = Number(last(args, 'i') ?? 1) * 1000;
    const wait = Number(last(args, 'W') ?? 10) * 1000;
    const deadline = last(args, 'w') !== undefined ? ctx.clock.now() + Number(last(args, 'w')) * 1000 : Infinity;
    const quiet = has(args, 'q');
    ctx.stdout.write(`PING ${host} (${ip}): ${size} data bytes\n`);
    const alive = await answers(ctx, ip);
    const times: number[] = [];
    let sent = 0;
    while (sent < count && ctx.clock.now() < deadline) {
      const seq = sent++;
      if (alive) {
        const micros = roundTrip(ctx, seq);
        times.push(micros);
        if (!quiet) ctx.stdout.write(`${size + 8} bytes from ${ip}: seq=${seq} ttl=64 time=${ms(micros)} ms\n`);
      }
      if (sent >= count && times.length === sent) break;
      const pause = sent >= count ? wait : Math.min(interval, deadline - ctx.clock.now());
      // A signal (Ctrl-C) ends the pinging; the statistics still print.
      if ((await sleepFor({ ...ctx, pid1: false }, pause)) !== undefined) break;
    }
    ctx.stdout.write(`\n--- ${host} ping statistics ---\n`);
    const loss = sent === 0 ? 0 : Math.floor(((sent - times.length) * 100) / sent);
    ctx.stdout.write(`${sent} packets transmitted, ${times.length} packets received, ${loss}% packet loss\n`);
    if (times.length > 0) {
      const avg = times.reduce((a, b) => a + b, 0) / times.length;
      ctx.stdout.write(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms\n`);
    }
    return times.length > 0 ? 0 : 1;
  },
});
