import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { sortStrings } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** v1 ConfigMap. */
interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

/** Bytes a base64 text decodes to. */
export function base64Length(text: string): number {
  const clean = text.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** ConfigMapDescriber: each data key and its whole value, binary keys with their sizes, events. */
export async function describeConfigMap(ctx: DescribeContext): Promise<string> {
  const cm = await getDescribed<ConfigMap>(ctx);
  const events = await objectEvents(ctx, cm);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of sortStrings(Object.keys(cm.data ?? {}))) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data?.[key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of sortStrings(Object.keys(cm.binaryData ?? {})))
      w.write(LEVEL_0, `${key}: ${base64Length(cm.binaryData?.[key] ?? '')} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
