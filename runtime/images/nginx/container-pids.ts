import type { Volume } from '../../shell/fs/volume';

/**
 * Process ids inside one container, as its processes see them. The official image's entrypoint
 * runs some 27 short-lived processes before nginx starts, so the first worker is 29; what runs
 * after (workers of a reload, `kubectl exec … nginx -s reload`) takes the next ids. Keyed by the
 * container's filesystem, which its processes and execs share.
 */
const next = new WeakMap<Volume, number>();

export function nextPid(fs: Volume): number {
  const pid = next.get(fs) ?? 29;
  next.set(fs, pid + 1);
  return pid;
}
