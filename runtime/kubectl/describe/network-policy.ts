import { parseTime } from '../../util/time';
import type { DescribeContext } from './context';
import { formatLabelSelector, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed } from './object-reads';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';
import type { KubeObject } from './types';

interface Peer {
  podSelector?: LabelSelectorSpec;
  namespaceSelector?: LabelSelectorSpec;
  ipBlock?: { cidr?: string; except?: string[] };
}
interface Rule {
  ports?: Array<{ port?: number | string; endPort?: number; protocol?: string }>;
  from?: Peer[];
  to?: Peer[];
}
/** networking/v1 NetworkPolicy. */
interface NetworkPolicy extends KubeObject {
  spec?: { podSelector?: LabelSelectorSpec; ingress?: Rule[]; egress?: Rule[]; policyTypes?: string[] };
}

/** Go's time.Time.String() in UTC: `2006-01-02 15:04:05 +0000 UTC`. */
function goTimeString(value: string | undefined): string {
  const ms = parseTime(value) ?? Date.UTC(1, 0, 1);
  const d = new Date(ms);
  const iso = d.toISOString();
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${year}${iso.slice(iso.indexOf('-', 1), 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** printNetworkPolicySpecIngressFrom / EgressTo: ports, peers, `----------` between rules. */
function printRules(rules: Rule[] | undefined, direction: 'ingress' | 'egress', indent: string, w: PrefixWriter): void {
  const [peerTitle, anyPeer] =
    direction === 'ingress'
      ? ['From', 'From: <any> (traffic not restricted by source)']
      : ['To', 'To: <any> (traffic not restricted by destination)'];
  if (!rules?.length) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    if (!rule.ports?.length) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of rule.ports ?? []) {
      const proto = port.protocol ?? 'TCP';
      const p = port.port === undefined ? '<nil>' : String(port.port);
      if (port.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${p}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${p}-${port.endPort}/${proto}\n`);
    }
    const peers = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    if (peers.length === 0) w.write(LEVEL_0, `${indent}${anyPeer}\n`);
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${peerTitle}:\n`);
      if (peer.namespaceSelector)
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      if (peer.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      if (!peer.podSelector && !peer.namespaceSelector && peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

/** NetworkPolicyDescriber: the pod selector and the ingress and egress rules (no events). */
export async function describeNetworkPolicy(ctx: DescribeContext): Promise<string> {
  const np = await getDescribed<NetworkPolicy>(ctx);
  const spec = np.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const selector = spec.podSelector ?? {};
    if (!Object.keys(selector.matchLabels ?? {}).length && !selector.matchExpressions?.length)
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    else w.write(LEVEL_2, `${formatLabelSelector(selector)}\n`);
    const types = spec.policyTypes ?? [];
    for (const [type, direction, rules] of [
      ['Ingress', 'ingress', spec.ingress],
      ['Egress', 'egress', spec.egress],
    ] as const) {
      if (types.includes(type)) {
        w.write(LEVEL_1, `Allowing ${direction} traffic:\n`);
        printRules(rules, direction, '    ', w);
      } else w.write(LEVEL_1, `Not affecting ${direction} traffic\n`);
    }
    w.write(LEVEL_1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  });
}
