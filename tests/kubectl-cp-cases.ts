// The cases of tests/fixtures/kubectl/cp.json: kubectl cp (and exec to look at what it copied)
// against the scenario of kubectl-scenario.ts (pod `bb`, busybox, in `default`; namespace `dev`),
// run in this order on one scenario, from a working directory holding LOCAL_FILES.

/** The local files the cases start from, by path relative to the working directory. */
export const LOCAL_FILES: Record<string, string> = {
  'hello.txt': 'hello\n',
  'dir/a.txt': 'a\n',
  'dir/sub/b.txt': 'b b\n',
  'ünï.txt': 'ünïcode ✓\n',
};

/** kubectl's arguments, one run each. */
export const CP_CASES: string[][] = [
  ['cp'],
  ['cp', 'hello.txt'],
  ['cp', 'a', 'b', 'c'],
  ['cp', 'hello.txt', 'other.txt'],
  ['cp', 'bb:/a', 'bb:/b'],
  ['cp', ':/a', 'x'],
  ['cp', 'a/b/c:/x', 'y'],
  ['cp', 'hello.txt', 'bb:'],
  ['cp', 'missing.txt', 'bb:/tmp/x'],
  ['cp', 'hello.txt', 'nope:/tmp/x'],
  ['cp', 'hello.txt', 'dev/bb:/tmp/x'],
  // busybox's image here has no /tmp: made first, so tar can change into it.
  ['exec', 'bb', '--', 'mkdir', '/tmp'],
  ['cp', 'hello.txt', 'bb:/tmp/hello.txt'],
  ['exec', 'bb', '--', 'cat', '/tmp/hello.txt'],
  ['cp', 'hello.txt', 'bb:/tmp'],
  ['cp', 'ünï.txt', 'default/bb:/tmp/u.txt'],
  ['exec', 'bb', '--', 'cat', '/tmp/u.txt'],
  ['cp', 'dir', 'bb:/tmp/copied'],
  ['exec', 'bb', '--', 'cat', '/tmp/copied/a.txt', '/tmp/copied/sub/b.txt'],
  ['cp', 'dir', 'bb:/tmp/copied'],
  ['exec', 'bb', '--', 'cat', '/tmp/copied/dir/sub/b.txt'],
  ['cp', 'hello.txt', 'bb:/tmp/np.txt', '--no-preserve'],
  ['cp', 'hello.txt', 'bb:/tmp/c.txt', '-c', 'bb'],
  ['cp', 'hello.txt', 'bb:/tmp/c.txt', '-c', 'nope'],
  ['cp', 'bb:/tmp/hello.txt', 'back.txt'],
  ['cp', 'bb:tmp/hello.txt', 'back2.txt'],
  ['cp', 'bb:/tmp/copied', 'fetched'],
  ['cp', 'bb:/tmp/u.txt', 'fetched/u.txt'],
  ['cp', 'bb:/etc/passwd', 'dir/passwd'],
  ['cp', 'bb:/tmp/missing', 'm.txt'],
  ['cp', 'nope:/tmp/hello.txt', 'x.txt'],
  ['cp', 'bb:/tmp/hello.txt', 'hello.txt/inside'],
];
