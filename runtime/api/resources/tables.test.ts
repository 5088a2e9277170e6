import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../resource';
import { clusterrolebindings } from './clusterrolebindings';
import { clusterroles } from './clusterroles';
import { componentstatuses } from './componentstatuses';
import { controllerrevisions } from './controllerrevisions';
import { cronjobs } from './cronjobs';
import { customresourcedefinitions } from './customresourcedefinitions';
import { daemonsets } from './daemonsets';
import { endpointslices } from './endpointslices';
import { eventsK8sIo } from './events-k8s-io';
import { horizontalpodautoscalers } from './horizontalpodautoscalers';
import { ingressclasses } from './ingressclasses';
import { ingresses } from './ingresses';
import { jobs } from './jobs';
import { leases } from './leases';
import { limitranges } from './limitranges';
import { networkpolicies } from './networkpolicies';
import { persistentvolumeclaims } from './persistentvolumeclaims';
import { persistentvolumes } from './persistentvolumes';
import { poddisruptionbudgets } from './poddisruptionbudgets';
import { podtemplates } from './podtemplates';
import { priorityclasses } from './priorityclasses';
import { replicationcontrollers } from './replicationcontrollers';
import { rolebindings } from './rolebindings';
import { roles } from './roles';
import { statefulsets } from './statefulsets';
import { storageclasses } from './storageclasses';

// Server-side table columns (name, type, priority) as printers.go (v1.34) defines them, or as the
// apiserver's default convertor sends them (Name, Created At) for kinds without a printer. The
// rows are tested in tables-{workloads,network,storage,cluster}.test.ts.

/** Columns as `Name`, with `:type` unless string and `*` for wide-only (priority 1). */
function columnsOf(type: ResourceType): string[] {
  return (type.table?.columns ?? []).map(
    (c) => `${c.name}${c.type === 'string' ? '' : `:${c.type}`}${c.priority === 1 ? '*' : ''}`,
  );
}

const WIDE = ['Containers*', 'Images*', 'Selector*'];
const BINDING = ['Name', 'Role', 'Age', 'Users*', 'Groups*', 'ServiceAccounts*'];
const CREATED_AT = ['Name', 'Created At:date'];

describe('table columns', () => {
  it.each<[string, ResourceType, string[]]>([
    [
      'daemonsets',
      daemonsets,
      [
        'Name',
        'Desired:integer',
        'Current:integer',
        'Ready:integer',
        'Up-to-date:integer',
        'Available:integer',
        'Node Selector',
        'Age',
        ...WIDE,
      ],
    ],
    ['statefulsets', statefulsets, ['Name', 'Ready', 'Age', 'Containers*', 'Images*']],
    ['jobs', jobs, ['Name', 'Status', 'Completions', 'Duration', 'Age', ...WIDE]],
    [
      'cronjobs',
      cronjobs,
      ['Name', 'Schedule', 'Timezone', 'Suspend:boolean', 'Active:integer', 'Last Schedule', 'Age', ...WIDE],
    ],
    [
      'replicationcontrollers',
      replicationcontrollers,
      ['Name', 'Desired:integer', 'Current:integer', 'Ready:integer', 'Age', ...WIDE],
    ],
    ['controllerrevisions', controllerrevisions, ['Name', 'Controller', 'Revision', 'Age']],
    ['podtemplates', podtemplates, ['Name', 'Containers', 'Images', 'Pod Labels']],
    [
      'horizontalpodautoscalers',
      horizontalpodautoscalers,
      ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
    ],
    ['ingresses', ingresses, ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']],
    ['ingressclasses', ingressclasses, ['Name', 'Controller', 'Parameters', 'Age']],
    ['networkpolicies', networkpolicies, ['Name', 'Pod-Selector', 'Age']],
    ['endpointslices', endpointslices, ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']],
    [
      'poddisruptionbudgets',
      poddisruptionbudgets,
      ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions:integer', 'Age'],
    ],
    [
      'persistentvolumeclaims',
      persistentvolumeclaims,
      [
        'Name',
        'Status',
        'Volume',
        'Capacity',
        'Access Modes',
        'StorageClass',
        'VolumeAttributesClass',
        'Age',
        'VolumeMode*',
      ],
    ],
    [
      'persistentvolumes',
      persistentvolumes,
      [
        'Name',
        'Capacity',
        'Access Modes',
        'Reclaim Policy',
        'Status',
        'Claim',
        'StorageClass',
        'VolumeAttributesClass',
        'Reason',
        'Age',
        'VolumeMode*',
      ],
    ],
    [
      'storageclasses',
      storageclasses,
      ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'],
    ],
    ['leases', leases, ['Name', 'Holder', 'Age']],
    [
      'priorityclasses',
      priorityclasses,
      ['Name', 'Value:integer', 'Global-Default:boolean', 'Age', 'PreemptionPolicy'],
    ],
    ['rolebindings', rolebindings, BINDING],
    ['clusterrolebindings', clusterrolebindings, BINDING],
    ['componentstatuses', componentstatuses, ['Name', 'Status', 'Message', 'Error']],
    [
      'events.k8s.io events',
      eventsK8sIo,
      ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*'],
    ],
    ['roles (default convertor)', roles, CREATED_AT],
    ['clusterroles (default convertor)', clusterroles, CREATED_AT],
    ['limitranges (default convertor)', limitranges, CREATED_AT],
    ['customresourcedefinitions (default convertor)', customresourcedefinitions, CREATED_AT],
  ])('%s', (_name, type, expected) => {
    expect(columnsOf(type)).toEqual(expected);
    // The Name column is marked as the object's name wherever it stands.
    expect(type.table?.columns.find((c) => c.name === 'Name')?.format).toBe('name');
    expect(type.table?.columns.filter((c) => c.format === 'name')).toHaveLength(1);
  });
});
