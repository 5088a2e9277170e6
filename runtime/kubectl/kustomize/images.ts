import type { ImageEntry } from './kustomization';
import { isMap, type KResource } from './resource';

/** Name, tag and digest of an image reference (image.Split: a registry port is no tag). */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = Math.max(image.indexOf('/'), 0);
  const search = image.slice(slash);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: image.slice(0, at + slash), tag: '', digest: image.slice(at + slash + 1) };
  }
  if (at >= 0) {
    return {
      name: image.slice(0, colon + slash),
      tag: image.slice(colon + slash + 1, at + slash),
      digest: image.slice(at + slash + 1),
    };
  }
  return { name: image.slice(0, colon + slash), tag: image.slice(colon + slash + 1), digest: '' };
}

/** The image `value` becomes under `entry`, or undefined when the entry does not name it (imageTagUpdater). */
export function updatedImage(value: string, entry: ImageEntry): string | undefined {
  // kustomize compiles the name into the pattern as it is (image.IsImageMatched).
  const pattern = new RegExp(
    `^${entry.name ?? ''}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$`,
  );
  if (!pattern.test(value)) return undefined;
  let { name, tag, digest } = splitImage(value);
  if (entry.newName) name = entry.newName;
  if (entry.newTag && entry.digest) [tag, digest] = [entry.newTag, entry.digest];
  else if (entry.newTag) [tag, digest] = [entry.newTag, ''];
  else if (entry.digest) [tag, digest] = ['', entry.digest];
  else if (entry.tagSuffix) [tag, digest] = [tag + entry.tagSuffix, ''];
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}

/** Every `containers` / `initContainers` list anywhere in an object (imagetag.LegacyFilter). */
function visitContainers(node: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => visitContainers(item, visit));
  if (!isMap(node)) return;
  for (const [key, value] of Object.entries(node)) {
    visitContainers(value, visit);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value) if (isMap(container)) visit(container);
    }
  }
}

/** The `images` transformer: new names, tags and digests for matching containers. */
export function transformImages(resources: readonly KResource[], entries: readonly ImageEntry[]): void {
  for (const entry of entries) {
    for (const r of resources) {
      if (r.object.kind === 'CustomResourceDefinition') continue;
      visitContainers(r.object, (container) => {
        if (typeof container.image !== 'string') return;
        const image = updatedImage(container.image, entry);
        if (image !== undefined) container.image = image;
      });
    }
  }
}
