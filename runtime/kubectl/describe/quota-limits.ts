import { formatQuantity, parseQuantity } from '../../api/quantity';
import { quantityText } from '../../api/resources/printer-cells';
import { sortStrings } from './go-format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import type { KubeObject } from './types';

/** v1 ResourceQuota. */
export interface ResourceQuota extends KubeObject {
  spec?: { scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** v1 LimitRange. */
export interface LimitRange extends KubeObject {
  spec?: { limits?: Array<{ type?: string } & Partial<Record<LimitField, Record<string, string>>>> };
}

type LimitField = 'max' | 'min' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio';

/** helpTextForResourceQuotaScope. */
export function scopeHelp(scope: string): string {
  return (
    {
      Terminating:
        'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
      NotTerminating:
        'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
      BestEffort:
        'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
      NotBestEffort:
        'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
    }[scope] ?? ''
  );
}

/** The used quantity in the hard one's format (describeQuota re-creates it from its Value()). */
export function usedInHardFormat(used: string | undefined, hard: string | undefined): string {
  const u = parseQuantity(used ?? '0');
  const h = parseQuantity(hard ?? '0');
  if (!u || !h || u.format === h.format) return quantityText(used);
  const whole = (u.milli + 999n) / 1000n;
  return formatQuantity({ milli: whole * 1000n, format: h.format });
}

/** DescribeResourceQuotas: every quota of a namespace (sorted by name), or `No resource quota.`. */
export function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes = sortStrings(q.spec?.scopes ?? []);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (scopeHelp(scope)) w.write(LEVEL_1, `* ${scopeHelp(scope)}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const name of sortStrings(Object.keys(hard)))
      w.write(LEVEL_1, `${name}\t${quantityText(q.status?.used?.[name])}\t${quantityText(hard[name])}\n`);
  }
}

/** describeLimitRangeSpec: a row per limit item and resource (resources sorted), `-` for unset. */
export function describeLimitRangeSpec(lr: LimitRange, prefix: string, w: PrefixWriter): void {
  const fields: LimitField[] = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'];
  for (const item of lr.spec?.limits ?? []) {
    // kubectl walks a Go map here, in no fixed order; sorted is one of its orders.
    const names = sortStrings(new Set(fields.flatMap((f) => Object.keys(item[f] ?? {}))));
    for (const name of names) {
      const cells = fields.map((f) => (item[f]?.[name] === undefined ? '-' : quantityText(item[f]?.[name])));
      w.write(LEVEL_0, `${prefix}${item.type ?? ''}\t${name}\t${cells.join('\t')}\n`);
    }
  }
}

/** DescribeLimitRanges: every limit range of a namespace in one table, or `No LimitRange resource.`. */
export function describeLimitRanges(ranges: LimitRange[], w: PrefixWriter): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(
    LEVEL_0,
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
  );
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) describeLimitRangeSpec(lr, ' ', w);
}
