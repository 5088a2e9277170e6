import { fromBase64Text } from '../../util/base64url';
import { base64Length } from './configmap';
import type { DescribeContext } from './context';
import { sortStrings } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed } from './object-reads';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** v1 Secret. */
interface Secret extends KubeObject {
  type?: string;
  data?: Record<string, string>;
}

/** SecretDescriber: the type and each key's size in bytes (a token secret's token in full); no events. */
export async function describeSecret(ctx: DescribeContext): Promise<string> {
  const secret = await getDescribed<Secret>(ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of sortStrings(Object.keys(secret.data ?? {}))) {
      const value = secret.data?.[key] ?? '';
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token')
        w.write(LEVEL_0, `${key}:\t${fromBase64Text(value)}\n`);
      else w.write(LEVEL_0, `${key}:\t${base64Length(value)} bytes\n`);
    }
  });
}
