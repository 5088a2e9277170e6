// /proc/cpuinfo of the host: a 2-vCPU cloud VM on an Intel Xeon (Cascade Lake) under KVM.

/** How many CPUs the host has (as the minikube node reports: cpu 2). */
export const CPU_COUNT = 2;

const MODEL_NAME = 'Intel(R) Xeon(R) CPU @ 2.20GHz';

/** The feature flags a KVM guest on such a CPU lists. */
const FLAGS = [
  'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht',
  'syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni',
  'pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor',
  'lahf_lm abm 3dnowprefetch invpcid_single ssbd ibrs ibpb stibp ibrs_enhanced fsgsbase tsc_adjust bmi1',
  'hle avx2 smep bmi2 erms invpcid rtm mpx avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd',
  'avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves arat avx512_vnni md_clear arch_capabilities',
].join(' ');

const BUGS = 'spectre_v1 spectre_v2 spec_store_bypass swapgs taa mmio_stale_data retbleed eibrs_pbrsb bhi its';

/** One processor's stanza; Linux separates fields from values with tabs, then ": ". */
function processor(n: number): string {
  const fields: Array<[string, string | number]> = [
    ['processor', n],
    ['vendor_id', 'GenuineIntel'],
    ['cpu family', 6],
    ['model', 85],
    ['model name', MODEL_NAME],
    ['stepping', 7],
    ['microcode', '0xffffffff'],
    ['cpu MHz', '2200.204'],
    ['cache size', '39424 KB'],
    ['physical id', 0],
    ['siblings', CPU_COUNT],
    ['core id', Math.floor(n / 2)],
    ['cpu cores', CPU_COUNT / 2],
    ['apicid', n],
    ['initial apicid', n],
    ['fpu', 'yes'],
    ['fpu_exception', 'yes'],
    ['cpuid level', 13],
    ['wp', 'yes'],
    ['flags', FLAGS],
    ['bugs', BUGS],
    ['bogomips', '4400.40'],
    ['clflush size', 64],
    ['cache_alignment', 64],
    ['address sizes', '46 bits physical, 48 bits virtual'],
    ['power management', ''],
  ];
  return fields
    .map(([name, value]) => {
      // Names shorter than 8 columns get two tabs; an empty value leaves the line at the colon.
      const label = `${name}${name.length < 8 ? '\t\t' : '\t'}`;
      return value === '' ? `${name}:\n` : `${label}: ${value}\n`;
    })
    .join('');
}

/** /proc/cpuinfo: each processor's stanza, followed by a blank line. */
export function cpuinfoText(): string {
  let text = '';
  for (let n = 0; n < CPU_COUNT; n++) text += `${processor(n)}\n`;
  return text;
}
