// busybox ifconfig (net-tools' layout) and `ip addr|link|route` (iproute2's) over the pod's
// interfaces (interfaces.ts).
import type { Program } from '../types';
import { complain, showUsage, usageText } from './applet';
import { broadcastOf, gatewayOf, interfacesOf, linkLocal, maskOf, networkOf, type Interface } from './interfaces';

function ifconfigBlock(iface: Interface): string {
  const pad = ' '.repeat(10);
  const lines = iface.loopback
    ? [
        `${iface.name.padEnd(10)}Link encap:Local Loopback  `,
        `${pad}inet addr:${iface.address}  Mask:${maskOf(iface.prefix)}`,
        `${pad}inet6 addr: ::1/128 Scope:Host`,
        `${pad}UP LOOPBACK RUNNING  MTU:${iface.mtu}  Metric:1`,
      ]
    : [
        `${iface.name.padEnd(10)}Link encap:Ethernet  HWaddr ${iface.mac.toUpperCase()}  `,
        `${pad}inet addr:${iface.address}  Bcast:${broadcastOf(iface.address, iface.prefix)}  Mask:${maskOf(iface.prefix)}`,
        `${pad}inet6 addr: ${linkLocal(iface.mac)}/64 Scope:Link`,
        `${pad}UP BROADCAST RUNNING MULTICAST  MTU:${iface.mtu}  Metric:1`,
      ];
  lines.push(
    `${pad}RX packets:0 errors:0 dropped:0 overruns:0 frame:0`,
    `${pad}TX packets:0 errors:0 dropped:0 overruns:0 carrier:0`,
    `${pad}collisions:0 txqueuelen:1000 `,
    `${pad}RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)`,
    '',
  );
  return lines.map((line) => `${line}\n`).join('');
}

export const ifconfig: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') {
    ctx.stderr.write(usageText('ifconfig'));
    return 0;
  }
  const interfaces = interfacesOf(ctx);
  const named = args.filter((a) => a !== '-a');
  if (named.length === 0) {
    // Interfaces in the kernel's order, eth0 before lo as /proc/net/dev lists them.
    ctx.stdout.write([...interfaces].reverse().map(ifconfigBlock).join(''));
    return 0;
  }
  const iface = interfaces.find((i) => i.name === named[0]);
  if (!iface) {
    complain(ctx, `${named[0]}: error fetching interface information: Device not found`);
    return 1;
  }
  if (named.length > 1) {
    complain(ctx, 'SIOCSIFFLAGS: Operation not permitted');
    return 1;
  }
  ctx.stdout.write(ifconfigBlock(iface));
  return 0;
};

/** `N: name: <FLAGS> mtu M qdisc noqueue qlen 1000` and the link line. */
function linkLines(iface: Interface, withLink = true): string {
  const name = iface.peer !== undefined ? `${iface.name}@if${iface.peer}` : iface.name;
  const flags = iface.loopback ? 'LOOPBACK,UP,LOWER_UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN';
  let out = `${iface.index}: ${name}: <${flags}> mtu ${iface.mtu} qdisc noqueue qlen 1000\n`;
  if (withLink)
    out += iface.loopback
      ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n'
      : `    link/ether ${iface.mac} brd ff:ff:ff:ff:ff:ff\n`;
  return out;
}

function addressLines(iface: Interface, family: '' | '4' | '6'): string {
  const forever = '       valid_lft forever preferred_lft forever\n';
  let out = linkLines(iface, family === '');
  if (family !== '6')
    out += iface.loopback
      ? `    inet ${iface.address}/${iface.prefix} scope host lo\n${forever}`
      : `    inet ${iface.address}/${iface.prefix} brd ${broadcastOf(iface.address, iface.prefix)} scope global ${iface.name}\n${forever}`;
  if (family !== '4')
    out += iface.loopback
      ? `    inet6 ::1/128 scope host \n${forever}`
      : `    inet6 ${linkLocal(iface.mac)}/64 scope link \n${forever}`;
  return out;
}

/** The objects `ip` knows, by the prefixes it accepts. */
const OBJECTS: Array<[string, string]> = [
  ['address', 'addr'],
  ['route', 'route'],
  ['link', 'link'],
];

export const ip: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0] === '--help') {
    ctx.stderr.write(usageText('ip'));
    return 0;
  }
  let family: '' | '4' | '6' = '';
  while (args[0]?.startsWith('-')) {
    if (args[0] === '-4' || args[0] === '-6') family = args[0][1] as '4' | '6';
    else return showUsage(ctx, 'ip');
    args = args.slice(1);
  }
  const object = OBJECTS.find(([full]) => args[0] !== undefined && full.startsWith(args[0]))?.[1];
  if (!object) return showUsage(ctx, 'ip');
  const rest = args.slice(1);
  const interfaces = interfacesOf(ctx);
  if (object === 'route') {
    const eth0 = interfaces.find((i) => !i.loopback);
    if (eth0)
      ctx.stdout.write(
        `default via ${gatewayOf(eth0)} dev eth0 \n${networkOf(eth0.address, eth0.prefix)}/${eth0.prefix} dev eth0 scope link  src ${eth0.address} \n`,
      );
    return 0;
  }
  const verb = rest[0] ?? 'show';
  if (!['show', 'list', 'lst', 'sh', 'ls'].includes(verb)) {
    complain(ctx, 'RTNETLINK answers: Operation not permitted');
    return 2;
  }
  const device = rest[1] === 'dev' ? rest[2] : rest[1];
  const shown = device === undefined ? interfaces : interfaces.filter((i) => i.name === device);
  if (device !== undefined && shown.length === 0) {
    complain(ctx, `can't find device '${device}'`);
    return 1;
  }
  ctx.stdout.write(shown.map((i) => (object === 'link' ? linkLines(i) : addressLines(i, family))).join(''));
  return 0;
};
