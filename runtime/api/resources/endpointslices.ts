import { resourceType, type ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { listWithMore } from './printer-cells';

type EndpointSlice = {
  addressType?: string;
  ports?: Array<{ port?: number | null; name?: string | null }> | null;
  endpoints?: Array<{ addresses?: string[] }> | null;
};

/** discovery.k8s.io/v1 EndpointSlice. */
export const endpointslices: ResourceType = resourceType('EndpointSlice', 'endpointslices', 'discovery.k8s.io/v1', {
  namespaced: true,
  table: {
    columns: [
      NAME_COLUMN,
      column('AddressType', 'string', 'The type of address carried by this EndpointSlice: IPv4, IPv6 or FQDN.'),
      column('Ports', 'string', 'The network ports exposed by each endpoint in this slice.'),
      column('Endpoints', 'string', 'The unique endpoints in this slice.'),
      AGE_COLUMN,
    ],
    row(object, context) {
      const slice = object as EndpointSlice;
      // A port without a number prints its name, and `*` when it has neither (all ports).
      const ports = (slice.ports ?? []).map((p) =>
        p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'),
      );
      const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
      return [
        object.metadata?.name ?? '',
        slice.addressType ?? '',
        listWithMore(ports),
        listWithMore(addresses),
        age(object, context),
      ];
    },
  },
  // pkg/registry/discovery/endpointslice/strategy.go: generation 1 on create, and one more on any
  // update that changes more than metadata, or changes the labels.
  generation: { fields: 'content', metadata: ['labels'] },
});
