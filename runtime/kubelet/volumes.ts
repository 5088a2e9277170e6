import { Volume } from '../shell/fs/volume';
import type { RestClient } from '../client/rest-client';
import { hasStatusCode } from '../client/rest-client';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES } from '../client/resources';
import { fromBase64Text } from '../util/base64url';
import { podField } from './env';
import type { ObjectSources } from './object-sources';
import type { Json, Pod } from './pod-types';

/** A volume that cannot be set up yet: FailedMount with this message, and the pod waits. */
export class MountError extends Error {}

/** What volumes are built from besides the pod. */
export interface VolumeContext {
  client: RestClient;
  /** ConfigMaps and Secrets, as the kubelet's managers keep them. */
  sources: ObjectSources;
  nodeName: string;
  podIP: string;
  hostIP: string;
  /** The node's own filesystem (hostPath and hostpath-provisioned volumes live here). */
  hostFs: Volume;
}

/** Files of `items` (or every key) with their modes, as configMap/secret/downwardAPI volumes lay them out. */
function projectKeys(
  data: Record<string, string>,
  items: Json[] | undefined,
  defaultMode: number,
  volume: Volume,
  prefix = '/',
): void {
  const chosen = items ?? Object.keys(data).map((key) => ({ key, path: key }));
  for (const item of chosen) {
    if (!(item.key in data)) continue;
    volume.writeFile(`${prefix}${item.path}`.replace(/\/+/g, '/'), data[item.key], item.mode ?? defaultMode);
  }
}

async function fetchSource(
  ctx: VolumeContext,
  pod: Pod,
  kind: 'configMap' | 'secret',
  namespace: string,
  name: string,
): Promise<Json | undefined> {
  return ctx.sources.get(kind === 'configMap' ? 'ConfigMap' : 'Secret', namespace, name, pod.metadata?.uid ?? '');
}

/** The data of a ConfigMap or Secret as text, keyed as in the object. */
function sourceData(kind: 'configMap' | 'secret', object: Json): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries((object.data ?? {}) as Record<string, string>)) {
    data[key] = kind === 'secret' ? fromBase64Text(value) : value;
  }
  return data;
}

/**
 * The volumes of `pod`, built as the kubelet's volume plugins mount them: one Volume each,
 * shared by the pod's containers. Throws MountError (with the kubelet's FailedMount text) when
 * a source is missing.
 */
export async function setUpVolumes(pod: Pod, ctx: VolumeContext): Promise<Map<string, Volume>> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const volumes = new Map<string, Volume>();
  for (const spec of (pod.spec.volumes ?? []) as Json[]) {
    const volume = new Volume();
    const mode = (source: Json): number => source.defaultMode ?? 0o644;
    if (spec.emptyDir) volumes.set(spec.name, volume);
    else if (spec.configMap || spec.secret) {
      const kind = spec.configMap ? 'configMap' : 'secret';
      const source = spec.configMap ?? spec.secret;
      const name = kind === 'configMap' ? source.name : source.secretName;
      const object = await fetchSource(ctx, pod, kind, namespace, name);
      if (!object) {
        if (source.optional) {
          volumes.set(spec.name, volume);
          continue;
        }
        throw new MountError(
          `MountVolume.SetUp failed for volume "${spec.name}" : ${kind === 'configMap' ? 'configmap' : 'secret'} "${name}" not found`,
        );
      }
      projectKeys(sourceData(kind, object), source.items, mode(source), volume);
      volumes.set(spec.name, volume);
    } else if (spec.downwardAPI) {
      for (const item of spec.downwardAPI.items ?? []) {
        if (item.fieldRef)
          volume.writeFile(
            `/${item.path}`,
            podField(pod, item.fieldRef.fieldPath, ctx.nodeName, ctx.podIP, ctx.hostIP),
          );
      }
      volumes.set(spec.name, volume);
    } else if (spec.projected) {
      await project(pod, spec, volume, ctx);
      volumes.set(spec.name, volume);
    } else if (spec.hostPath) {
      volumes.set(spec.name, bind(ctx.hostFs, spec.hostPath.path));
    } else if (spec.persistentVolumeClaim) {
      volumes.set(spec.name, await claimVolume(spec, namespace, ctx));
    } else volumes.set(spec.name, volume);
  }
  return volumes;
}

/** Directory `dir` of the node's filesystem as a volume of its own (a bind mount). */
function bind(hostFs: Volume, dir: string): Volume {
  const volume = new Volume();
  volume.mount('/', hostFs, false, dir);
  return volume;
}

/** A PVC's volume: the bound PV's hostPath on this node, or a MountError while unbound. */
async function claimVolume(spec: Json, namespace: string, ctx: VolumeContext): Promise<Volume> {
  const claimName = spec.persistentVolumeClaim.claimName;
  let claim: Json;
  try {
    claim = await ctx.client.resource(PERSISTENTVOLUMECLAIMS, namespace).get(claimName);
  } catch (error) {
    if (hasStatusCode(error, 404)) throw new MountError(`persistentvolumeclaim "${claimName}" not found`);
    throw error;
  }
  const pvName = claim.spec?.volumeName;
  if (!pvName || claim.status?.phase !== 'Bound') {
    throw new MountError(
      `MountVolume.SetUp failed for volume "${spec.name}" : PVC ${namespace}/${claimName} is not bound`,
    );
  }
  const pv: Json = await ctx.client.resource(PERSISTENTVOLUMES).get(pvName);
  const path: string = pv.spec?.hostPath?.path ?? pv.spec?.local?.path ?? `/var/lib/kubelet/pods/volumes/${pvName}`;
  return bind(ctx.hostFs, path);
}

/** A projected volume: service account token, ConfigMaps, Secrets and downward API in one directory. */
async function project(pod: Pod, spec: Json, volume: Volume, ctx: VolumeContext): Promise<void> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const defaultMode = spec.projected.defaultMode ?? 0o644;
  for (const source of (spec.projected.sources ?? []) as Json[]) {
    if (source.serviceAccountToken) {
      let token: string;
      try {
        token = await requestToken(pod, source.serviceAccountToken, ctx.client);
      } catch (error) {
        throw new MountError(
          `MountVolume.SetUp failed for volume "${spec.name}" : failed to fetch token: ${(error as Error).message}`,
        );
      }
      volume.writeFile(`/${source.serviceAccountToken.path}`, token, defaultMode);
    } else if (source.configMap || source.secret) {
      const kind = source.configMap ? 'configMap' : 'secret';
      const ref = source.configMap ?? source.secret;
      const object = await fetchSource(ctx, pod, kind, namespace, ref.name);
      if (!object) {
        if (ref.optional) continue;
        throw new MountError(
          `MountVolume.SetUp failed for volume "${spec.name}" : ${kind === 'configMap' ? 'configmap' : 'secret'} "${ref.name}" not found`,
        );
      }
      projectKeys(sourceData(kind, object), ref.items, defaultMode, volume);
    } else if (source.downwardAPI) {
      for (const item of source.downwardAPI.items ?? []) {
        if (item.fieldRef)
          volume.writeFile(
            `/${item.path}`,
            podField(pod, item.fieldRef.fieldPath, ctx.nodeName, ctx.podIP, ctx.hostIP),
            defaultMode,
          );
      }
    }
  }
}

/** A bound service account token for the pod (TokenRequest), as the projected token source gets it. */
async function requestToken(pod: Pod, source: Json, client: RestClient): Promise<string> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const account = pod.spec.serviceAccountName ?? 'default';
  // The request is built for this one call (the server may keep it); only the token is read back.
  const review: Json = await client
    .withOptions({ handOverBodies: true, sharedResults: true })
    .request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${account}/token`, {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: {
        audiences: source.audience ? [source.audience] : null,
        expirationSeconds: source.expirationSeconds ?? 3607,
        boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: pod.metadata?.name, uid: pod.metadata?.uid },
      },
    });
  return review.status?.token ?? '';
}
