import { sha256 } from '../util/sha256';
import { AGNHOST } from './agnhost';
import { KUBERNETES_BOOTCAMP } from './bootcamp';
import { ALPINE, BUSYBOX } from './busybox';
import { CURL_IMAGE } from './curl-image';
import { DEBIAN, UBUNTU } from './debian-images';
import { HTTP_ECHO } from './http-echo';
import { HTTPD } from './httpd';
import { NGINX } from './nginx';
import { REDIS } from './redis';
import { parseImageReference, type ImageReference } from './reference';
import { SYSTEM_IMAGES } from './system';
import type { ImageModule } from './types';

const MODULES = new Map<string, ImageModule>(
  [
    NGINX,
    REDIS,
    BUSYBOX,
    ALPINE,
    KUBERNETES_BOOTCAMP,
    HTTPD,
    HTTP_ECHO,
    AGNHOST,
    CURL_IMAGE,
    DEBIAN,
    UBUNTU,
    ...SYSTEM_IMAGES,
  ].map((module) => [module.repository, module]),
);

/** An image the registry has: its module and the exact reference pulled. */
export interface ResolvedImage {
  module: ImageModule;
  reference: ImageReference;
  /** The manifest digest, `sha256:<64 hex>` (stable per repository and tag). */
  digest: string;
}

/** The outcome of looking an image up: found, or the error text the runtime reports. */
export type ImageLookup = { ok: true; image: ResolvedImage } | { ok: false; invalid: boolean; message: string };

/**
 * Finds `image` (as a pod spec names it) in the simulated registry. Errors are what the docker
 * runtime (minikube's default) answers: an unknown repository is `pull access denied`, an
 * unknown tag `manifest unknown`.
 */
export function lookupImage(image: string): ImageLookup {
  const reference = parseImageReference(image);
  if (typeof reference === 'string') {
    return { ok: false, invalid: true, message: `couldn't parse image reference "${image}": ${reference}` };
  }
  const module = MODULES.get(reference.repository);
  if (!module) {
    return {
      ok: false,
      invalid: false,
      message: `Error response from daemon: pull access denied for ${reference.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    };
  }
  if (reference.tag && !module.tags.test(reference.tag)) {
    return {
      ok: false,
      invalid: false,
      message: `Error response from daemon: manifest for ${reference.familiarName}:${reference.tag} not found: manifest unknown: manifest unknown`,
    };
  }
  const digest = reference.digest ?? imageDigest(`${reference.repository}:${reference.tag}`);
  const tagged = reference.tag && module.forTag ? module.forTag(reference.tag) : module;
  return { ok: true, image: { module: tagged, reference, digest } };
}

/** Digests by `repository:tag`: every pod a kubelet starts looks its image up. */
const digests = new Map<string, string>();

/** The digest a simulated image's name and tag stand for: stable, as a registry's are. */
function imageDigest(name: string): string {
  let digest = digests.get(name);
  if (digest === undefined) {
    digest = `sha256:${[...sha256(name)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (digests.size < 1000) digests.set(name, digest);
  }
  return digest;
}
