import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { MemoryBackend } from '../storage/backend';
import { createHostFilesystem, HOME } from './host-filesystem';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createHostFilesystem', () => {
  it('builds an Ubuntu-like host where the learner owns only home and /tmp', async () => {
    const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock: new VirtualClock(0) });
    expect(fs.readFile('/etc/hostname')).toBe('kubeplay\n');
    expect(fs.readFile('/etc/os-release')).toContain('PRETTY_NAME="Ubuntu 24.04.1 LTS"');
    expect(fs.stat(HOME)).toMatchObject({ kind: 'directory', mode: 0o755, uid: 1000, gid: 1000 });
    expect(fs.stat('/tmp').mode).toBe(0o1777);
    expect(fs.isDirectory('/bin')).toBe(true);
    expect(fs.isDirectory('/usr/local/bin')).toBe(true);
    expect(fs.readFile('/etc/passwd')).toContain('learner:x:1000:1000:');
    expect(() => fs.writeFile('/etc/motd', 'hi')).toThrow('EACCES');
    fs.writeFile('/tmp/scratch', 'x');
    expect(fs.stat('/tmp/scratch').uid).toBe(1000);
  });

  it('keeps the home directory across reloads, with modes and mtimes', async () => {
    const storage = new MemoryBackend();
    const clock = new VirtualClock(1_700_000_000_000);
    const first = await createHostFilesystem({ storage, clock });
    first.mkdir(`${HOME}/app`);
    first.writeFile(`${HOME}/app/pod.yaml`, 'kind: Pod\n');
    first.writeFile(`${HOME}/run.sh`, 'echo hi\n', 0o755);
    first.symlink('app/pod.yaml', `${HOME}/latest`);
    first.writeFile('/tmp/gone', 'not kept');
    clock.advance(5000);
    first.writeFile(`${HOME}/doomed/x`, 'x');
    await settle();
    first.remove(`${HOME}/doomed`);
    await settle();

    const second = await createHostFilesystem({ storage, clock: new VirtualClock(0) });
    expect(second.readFile(`${HOME}/latest`)).toBe('kind: Pod\n');
    expect(second.stat(`${HOME}/run.sh`)).toMatchObject({ mode: 0o755, mtime: 1_700_000_000_000, uid: 1000 });
    expect(second.lstat(`${HOME}/latest`).kind).toBe('symlink');
    expect(second.exists(`${HOME}/doomed`)).toBe(false);
    expect(second.exists('/tmp/gone')).toBe(false);
    expect(second.list(HOME).map((e) => e.name)).toEqual(['.kube', 'app', 'latest', 'run.sh']);
    expect((await storage.scan('home/')).map(([key]) => key)).toEqual([
      'home/',
      'home/.kube',
      'home/.kube/config',
      'home/app',
      'home/app/pod.yaml',
      'home/latest',
      'home/run.sh',
    ]);
  });

  it('follows renames of directories', async () => {
    const storage = new MemoryBackend();
    const fs = await createHostFilesystem({ storage, clock: new VirtualClock(0) });
    fs.writeFile(`${HOME}/a/b/c.txt`, 'c');
    await settle();
    fs.rename(`${HOME}/a`, `${HOME}/z`);
    fs.chmod(`${HOME}/z/b/c.txt`, 0o600);
    await settle();
    const again = await createHostFilesystem({ storage, clock: new VirtualClock(0) });
    expect(again.readFile(`${HOME}/z/b/c.txt`)).toBe('c');
    expect(again.stat(`${HOME}/z/b/c.txt`).mode).toBe(0o600);
    expect(again.exists(`${HOME}/a`)).toBe(false);
  });

  it('limits the home directory to its capacity', async () => {
    const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock: new VirtualClock(0) });
    expect(() => fs.writeFile(`${HOME}/big`, 'x'.repeat(51 * 1024 * 1024))).toThrow('ENOSPC');
  });
});
