// /proc on the learner's host: a read-only directory of files whose text is computed when read.
import type { Clock } from '../../clock';
import type { FileInode } from '../fs/inode';
import { Volume } from '../fs/volume';
import { cpuinfoText } from './cpuinfo';
import { FILESYSTEMS_TEXT, loadavgText, MOUNTS_TEXT, uptimeText, versionText } from './kernel-texts';
import { meminfoText } from './memory';

/**
 * A file of /proc: root's, mode 0444, size 0 (as Linux reports it), its text made by `render`
 * at each read. The inode's `data` is a getter, so the filesystem reads it as any file's; a write
 * (only root gets past the mode) is dropped, as most /proc files ignore what they cannot take.
 */
function generatedFile(render: () => string, mtime: number): FileInode {
  return {
    kind: 'file',
    mode: 0o444,
    uid: 0,
    gid: 0,
    mtime,
    size: 0,
    get data(): string {
      return render();
    },
    set data(_ignored: string) {},
  };
}

/**
 * The host's /proc (mount it over /proc): cpuinfo, meminfo, version, uptime and loadavg, mounts
 * and filesystems. Uptime counts from now — the playground's boot — on `clock`. The directory
 * is root's, mode 0555, so the learner can neither write these files nor add any.
 */
export function createProcFilesystem(clock: Clock): Volume {
  const bootedAt = clock.now();
  const proc = new Volume({}, { now: () => bootedAt });
  const files: Record<string, () => string> = {
    cpuinfo: cpuinfoText,
    filesystems: () => FILESYSTEMS_TEXT,
    loadavg: loadavgText,
    meminfo: meminfoText,
    mounts: () => MOUNTS_TEXT,
    uptime: () => uptimeText(clock.now() - bootedAt),
    version: versionText,
  };
  for (const [name, render] of Object.entries(files)) proc.restore(`/${name}`, generatedFile(render, bootedAt));
  proc.restore('/', { kind: 'directory', mode: 0o555, uid: 0, gid: 0, mtime: bootedAt, entries: new Map() });
  return proc;
}
