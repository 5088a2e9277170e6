import { quantityText as quantity } from '../../api/resources/printer-cells';
import { collectionPath, getJson, hasCode, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents, searchEvents } from './events';
import { rfc1123z, sortStrings } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, type Taint } from './meta-lines';
import { describeNodeResource } from './node-resources';
import { getDescribed } from './object-reads';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import type { Condition, CoreEvent, KubeObject, Pod } from './types';

/** v1 Node. */
interface Node extends KubeObject {
  spec?: { taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string };
  status?: {
    conditions?: Condition[];
    addresses?: Array<{ type: string; address: string }>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string | undefined>;
  };
}

/** coordination/v1 Lease. */
interface Lease extends KubeObject {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return sortStrings(roles);
}

function describeLease(lease: Lease, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}

function writeResourceList(w: PrefixWriter, list: Record<string, string>): void {
  for (const name of sortStrings(Object.keys(list))) w.write(LEVEL_0, `  ${name}:\t${quantity(list[name])}\n`);
}

/**
 * NodeDescriber: the Node, its lease, its non-terminated pods (all namespaces, by field
 * selector) with their requests and limits, and its events (by UID, then by name as the UID,
 * as kubelets report them).
 */
export async function describeNode(ctx: DescribeContext): Promise<string> {
  const node = await getDescribed<Node>(ctx);
  const name = node.metadata.name ?? ctx.name;
  const selector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`;
  let pods: Pod[] | undefined;
  try {
    pods = await listAll<Pod>(
      ctx.api,
      collectionPath('', 'v1', 'pods'),
      { fieldSelector: selector },
      ctx.options.chunkSize,
    );
  } catch (error) {
    if (!hasCode(error, 403)) throw error;
  }
  let events: CoreEvent[] | undefined;
  if (ctx.options.showEvents) {
    const target = { kind: 'Node', name, namespace: '', uid: node.metadata.uid ?? '' };
    events = await searchEvents(ctx.api, target, ctx.options.chunkSize);
    events.push(...(await searchEvents(ctx.api, { ...target, uid: name }, ctx.options.chunkSize)));
  }
  let lease: Lease | string;
  try {
    lease = await getJson<Lease>(
      ctx.api,
      `${collectionPath('coordination.k8s.io', 'v1', 'leases', 'kube-node-lease')}/${name}`,
    );
  } catch (error) {
    lease = error instanceof Error ? error.message : String(error);
  }
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(node.metadata.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if (typeof lease === 'string') w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`);
    else describeLease(lease, w);
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions)
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      writeResourceList(w, status.capacity ?? {});
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      writeResourceList(w, status.allocatable ?? {});
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    for (const [title, key] of [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ])
      w.write(LEVEL_0, `  ${title}:\t${info[key] ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    if (pods) describeNodeResource(pods, status.capacity, status.allocatable, w, ctx.options.now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
