import type { Clock } from '../clock';
import type { StorageBackend, StorageWrite } from '../storage/backend';
import type { Inode } from './fs/inode';
import { utf8Length } from '../util/utf8';
import { Volume } from './fs/volume';
import { createProcFilesystem } from './proc/procfs';
import { minikubeKubeconfig } from '../kubectl/kubeconfig/minikube-kubeconfig';

/** The learner's home directory. */
export const HOME = '/home/learner';

/** The learner's user and group (uid and gid 1000, as Ubuntu's first user). */
export const LEARNER = { uid: 1000, gid: 1000, name: 'learner' } as const;

/**
 * How many bytes of files the home directory holds before writes fail with ENOSPC: small enough
 * that the browser's storage quota is never the limit.
 */
export const HOME_CAPACITY = 50 * 1024 * 1024;

/** The storage key prefix of the home directory's records: `home/` + path under HOME. */
const PREFIX = 'home';

/** What the storage keeps for one node under HOME. */
interface NodeRecord {
  kind: Inode['kind'];
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  data?: string;
  target?: string;
}

const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

/** The root-owned system files of the host, by path. */
const SYSTEM_FILES: Record<string, string> = {
  '/etc/hostname': 'kubeplay\n',
  // As Ubuntu writes it; minikube's docker driver adds nothing here (`minikube` does not resolve).
  '/etc/hosts':
    '127.0.0.1 localhost\n127.0.1.1 kubeplay\n\n# The following lines are desirable for IPv6 capable hosts\n' +
    '::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n',
  '/usr/lib/os-release': OS_RELEASE,
  '/etc/passwd':
    'root:x:0:0:root:/root:/bin/bash\n' +
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' +
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' +
    `learner:x:1000:1000:Learner,,,:${HOME}:/bin/bash\n`,
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nsudo:x:27:learner\ndocker:x:988:learner\nnogroup:x:65534:\nlearner:x:1000:\n',
  '/etc/shells': '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n',
};

/** The host's system tree: /etc, /usr, /tmp (sticky, world-writable), /root, /home/learner. */
function systemVolume(now: () => number): Volume {
  const fs = new Volume(SYSTEM_FILES, { now });
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/var/log', '/opt', '/home', '/proc', '/dev', '/srv'])
    fs.mkdir(dir);
  fs.symlink('../usr/lib/os-release', '/etc/os-release');
  fs.symlink('usr/bin', '/bin');
  fs.symlink('usr/sbin', '/sbin');
  fs.symlink('usr/lib', '/lib');
  fs.createDirectory('/tmp', 0o1777);
  fs.createDirectory('/root', 0o700);
  fs.mkdir(HOME);
  fs.chown(HOME, LEARNER.uid, LEARNER.gid);
  return fs;
}

const keyOf = (path: string): string => `${PREFIX}${path}`;
const pathOf = (key: string): string => key.slice(PREFIX.length);

function toRecord(node: Inode): NodeRecord {
  const { kind, mode, uid, gid, mtime } = node;
  if (node.kind === 'file') return { kind, mode, uid, gid, mtime, data: node.data };
  if (node.kind === 'symlink') return { kind, mode, uid, gid, mtime, target: node.target };
  return { kind, mode, uid, gid, mtime };
}

function fromRecord(record: NodeRecord): Inode {
  const { mode, uid, gid, mtime } = record;
  if (record.kind === 'file') {
    const data = record.data ?? '';
    return { kind: 'file', mode, uid, gid, mtime, data, size: utf8Length(data) };
  }
  if (record.kind === 'symlink') return { kind: 'symlink', mode, uid, gid, mtime, target: record.target ?? '' };
  return { kind: 'directory', mode, uid, gid, mtime, entries: new Map() };
}

/**
 * Keeps `home` in `storage`: each change is written through (batched per turn of the event
 * loop) as one record per node under the key `home` + its path in the volume.
 */
function persist(home: Volume, storage: StorageBackend, stored: Set<string>): void {
  const dirty = new Map<string, boolean>();
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const writes: StorageWrite[] = [];
    const written = new Set<string>();
    const put = (path: string, node: Inode): void => {
      const key = keyOf(path);
      if (written.has(key)) return;
      written.add(key);
      stored.add(key);
      writes.push({ key, value: toRecord(node) });
      if (node.kind === 'directory')
        for (const [name, child] of node.entries) put(path === '/' ? `/${name}` : `${path}/${name}`, child);
    };
    for (const [path, subtree] of dirty) {
      const node = home.inode(path);
      if (!node || subtree) {
        const key = keyOf(path);
        const below = path === '/' ? keyOf('/') : `${key}/`;
        for (const old of [...stored])
          if ((old === key || old.startsWith(below)) && !home.inode(pathOf(old))) {
            stored.delete(old);
            writes.push({ key: old, delete: true });
          }
      }
      if (!node) continue;
      if (subtree) put(path, node);
      else if (!written.has(keyOf(path))) {
        written.add(keyOf(path));
        stored.add(keyOf(path));
        writes.push({ key: keyOf(path), value: toRecord(node) });
      }
    }
    dirty.clear();
    // A failed commit leaves the records as they were; the next change writes its nodes again.
    if (writes.length > 0) storage.commit(writes).catch(() => undefined);
  };
  home.onChange((path, subtree) => {
    dirty.set(path, (dirty.get(path) ?? false) || subtree);
    if (!scheduled) {
      scheduled = true;
      void Promise.resolve().then(flush);
    }
  });
}

/** What the host filesystem is built from. */
export interface HostFilesystemDeps {
  /** Where the home directory is kept across reloads (records under `home/`). */
  storage: StorageBackend;
  /** Modification times. */
  clock: Clock;
  /** Root-owned files that differ on this machine (a test recreating another host's /etc/hosts). */
  systemFiles?: Record<string, string>;
}

/**
 * The learner's host machine (an Ubuntu 24.04 host running minikube): system directories owned
 * by root, /tmp, /proc (generated, read-only to the learner), and /home/learner (owned by learner,
 * mode 755, at most HOME_CAPACITY bytes) loaded from and written through to `storage`. Calls act
 * as the learner (uid 1000).
 */
export async function createHostFilesystem({ storage, clock, systemFiles }: HostFilesystemDeps): Promise<Volume> {
  const now = (): number => clock.now();
  const home = new Volume({}, { now, capacity: HOME_CAPACITY });
  home.chown('/', LEARNER.uid, LEARNER.gid);
  const stored = new Set<string>();
  for (const [key, value] of await storage.scan(`${PREFIX}/`)) {
    stored.add(key);
    try {
      home.restore(pathOf(key), fromRecord(value as NodeRecord));
    } catch {
      // A record whose directory is gone (an interrupted commit) is skipped.
    }
  }
  persist(home, storage, stored);
  // A new home has the kubeconfig `minikube start` wrote (mode 600, as clientcmd writes it).
  if (stored.size === 0) {
    home.mkdir('/.kube');
    home.writeFile('/.kube/config', minikubeKubeconfig(HOME, clock.now()), 0o600);
    for (const path of ['/.kube', '/.kube/config']) home.chown(path, LEARNER.uid, LEARNER.gid);
  }
  const host = new Volume({}, { now, user: { uid: LEARNER.uid, gid: LEARNER.gid } });
  const system = systemVolume(now);
  for (const [path, text] of Object.entries(systemFiles ?? {})) system.writeFile(path, text);
  host.mount('/', system);
  host.mount(HOME, home);
  // /proc's files are computed when read (uptime from the clock since this boot).
  host.mount('/proc', createProcFilesystem(clock));
  return host;
}
