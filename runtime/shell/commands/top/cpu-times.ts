// The host's CPU time by state (/proc/stat's cpu lines), for top's %Cpu(s) line: two CPUs that
// spend a tenth of their time on the cluster (the API server, etcd, the kubelet …), the rest idle.
import { HZ } from '../ps/process-snapshot';

/** The eight states top shows, in /proc/stat's order. */
export const CPU_STATES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;

export type CpuTimes = Record<(typeof CPU_STATES)[number], number>;

/** Ticks a second the whole machine (2 CPUs at 100 Hz) spends in each state. */
const RATES: CpuTimes = { user: 14, nice: 0, system: 6, idle: 179, iowait: 0, irq: 0, softirq: 1, steal: 0 };

/** The machine's ticks in each state since boot, `uptime` seconds ago. */
export function cpuTimes(uptime: number): CpuTimes {
  const ticks = Math.trunc(uptime * HZ);
  const times = {} as CpuTimes;
  for (const state of CPU_STATES) times[state] = Math.floor((RATES[state] * ticks) / HZ);
  return times;
}

/** One CPU's share of `times` (cpu0 takes the odd tick). */
export function cpuShare(times: CpuTimes, cpu: number): CpuTimes {
  const share = {} as CpuTimes;
  for (const state of CPU_STATES) share[state] = cpu === 0 ? Math.ceil(times[state] / 2) : Math.floor(times[state] / 2);
  return share;
}
