import type { KubeObject } from '../api/object';
import { hasStatusCause, hasStatusCode, type RestClient } from '../client/rest-client';
import { ENDPOINTSLICES } from '../client/resources';
import type { EndpointSlice, Service, SliceEndpoint, SlicePort } from './endpoints-types';
import { shouldPodBeInEndpoints } from './endpoints-util';
import type { EndpointSliceTracker } from './endpointslice-tracker';
import {
  addressTypes,
  copySlice,
  endpointKey,
  endpointPorts,
  isPlaceholderOf,
  newSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  sameBeyondKey,
  serviceName,
  sliceLabels,
  sliceToFill,
  sortPorts,
  wireForm,
} from './endpointslice-util';
import type { Informer } from './informer';
import type { Pod } from './pods';

export { ENDPOINTSLICE_MANAGED_BY, MANAGED_BY_LABEL, ZONE_LABEL } from './endpointslice-util';

/** An error made of several (utilerrors.NewAggregate): one message, or all of them in brackets. */
export class ReconcileErrors extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`);
  }
}

const throwAll = (errors: Error[]): void => {
  if (errors.length > 0) throw new ReconcileErrors(errors);
};

/** What the reconciler works with. */
export interface EndpointSliceReconcilerDeps {
  client: RestClient;
  nodes: Informer<KubeObject>;
  maxEndpointsPerSlice: number;
  tracker: EndpointSliceTracker;
}

/**
 * The EndpointSlice reconciler (k8s.io/endpointslice reconciler.go): turns the pods a Service
 * selects into EndpointSlices, one group per address type and set of ports, changing as few
 * slices as it can — it keeps endpoints where they are, fills slices it must rewrite anyway
 * before it touches others, fills the unchanged slice closest to full before it creates one, and
 * turns creations into updates of slices it would otherwise delete.
 */
export class EndpointSliceReconciler {
  constructor(private readonly deps: EndpointSliceReconcilerDeps) {}

  /** Reconcile: brings the Service's slices to the pods' state; throws every failure at once. */
  async reconcile(service: Service, pods: Pod[], existing: EndpointSlice[], triggerTime?: string): Promise<void> {
    const errors: Error[] = [];
    const supported = addressTypes(service);
    const unsupported: EndpointSlice[] = [];
    const byType = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      if (!supported.has(slice.addressType)) unsupported.push(slice);
      else byType.set(slice.addressType, [...(byType.get(slice.addressType) ?? []), slice]);
    }
    for (const addressType of supported) {
      try {
        await this.reconcileByAddressType(service, pods, byType.get(addressType) ?? [], triggerTime, addressType);
      } catch (error) {
        errors.push(error as Error);
      }
    }
    for (const slice of unsupported) {
      try {
        await this.deleteSlice(service, slice);
      } catch (error) {
        const what = `${slice.metadata?.name} EndpointSlice for Service ${serviceName(service)}`;
        errors.push(new Error(`error deleting ${what}: ${(error as Error).message}`));
      }
    }
    throwAll(errors);
  }

  private async reconcileByAddressType(
    service: Service,
    pods: Pod[],
    existing: EndpointSlice[],
    triggerTime: string | undefined,
    addressType: string,
  ): Promise<void> {
    const errors: Error[] = [];
    const toCreate: EndpointSlice[] = [];
    const toUpdate: EndpointSlice[] = [];
    const toDelete: EndpointSlice[] = [];
    const existingByPorts = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      if (!ownedBy(slice, service)) toDelete.push(slice);
      else {
        const key = portMapKey(slice.ports);
        existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
      }
    }
    const desired = new Map<string, { ports: SlicePort[]; endpoints: Map<string, SliceEndpoint> }>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const ports = sortPorts(endpointPorts(service, pod));
      const key = portMapKey(ports);
      let group = desired.get(key);
      if (!group) desired.set(key, (group = { ports, endpoints: new Map() }));
      const nodeName = pod.spec?.nodeName ?? '';
      const node = this.deps.nodes.get(undefined, nodeName);
      if (!node && !service.spec?.publishNotReadyAddresses) {
        // Retried later; meanwhile the slices go on without this pod.
        const podName = pod.metadata?.name;
        errors.push(
          new Error(`skipping Pod ${podName} for Service ${serviceName(service)}: Node ${nodeName} Not Found`),
        );
        continue;
      }
      const endpoint = podToEndpoint(pod, node, service, addressType);
      if (endpoint.addresses.length > 0) group.endpoints.set(endpointKey(endpoint), endpoint);
    }
    for (const [key, group] of desired) {
      const result = this.reconcileByPortMapping(
        service,
        existingByPorts.get(key) ?? [],
        group.endpoints,
        group.ports,
        addressType,
      );
      toCreate.push(...result.toCreate);
      toUpdate.push(...result.toUpdate);
      toDelete.push(...result.toDelete);
    }
    for (const [key, slices] of existingByPorts) if (!desired.has(key)) toDelete.push(...slices);

    // Without endpoints a Service still gets one (placeholder) slice.
    if (existing.length === toDelete.length && toCreate.length === 0) {
      const placeholder = newSlice(service, [], addressType);
      if (toDelete.length === 1 && isPlaceholderOf(toDelete[0], placeholder)) toDelete.length = 0;
      else toCreate.push(placeholder);
    }
    try {
      await this.finalize(service, toCreate, toUpdate, toDelete, triggerTime);
    } catch (error) {
      errors.push(error as Error);
    }
    throwAll(errors);
  }

  /** reconcileByPortMapping: the slices of one port set to create, update and delete. */
  private reconcileByPortMapping(
    service: Service,
    existing: EndpointSlice[],
    desired: Map<string, SliceEndpoint>,
    ports: SlicePort[],
    addressType: string,
  ): { toCreate: EndpointSlice[]; toUpdate: EndpointSlice[]; toDelete: EndpointSlice[] } {
    const max = this.deps.maxEndpointsPerSlice;
    const byName = new Map<string, EndpointSlice>();
    const unchanged = new Set<string>();
    const toUpdateNames = new Set<string>();
    const toDeleteNames = new Set<string>();
    // 1. Keep the desired endpoints where they are (updated if they changed), drop the rest.
    for (const slice of existing) {
      const name = slice.metadata?.name ?? '';
      byName.set(name, slice);
      const kept: SliceEndpoint[] = [];
      let endpointUpdated = false;
      for (const endpoint of slice.endpoints ?? []) {
        const key = endpointKey(endpoint);
        const want = desired.get(key);
        if (!want) continue;
        kept.push(want);
        if (!sameBeyondKey(want, endpoint)) endpointUpdated = true;
        desired.delete(key);
      }
      const { labels, changed } = sliceLabels(slice, service);
      if (endpointUpdated || kept.length !== (slice.endpoints?.length ?? 0)) {
        if (kept.length === 0) toDeleteNames.add(name);
        else {
          byName.set(name, { ...copySlice(slice), endpoints: kept, metadata: { ...slice.metadata, labels } });
          toUpdateNames.add(name);
        }
      } else if (changed) {
        byName.set(name, { ...copySlice(slice), metadata: { ...slice.metadata, labels } });
        toUpdateNames.add(name);
      } else unchanged.add(name);
    }
    const remaining = [...desired.values()];
    // 2. Fill the slices being rewritten anyway, fullest first.
    if (remaining.length > 0 && toUpdateNames.size > 0) {
      const slices = [...toUpdateNames].map((n) => byName.get(n) as EndpointSlice);
      slices.sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
      for (const slice of slices) {
        const endpoints = slice.endpoints ?? [];
        while (remaining.length > 0 && endpoints.length < max) endpoints.push(remaining.shift() as SliceEndpoint);
        slice.endpoints = endpoints;
      }
    }
    // 3. Fit what is left into the unchanged slice closest to full, else new slices.
    const toCreate: EndpointSlice[] = [];
    while (remaining.length > 0) {
      let target: EndpointSlice | undefined;
      if (remaining.length < max && unchanged.size > 0) {
        target = sliceToFill(
          [...unchanged].map((n) => byName.get(n) as EndpointSlice),
          remaining.length,
          max,
        );
      }
      if (!target) target = newSlice(service, ports, addressType);
      else {
        target = copySlice(target);
        byName.set(target.metadata?.name ?? '', target);
      }
      const endpoints = target.endpoints ?? [];
      while (remaining.length > 0 && endpoints.length < max) endpoints.push(remaining.shift() as SliceEndpoint);
      target.endpoints = endpoints;
      const name = target.metadata?.name;
      if (name) {
        toUpdateNames.add(name);
        unchanged.delete(name);
      } else toCreate.push(target);
    }
    return {
      toCreate,
      toUpdate: [...toUpdateNames].map((n) => byName.get(n) as EndpointSlice),
      toDelete: [...toDeleteNames].map((n) => byName.get(n) as EndpointSlice),
    };
  }

  /** finalize: creations that can take over slices due for deletion become updates of them. */
  private async finalize(
    service: Service,
    toCreate: EndpointSlice[],
    toUpdate: EndpointSlice[],
    toDelete: EndpointSlice[],
    triggerTime: string | undefined,
  ): Promise<void> {
    for (let i = 0; i < toDelete.length && toCreate.length > 0;) {
      const victim = toDelete[i];
      const slice = toCreate[toCreate.length - 1];
      if (victim.addressType === slice.addressType && ownedBy(victim, service)) {
        slice.metadata = { ...slice.metadata, name: victim.metadata?.name };
        toCreate.pop();
        toUpdate.push(slice);
        toDelete.splice(i, 1);
      } else i++;
    }
    const client = this.deps.client.resource<EndpointSlice>(ENDPOINTSLICES, service.metadata?.namespace);
    const what = (slice: EndpointSlice): string =>
      `${slice.metadata?.name} EndpointSlice for Service ${serviceName(service)}`;
    // Not while the Service is being deleted: the garbage collector would race the new slices.
    if (!service.metadata?.deletionTimestamp) {
      for (const slice of toCreate) {
        let created: EndpointSlice;
        try {
          created = await client.create(wireForm(slice, triggerTime));
        } catch (error) {
          if (hasStatusCause(error, 'NamespaceTerminating')) return;
          throw new Error(
            `failed to create EndpointSlice for Service ${serviceName(service)}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        this.deps.tracker.update(created);
      }
    }
    for (const slice of toUpdate) {
      let updated: EndpointSlice;
      try {
        updated = await client.update(wireForm(slice, triggerTime));
      } catch (error) {
        throw new Error(`failed to update ${what(slice)}: ${(error as Error).message}`, { cause: error });
      }
      this.deps.tracker.update(updated);
    }
    for (const slice of toDelete) {
      try {
        await this.deleteSlice(service, slice);
      } catch (error) {
        throw new Error(`failed to delete ${what(slice)}: ${(error as Error).message}`, { cause: error });
      }
    }
  }

  /** deleteEndpointSlice: a slice already gone counts as deleted. */
  private async deleteSlice(service: Service, slice: EndpointSlice): Promise<void> {
    try {
      await this.deps.client.resource(ENDPOINTSLICES, service.metadata?.namespace).delete(slice.metadata?.name ?? '');
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
    this.deps.tracker.expectDeletion(slice);
  }
}
