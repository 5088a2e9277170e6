import type { EndpointSlice, Service } from './endpoints-types';

/** The label naming the Service a slice belongs to (discovery.LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

const DELETION_EXPECTED = -1;

/** The version the tracker compares: the slice's generation. */
export function sliceVersion(slice: EndpointSlice): number {
  return slice.metadata?.generation ?? 0;
}

const serviceKeyOf = (slice: EndpointSlice): string =>
  `${slice.metadata?.namespace}/${slice.metadata?.labels?.[SERVICE_NAME_LABEL] ?? ''}`;

/**
 * EndpointSliceTracker (k8s.io/endpointslice/util): the versions of the slices this controller
 * wrote, by Service, to tell its own writes from others' and a lagging cache from a current one.
 */
export class EndpointSliceTracker {
  private readonly byService = new Map<string, Map<string, number>>();
  private readonly serviceUids = new Map<string, string>();

  private versionsOf(slice: EndpointSlice, create = false): Map<string, number> | undefined {
    const key = serviceKeyOf(slice);
    let versions = this.byService.get(key);
    if (!versions && create) this.byService.set(key, (versions = new Map()));
    return versions;
  }

  /** True when a version of this slice is tracked. */
  has(slice: EndpointSlice): boolean {
    return this.versionsOf(slice)?.has(slice.metadata?.uid ?? '') ?? false;
  }

  /** True when the slice is not one this controller wrote (or is newer than what it wrote). */
  shouldSync(slice: EndpointSlice): boolean {
    const tracked = this.versionsOf(slice)?.get(slice.metadata?.uid ?? '');
    return tracked === undefined || sliceVersion(slice) > tracked;
  }

  /**
   * StaleSlices: the cache lags the controller's writes — a slice older than written, one
   * expected gone, or a written one missing. Versions of a previous Service of the name are dropped.
   */
  staleSlices(service: Service, slices: EndpointSlice[]): boolean {
    const key = `${service.metadata?.namespace}/${service.metadata?.name}`;
    const uid = service.metadata?.uid ?? '';
    const trackedUid = this.serviceUids.get(key);
    if (trackedUid && uid && trackedUid !== uid) this.byService.delete(key);
    this.serviceUids.set(key, uid);
    const versions = this.byService.get(key);
    if (!versions) return false;
    const provided = new Set<string>();
    for (const slice of slices) {
      const sliceUid = slice.metadata?.uid ?? '';
      provided.add(sliceUid);
      const tracked = versions.get(sliceUid);
      if (tracked !== undefined && (tracked === DELETION_EXPECTED || tracked > sliceVersion(slice))) return true;
    }
    for (const [sliceUid, version] of versions) {
      if (version !== DELETION_EXPECTED && !provided.has(sliceUid)) return true;
    }
    return false;
  }

  /** Records a slice as written. */
  update(slice: EndpointSlice): void {
    this.versionsOf(slice, true)?.set(slice.metadata?.uid ?? '', sliceVersion(slice));
  }

  /** Records a slice as deleted by this controller. */
  expectDeletion(slice: EndpointSlice): void {
    this.versionsOf(slice, true)?.set(slice.metadata?.uid ?? '', DELETION_EXPECTED);
  }

  /** Forgets a deleted slice; false when its deletion was not this controller's doing. */
  handleDeletion(slice: EndpointSlice): boolean {
    const versions = this.versionsOf(slice);
    const uid = slice.metadata?.uid ?? '';
    const tracked = versions?.get(uid);
    versions?.delete(uid);
    return tracked === undefined || tracked === DELETION_EXPECTED;
  }

  /** Forgets a deleted Service. */
  deleteService(namespace: string, name: string): void {
    this.byService.delete(`${namespace}/${name}`);
    this.serviceUids.delete(`${namespace}/${name}`);
  }
}
