/**
 * An image reference as docker's distribution/reference normalises it: `nginx` is
 * `docker.io/library/nginx:latest`. `familiar` is how the docker runtime names it back
 * (`nginx:latest`, `registry.k8s.io/pause:3.10`).
 */
export interface ImageReference {
  /** `docker.io/library/nginx`. */
  repository: string;
  /** `nginx` for Docker Hub's library, else the full repository. */
  familiarName: string;
  tag?: string;
  digest?: string;
  /** What containerStatuses[].image shows on the docker runtime: `nginx:latest`. */
  familiar: string;
}

const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Parses `text` as the kubelet's applyDefaultImageTag does (ParseNormalizedNamed); a string
 * result is the error text (`invalid reference format`, or with the lowercase hint).
 */
export function parseImageReference(text: string): ImageReference | string {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return 'invalid reference format';
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return 'invalid reference format';
  }
  if (rest === '') return 'invalid reference format';
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift() as string;
    if (!DOMAIN.test(domain)) return 'invalid reference format';
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  for (const component of parts) {
    if (PATH_COMPONENT.test(component)) continue;
    if (PATH_COMPONENT.test(component.toLowerCase())) {
      return `invalid reference format: repository name (${path}) must be lowercase`;
    }
    return 'invalid reference format';
  }
  const repository = `${domain}/${path}`;
  const familiarName = domain === 'docker.io' ? path.replace(/^library\//, '') : repository;
  if (!tag && !digest) tag = 'latest';
  const familiar = `${familiarName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { repository, familiarName, tag, digest, familiar };
}
