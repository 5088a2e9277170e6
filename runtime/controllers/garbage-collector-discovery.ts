// API discovery as the garbage collector and the namespace controller use it (client-go discovery,
// ServerPreferredResources, and a RESTMapper over what was discovered).
import type { ResourceRef, RestClient } from '../client/rest-client';

/** A resource the server serves, with its verbs (a discovery APIResource in one group version). */
export interface DiscoveredResource extends ResourceRef {
  verbs: string[];
}

/** What discovery found. */
export interface Discovery {
  /** One entry per group and resource, in its group's preferred version (ServerPreferredResources). */
  preferred: DiscoveredResource[];
  /** Every resource of every served version: what a RESTMapper maps kinds with. */
  all: DiscoveredResource[];
  /** Group versions whose resource lists could not be read, and why. */
  failed: Map<string, Error>;
}

interface ApiVersions {
  versions?: string[];
}
interface ApiGroupList {
  groups?: Array<{
    name: string;
    versions: Array<{ groupVersion: string; version: string }>;
    preferredVersion?: { version: string };
  }>;
}
interface ApiResourceList {
  resources?: Array<{ name: string; namespaced: boolean; kind: string; verbs?: string[] }>;
}

/**
 * discovery.ErrGroupDiscoveryFailed: some group versions could not be read; the resources of the
 * others are still usable.
 */
export class GroupDiscoveryFailedError extends Error {
  constructor(readonly groups: Map<string, Error>) {
    const parts = [...groups].map(([gv, error]) => `${gv}: ${error.message}`).sort();
    super(`unable to retrieve the complete list of server APIs: ${parts.join(', ')}`);
    this.name = 'GroupDiscoveryFailedError';
  }
}

/**
 * Reads `/api`, `/apis` and every group version's resource list. Subresources are left out. A
 * failure of `/api` or `/apis` throws; a failed group version is reported in `failed`.
 */
export async function discover(client: RestClient): Promise<Discovery> {
  const core = await client.request<ApiVersions>('GET', '/api');
  const groups = await client.request<ApiGroupList>('GET', '/apis');
  const groupVersions: Array<{ group: string; version: string; preferred: boolean }> = [];
  for (const version of core.versions ?? []) groupVersions.push({ group: '', version, preferred: version === 'v1' });
  for (const group of groups.groups ?? []) {
    const preferred = group.preferredVersion?.version ?? group.versions[0]?.version;
    // The preferred version first: its resources win over the same resource in other versions.
    const ordered = [...group.versions].sort(
      (a, b) => Number(b.version === preferred) - Number(a.version === preferred),
    );
    for (const { version } of ordered)
      groupVersions.push({ group: group.name, version, preferred: version === preferred });
  }
  const all: DiscoveredResource[] = [];
  const preferred: DiscoveredResource[] = [];
  const seen = new Set<string>();
  const failed = new Map<string, Error>();
  const lists = await Promise.all(
    groupVersions.map(async ({ group, version }) => {
      const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
      try {
        return await client.request<ApiResourceList>('GET', path);
      } catch (error) {
        failed.set(group ? `${group}/${version}` : version, error as Error);
        return undefined;
      }
    }),
  );
  groupVersions.forEach(({ group, version }, i) => {
    for (const r of lists[i]?.resources ?? []) {
      if (r.name.includes('/')) continue;
      const resource: DiscoveredResource = {
        group,
        version,
        resource: r.name,
        kind: r.kind,
        namespaced: r.namespaced,
        verbs: r.verbs ?? [],
      };
      all.push(resource);
      const key = `${group}/${r.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      preferred.push(resource);
    }
  });
  return { preferred, all, failed };
}

/** discovery.SupportsAllVerbs. */
export function supportsAllVerbs(resource: DiscoveredResource, verbs: readonly string[]): boolean {
  return verbs.every((verb) => resource.verbs.includes(verb));
}

/** The group and version of an apiVersion (`v1`, `apps/v1`); undefined when it does not parse. */
export function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  const parts = apiVersion.split('/');
  if (parts.length === 1 && parts[0]) return { group: '', version: parts[0] };
  if (parts.length === 2 && parts[1]) return { group: parts[0], version: parts[1] };
  return undefined;
}

/** The garbage collector's restMappingError. */
export class RestMappingError extends Error {
  constructor(apiVersion: string, kind: string) {
    super(`unable to get REST mapping for ${apiVersion}/${kind}.`);
    this.name = 'RestMappingError';
  }
}

/** A RESTMapper over discovered resources: which resource serves a kind in an apiVersion. */
export class RestMapper {
  private readonly byKind = new Map<string, DiscoveredResource>();

  constructor(resources: readonly DiscoveredResource[]) {
    for (const r of resources) {
      const key = `${r.group}/${r.version}/${r.kind}`;
      if (!this.byKind.has(key)) this.byKind.set(key, r);
    }
  }

  /** The resource of `kind` in `apiVersion`; throws RestMappingError when none is served. */
  resourceFor(apiVersion: string, kind: string): DiscoveredResource {
    const gv = parseGroupVersion(apiVersion);
    const found = gv && this.byKind.get(`${gv.group}/${gv.version}/${kind}`);
    if (!found) throw new RestMappingError(apiVersion, kind);
    return found;
  }
}
