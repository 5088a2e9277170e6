import { collectionPath, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** v1 ServiceAccount. */
interface ServiceAccount extends KubeObject {
  secrets?: Array<{ name?: string }>;
  imagePullSecrets?: Array<{ name?: string }>;
}

/** A Secret's type and annotations, all the describer reads of it. */
interface SecretMeta extends KubeObject {
  type?: string;
}

/**
 * ServiceAccountDescriber: image pull secrets, mountable secrets and legacy token secrets
 * (those annotated with the account's name and UID), each marked `(not found)` when missing.
 */
export async function describeServiceAccount(ctx: DescribeContext): Promise<string> {
  const sa = await getDescribed<ServiceAccount>(ctx);
  const tokens: string[] = [];
  const missing = new Set<string>();
  try {
    const secrets = await listAll<SecretMeta>(
      ctx.api,
      collectionPath('', 'v1', 'secrets', ctx.namespace),
      {},
      ctx.options.chunkSize,
    );
    const existing = new Set(secrets.map((s) => s.metadata.name ?? ''));
    for (const s of secrets) {
      const a = s.metadata.annotations ?? {};
      if (
        s.type === 'kubernetes.io/service-account-token' &&
        a['kubernetes.io/service-account.name'] === sa.metadata.name &&
        a['kubernetes.io/service-account.uid'] === sa.metadata.uid
      )
        tokens.push(s.metadata.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])])
      if (!existing.has(s.name ?? '')) missing.add(s.name ?? '');
  } catch {
    // kubectl tolerates this: the account is described with the secrets it names.
  }
  const events = await objectEvents(ctx, sa);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    // The headers in sorted order, as kubectl walks them.
    const sections: Array<[string, string[]]> = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
