import { quantityText } from '../../api/resources/printer-cells';
import { collectionPath, hasCode, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { rfc1123z } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed } from './object-reads';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import {
  describeLimitRangeSpec,
  describeLimitRanges,
  describeResourceQuotas,
  scopeHelp,
  usedInHardFormat,
  type LimitRange,
  type ResourceQuota,
} from './quota-limits';
import type { Condition, KubeObject } from './types';

/** v1 Namespace. */
interface Namespace extends KubeObject {
  status?: { phase?: string; conditions?: Condition[] };
}

/** Lists a namespace's objects of a kind; undefined when the server does not serve them (404). */
async function listOrNone<T extends KubeObject>(
  ctx: DescribeContext,
  resource: string,
  namespace: string,
): Promise<T[] | undefined> {
  try {
    return await listAll<T>(ctx.api, collectionPath('', 'v1', resource, namespace), {}, ctx.options.chunkSize);
  } catch (error) {
    if (hasCode(error, 404)) return undefined;
    throw error;
  }
}

/** NamespaceDescriber: the Namespace, its conditions, quotas and limit ranges (no events). */
export async function describeNamespace(ctx: DescribeContext): Promise<string> {
  const ns = await getDescribed<Namespace>(ctx);
  const quotas = await listOrNone<ResourceQuota>(ctx, 'resourcequotas', ctx.name);
  const limits = await listOrNone<LimitRange>(ctx, 'limitranges', ctx.name);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if (ns.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status.conditions)
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
    }
    if (quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas, w);
    }
    if (limits) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limits, w);
    }
  });
}

/** ResourceQuotaDescriber: scopes and each resource's used and hard amounts (no events). */
export async function describeQuota(ctx: DescribeContext): Promise<string> {
  const q = await getDescribed<ResourceQuota>(ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (scopeHelp(scope)) w.write(LEVEL_0, ` * ${scopeHelp(scope)}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort())
      w.write(
        LEVEL_0,
        `${name}\t${usedInHardFormat(q.status?.used?.[name], hard[name])}\t${quantityText(hard[name])}\n`,
      );
  });
}

/** LimitRangeDescriber: one row per limit item and resource (no events). */
export async function describeLimitRange(ctx: DescribeContext): Promise<string> {
  const lr = await getDescribed<LimitRange>(ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr, '', w);
  });
}
