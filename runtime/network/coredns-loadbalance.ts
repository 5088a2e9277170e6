import type { DnsRecord } from './dns-types';
import type { Rng } from '../rng';

/**
 * The Corefile's `loadbalance` plugin (round_robin): the address records of an answer in a
 * shuffled order — CNAMEs first as they were, then the A and AAAA records permuted as
 * roundRobinShuffle permutes them with random query IDs, then the rest.
 */
export function shuffleAnswers(answers: DnsRecord[], rng: Rng): DnsRecord[] {
  const cnames = answers.filter((r) => r.type === 'CNAME');
  const addresses = answers.filter((r) => r.type === 'A' || r.type === 'AAAA');
  const rest = answers.filter((r) => r.type !== 'CNAME' && r.type !== 'A' && r.type !== 'AAAA');
  const n = addresses.length;
  if (n === 2 && rng.int(65536) % 2 === 0) addresses.reverse();
  else if (n > 2)
    for (let j = 0; j < n; j++) {
      const p = j + (rng.int(65536) % (n - j));
      [addresses[j], addresses[p]] = [addresses[p], addresses[j]];
    }
  return [...cnames, ...addresses, ...rest];
}
