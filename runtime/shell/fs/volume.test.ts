import { describe, expect, it } from 'vitest';
import { FsError } from './errors';
import { Volume } from './volume';

const LEARNER = { uid: 1000, gid: 1000 };

/** The errno a call throws. */
function errno(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

describe('Volume tree', () => {
  it('keeps the compat API: writeFile creates parents, list sorts, remove recurses', () => {
    const fs = new Volume({ '/etc/a.conf': 'a', '/bin/run': { data: 'x', mode: 0o755 } });
    expect(fs.readFile('/etc/a.conf')).toBe('a');
    expect(fs.stat('/bin/run').mode).toBe(0o755);
    fs.writeFile('/x/y/z.txt', 'hi');
    expect(fs.isDirectory('/x/y')).toBe(true);
    expect(fs.list('/').map((e) => e.name)).toEqual(['bin', 'etc', 'x']);
    expect(fs.list('/x')).toEqual([{ name: 'y', directory: true, kind: 'directory' }]);
    fs.remove('/x');
    expect(fs.exists('/x/y/z.txt')).toBe(false);
    expect(errno(() => fs.remove('/x'))).toBe('ENOENT');
    expect(errno(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(errno(() => fs.list('/etc/a.conf'))).toBe('ENOTDIR');
    expect(errno(() => fs.writeFile('/etc/a.conf/b', ''))).toBe('ENOTDIR');
  });

  it('keeps the mode of an existing file unless one is given', () => {
    const fs = new Volume();
    fs.writeFile('/f', 'a', 0o600);
    fs.writeFile('/f', 'b');
    expect(fs.stat('/f').mode).toBe(0o600);
    fs.writeFile('/f', 'c', 0o640);
    expect(fs.stat('/f').mode).toBe(0o640);
  });

  it('stamps mtimes from the injected clock and reports sizes in bytes', () => {
    let now = 1000;
    const fs = new Volume({}, { now: () => now });
    fs.mkdir('/d');
    now = 2000;
    fs.writeTo('/d/f', 'héllo\n');
    expect(fs.stat('/d/f')).toEqual({ kind: 'file', mode: 0o644, size: 7, mtime: 2000, nlink: 1, uid: 0, gid: 0 });
    expect(fs.stat('/d').mtime).toBe(2000);
    now = 3000;
    fs.appendFile('/d/f', 'x');
    expect(fs.readFile('/d/f')).toBe('héllo\nx');
    fs.utimes('/d/f', 5);
    expect(fs.stat('/d/f').mtime).toBe(5);
    fs.mkdir('/d/sub');
    expect(fs.stat('/d').nlink).toBe(3);
  });

  it('distinguishes strict mkdir, rmdir and unlink errors', () => {
    const fs = new Volume({ '/d/f': '' });
    expect(errno(() => fs.createDirectory('/d'))).toBe('EEXIST');
    expect(errno(() => fs.createDirectory('/no/x'))).toBe('ENOENT');
    expect(errno(() => fs.rmdir('/d'))).toBe('ENOTEMPTY');
    expect(errno(() => fs.rmdir('/d/f'))).toBe('ENOTDIR');
    expect(errno(() => fs.rmdir('/'))).toBe('EBUSY');
    expect(errno(() => fs.unlink('/d'))).toBe('EISDIR');
    expect(errno(() => fs.writeTo('/nope/f', ''))).toBe('ENOENT');
    fs.unlink('/d/f');
    fs.rmdir('/d');
    expect(fs.exists('/d')).toBe(false);
    expect(errno(() => fs.unlink('/d'))).toBe('ENOENT');
  });

  it('throws FsError with a code and the errno as message', () => {
    const fs = new Volume();
    try {
      fs.readFile('/missing');
    } catch (error) {
      expect(error).toBeInstanceOf(FsError);
      expect((error as FsError).code).toBe('ENOENT');
      expect((error as Error).message).toBe('ENOENT');
    }
  });
});

describe('Volume symlinks', () => {
  it('follows links for reads and writes, not for lstat, readlink and remove', () => {
    const fs = new Volume({ '/data/real.txt': 'real' });
    fs.symlink('/data', '/link');
    fs.symlink('real.txt', '/data/rel');
    expect(fs.readFile('/link/rel')).toBe('real');
    expect(fs.lstat('/data/rel').kind).toBe('symlink');
    expect(fs.lstat('/data/rel').size).toBe(8);
    expect(fs.stat('/data/rel').kind).toBe('file');
    expect(fs.readlink('/link')).toBe('/data');
    expect(errno(() => fs.readlink('/data'))).toBe('EINVAL');
    expect(fs.realpath('/link/rel')).toBe('/data/real.txt');
    expect(fs.isDirectory('/link')).toBe(true);
    fs.writeTo('/link/rel', 'changed');
    expect(fs.readFile('/data/real.txt')).toBe('changed');
    fs.remove('/link');
    expect(fs.exists('/data/real.txt')).toBe(true);
    expect(fs.list('/data').map((e) => [e.name, e.kind])).toEqual([
      ['real.txt', 'file'],
      ['rel', 'symlink'],
    ]);
  });

  it('resolves .. after a link from the link target, and loops end in ELOOP', () => {
    const fs = new Volume({ '/a/b/c.txt': 'c', '/a/top.txt': 't' });
    fs.symlink('/a/b', '/l');
    expect(fs.readFile('/l/../top.txt')).toBe('t');
    fs.symlink('/loop2', '/loop1');
    fs.symlink('/loop1', '/loop2');
    expect(errno(() => fs.readFile('/loop1'))).toBe('ELOOP');
    expect(fs.exists('/loop1')).toBe(false);
    fs.symlink('/nowhere', '/dangling');
    expect(fs.exists('/dangling')).toBe(false);
    expect(fs.lstat('/dangling').kind).toBe('symlink');
    expect(errno(() => fs.realpath('/dangling'))).toBe('ENOENT');
  });
});

describe('Volume rename', () => {
  it('moves files and directories and keeps Linux errors', () => {
    const fs = new Volume({ '/a/f': '1', '/b/g': '2', '/e/x': '' });
    fs.mkdir('/empty');
    fs.rename('/a/f', '/b/h');
    expect(fs.readFile('/b/h')).toBe('1');
    fs.rename('/b/h', '/b/g');
    expect(fs.readFile('/b/g')).toBe('1');
    expect(errno(() => fs.rename('/b/g', '/empty'))).toBe('EISDIR');
    expect(errno(() => fs.rename('/a', '/b/g'))).toBe('ENOTDIR');
    expect(errno(() => fs.rename('/a', '/e'))).toBe('ENOTEMPTY');
    expect(errno(() => fs.rename('/b', '/b/sub'))).toBe('EINVAL');
    fs.rename('/b', '/empty');
    expect(fs.readFile('/empty/g')).toBe('1');
  });
});

describe('Volume mounts', () => {
  it('shows a mounted volume, refuses writes on a read-only mount, and binds a subdirectory', () => {
    const container = new Volume({ '/etc/os': 'alpine' });
    const config = new Volume({ '/app.conf': 'x=1' });
    container.mount('/config', config, true);
    expect(container.readFile('/config/app.conf')).toBe('x=1');
    expect(errno(() => container.writeFile('/config/new', ''))).toBe('EROFS');
    expect(errno(() => container.remove('/config/app.conf'))).toBe('EROFS');
    const host = new Volume({ '/data/web/index.html': 'hi' });
    const bind = new Volume();
    bind.mount('/', host, false, '/data');
    container.mount('/usr/share/nginx', bind);
    expect(container.readFile('/usr/share/nginx/web/index.html')).toBe('hi');
    container.writeFile('/usr/share/nginx/web/new.html', 'new');
    expect(host.readFile('/data/web/new.html')).toBe('new');
    expect(container.list('/').map((e) => e.name)).toEqual(['config', 'etc', 'usr']);
    expect(errno(() => container.rename('/etc/os', '/usr/share/nginx/os'))).toBe('EXDEV');
  });
});

describe('Volume limits and permissions', () => {
  it('refuses writes past the capacity with ENOSPC and frees space on remove', () => {
    const fs = new Volume({}, { capacity: 10 });
    fs.writeTo('/a', '12345678');
    expect(errno(() => fs.appendFile('/a', '123'))).toBe('ENOSPC');
    expect(fs.usedBytes()).toBe(8);
    fs.remove('/a');
    expect(fs.usedBytes()).toBe(0);
    fs.writeTo('/b', '1234567890');
  });

  it('checks permissions for a non-root user', () => {
    const root = new Volume({ '/etc/passwd': 'root' });
    root.mkdir('/home/learner');
    root.chown('/home/learner', 1000, 1000);
    root.mkdir('/tmp');
    root.chmod('/tmp', 0o1777);
    root.writeFile('/tmp/roots', '');
    const fs = new Volume({}, { user: LEARNER });
    fs.mount('/', root);
    expect(errno(() => fs.writeFile('/etc/x', ''))).toBe('EACCES');
    expect(errno(() => fs.writeTo('/etc/passwd', ''))).toBe('EACCES');
    expect(errno(() => fs.chmod('/etc/passwd', 0o777))).toBe('EPERM');
    expect(errno(() => fs.remove('/tmp/roots'))).toBe('EPERM');
    fs.writeTo('/home/learner/f', 'mine');
    expect(fs.stat('/home/learner/f')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o644 });
    fs.chmod('/home/learner/f', 0o200);
    expect(errno(() => fs.readFile('/home/learner/f'))).toBe('EACCES');
  });
});

describe('Volume change events', () => {
  it('reports the changed path and its directory', () => {
    const fs = new Volume();
    const seen: string[] = [];
    fs.onChange((path, subtree) => seen.push(`${path}${subtree ? '/**' : ''}`));
    fs.mkdir('/h');
    fs.writeTo('/h/f', 'x');
    fs.rename('/h', '/g');
    expect(seen).toEqual(['/', '/h', '/h', '/h/f', '/', '/h/**', '/', '/g/**']);
  });
});
