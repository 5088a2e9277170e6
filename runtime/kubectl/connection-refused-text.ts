import { ConnectionRefusedError } from '../api/connection-refused';
import type { Clock } from '../clock';
import type { OutputStream } from '../shell/command';

// What kubectl v1.34.5 prints when the API server refuses the connection: klog's
// `E… memcache.go:265] "Unhandled Error"` line for each discovery refresh that failed, then
// CheckErr's connection-refused message. How many refreshes a command makes depends on the
// command; the counts are those of the real binary against a closed port.

/** Failed discovery refreshes per subcommand (or subcommand and first argument); others make five. */
const DISCOVERY_ATTEMPTS: Readonly<Record<string, number>> = {
  'api-resources': 1,
  'api-versions': 1,
  attach: 4,
  auth: 2,
  'auth whoami': 0,
  cordon: 4,
  create: 0,
  drain: 4,
  events: 0,
  exec: 4,
  explain: 2,
  logs: 4,
  'port-forward': 4,
  rollout: 4,
  run: 1,
  set: 4,
  taint: 2,
  top: 0,
  uncordon: 4,
  version: 0,
  wait: 4,
};

/** klog's header time, `MMDD hh:mm:ss.uuuuuu`, in UTC (the playground's zone). */
function klogTime(ms: number, micros: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const frac = String((ms % 1000) * 1000 + micros).padStart(6, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${frac}`;
}

/**
 * Prints kubectl's failure for a refused connection and returns its exit code, 1; returns
 * undefined for any other error.
 */
export function printConnectionRefused(
  error: unknown,
  subcommand: string,
  firstArg: string | undefined,
  stderr: OutputStream,
  clock: Clock,
): number | undefined {
  if (!(error instanceof ConnectionRefusedError)) return undefined;
  const { host } = error;
  const get = `Get \\"https://${host}/api?timeout=32s\\": ${error.message}`;
  const now = clock.now();
  // The process id klog prints: any kubectl's; derived from the time so runs differ as they do.
  const pid = String(1000 + (now % 60_000)).padStart(7, ' ');
  let text = '';
  for (
    let i = 0;
    i < (DISCOVERY_ATTEMPTS[`${subcommand} ${firstArg ?? ''}`] ?? DISCOVERY_ATTEMPTS[subcommand] ?? 5);
    i++
  ) {
    text += `E${klogTime(now, 100 + i * 731)} ${pid} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: ${get}"\n`;
  }
  if (subcommand === 'api-versions') {
    text += `error: couldn't get available api versions from server: Get "https://${host}/api?timeout=32s": ${error.message}\n`;
  } else {
    if (subcommand === 'cluster-info')
      text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    text += `The connection to the server ${host} was refused - did you specify the right host or port?\n`;
  }
  stderr.write(text);
  return 1;
}
