// The host's memory, one source for /proc/meminfo and `free`: an 8 GB VM running minikube.

/** The /proc/meminfo fields that `free` reads, in KiB. */
export const MEMINFO = {
  MemTotal: 8_074_452,
  MemFree: 3_169_372,
  MemAvailable: 5_661_592,
  Buffers: 182_340,
  Cached: 2_354_100,
  SReclaimable: 214_876,
  Shmem: 12_904,
  SwapTotal: 2_097_148,
  SwapFree: 2_097_148,
} as const;

/** What procps-ng 4 `free` shows, in KiB: used is total minus available, cache counts slab. */
export function memoryUsage(): {
  mem: { total: number; used: number; free: number; shared: number; cache: number; available: number };
  swap: { total: number; used: number; free: number };
} {
  const m = MEMINFO;
  return {
    mem: {
      total: m.MemTotal,
      used: m.MemTotal - m.MemAvailable,
      free: m.MemFree,
      shared: m.Shmem,
      cache: m.Buffers + m.Cached + m.SReclaimable,
      available: m.MemAvailable,
    },
    swap: { total: m.SwapTotal, used: m.SwapTotal - m.SwapFree, free: m.SwapFree },
  };
}

/** /proc/meminfo: the fields above, and plausible ones for the rest, as Linux 6.8 lists them. */
export function meminfoText(): string {
  const m = MEMINFO;
  const fields: Array<[string, number | null]> = [
    ['MemTotal', m.MemTotal],
    ['MemFree', m.MemFree],
    ['MemAvailable', m.MemAvailable],
    ['Buffers', m.Buffers],
    ['Cached', m.Cached],
    ['SwapCached', 0],
    ['Active', 2_215_604],
    ['Inactive', 2_204_312],
    ['Active(anon)', 1_268_980],
    ['Inactive(anon)', 12_452],
    ['Active(file)', 946_624],
    ['Inactive(file)', 2_191_860],
    ['Unevictable', 27_648],
    ['Mlocked', 27_648],
    ['SwapTotal', m.SwapTotal],
    ['SwapFree', m.SwapFree],
    ['Zswap', 0],
    ['Zswapped', 0],
    ['Dirty', 1_204],
    ['Writeback', 0],
    ['AnonPages', 1_280_112],
    ['Mapped', 612_388],
    ['Shmem', m.Shmem],
    ['KReclaimable', m.SReclaimable],
    ['Slab', m.SReclaimable + 98_716],
    ['SReclaimable', m.SReclaimable],
    ['SUnreclaim', 98_716],
    ['KernelStack', 11_296],
    ['PageTables', 24_560],
    ['SecPageTables', 0],
    ['NFS_Unstable', 0],
    ['Bounce', 0],
    ['WritebackTmp', 0],
    ['CommitLimit', Math.floor(m.MemTotal / 2) + m.SwapTotal],
    ['Committed_AS', 5_902_116],
    ['VmallocTotal', 34_359_738_367],
    ['VmallocUsed', 41_364],
    ['VmallocChunk', 0],
    ['Percpu', 2_752],
    ['HardwareCorrupted', 0],
    ['AnonHugePages', 0],
    ['ShmemHugePages', 0],
    ['ShmemPmdMapped', 0],
    ['FileHugePages', 0],
    ['FilePmdMapped', 0],
    ['Unaccepted', 0],
    ['HugePages_Total', null],
    ['HugePages_Free', null],
    ['HugePages_Rsvd', null],
    ['HugePages_Surp', null],
    ['Hugepagesize', 2_048],
    ['Hugetlb', 0],
    ['DirectMap4k', 239_476],
    ['DirectMap2M', 8_148_992],
  ];
  // Linux pads the name with its colon to 16 columns and the number to 8, then " kB" (not for
  // the HugePages_ counts, which are pages).
  return fields
    .map(([name, kib]) =>
      kib === null
        ? `${`${name}:`.padEnd(16)}${'0'.padStart(8)}\n`
        : `${`${name}:`.padEnd(16)}${String(kib).padStart(8)} kB\n`,
    )
    .join('');
}
