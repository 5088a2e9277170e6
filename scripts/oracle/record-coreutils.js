// Re-records tests/fixtures/coreutils/results.json: each case below run by the real GNU program
// (coreutils 9.1, grep 3.8 on Debian 12) in a fresh temporary directory holding FILES, with
// LANG=C.UTF-8, TZ=UTC, umask 022 and an empty stdin unless the case gives one. Recorded: stdout,
// stderr, exit status, and for cases marked `tree` the directory's contents afterwards.
// tests/coreutils-oracle.test.ts replays each case through kubeplay's command over a Volume holding
// the same files and requires the same.
//
// Normalised (so that runs on other machines agree): the temporary directory's path becomes
// /home/learner/t; in `ls -l` lines the owner and group `root` (the recorder runs as root) become
// `learner`. Every file and directory gets the fixed mtime MTIME (old.txt: OLD_MTIME), and the
// replay's clock shows NOW, so `ls -l` dates do not depend on when this ran.
//   node scripts/oracle/record-coreutils.js
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lutimesSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  lstatSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MTIME = Date.UTC(2026, 10, 1, 12, 0, 0);
export const OLD_MTIME = Date.UTC(2025, 0, 15, 9, 30, 0);
export const NOW = Date.UTC(2026, 10, 29, 7, 21, 11);

const lines = (n) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

/** The files of every case's directory: text, or { link } for a symlink, or { mode, data }. */
export const FILES = {
  'a.txt': 'apple\nbanana\ncherry\n',
  'b.txt': 'one\ntwo\nthree\nfour\n',
  'nums.txt': '10\n2\n33\n2\n-5\n1.5\n0\n',
  'words.txt': 'the quick brown fox\njumps over\nthe lazy dog\n\n\n\nend',
  'csv.txt': 'name,age,city\nalice,30,paris\nbob,25,berlin\ncarol,35,rome\n',
  'pod.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n    ports:\n    - containerPort: 80\n',
  'dup.txt': 'a\na\nb\nc\nc\nc\nA\na\n',
  'sizes.txt': '1K\n10M\n2G\n512\n1.5K\n3M\n',
  'table.txt': 'web 3 nginx\napi 10 node\ndb 1 postgres\ncache 2 redis\n',
  'tabs.txt': 'a\tb\tc\n1\t2\t3\nno tabs here\n',
  'ctrl.txt': 'bell\x07 del\x7f tab\t end\n',
  empty: '',
  'long.txt': lines(30),
  'long2.txt': lines(30)
    .replace('line 3\n', '')
    .replace('line 15\n', 'line fifteen\n')
    .replace('line 20\n', 'line 20\nextra\n'),
  'space name.txt': 'spaced\n',
  'unicode.txt': 'héllo wörld\n日本語 text\n',
  'old.txt': 'old\n',
  'run.sh': { mode: 0o755, data: '#!/bin/sh\necho hi\n' },
  'dir/one.txt': 'one\n',
  'dir/sub/two.txt': 'two\nTwo\n',
  'dir/.hidden': 'secret\n',
  'emptydir/': null,
  'link.txt': { link: 'a.txt' },
  dirlink: { link: 'dir' },
  broken: { link: 'nowhere' },
};

const c = (cmd, extra = {}) => ({ argv: Array.isArray(cmd) ? cmd : cmd.split(' '), ...extra });

/** The cases: argv, optional stdin, `tree` to record the directory afterwards. */
export const CASES = [
  // cat
  c('cat a.txt'),
  c('cat a.txt b.txt'),
  c('cat -n words.txt'),
  c('cat -b words.txt'),
  c('cat -s words.txt'),
  c('cat -A tabs.txt'),
  c('cat -E a.txt'),
  c('cat -T tabs.txt'),
  c('cat -v ctrl.txt'),
  c('cat -A ctrl.txt'),
  c('cat nope'),
  c('cat dir'),
  c('cat a.txt nope b.txt'),
  c('cat -z'),
  c('cat --bogus'),
  c('cat', { stdin: 'from stdin\n' }),
  c('cat - a.txt', { stdin: 'first\n' }),
  c('cat -n a.txt b.txt'),
  c(['cat', 'space name.txt']),
  c('cat link.txt'),
  c('cat unicode.txt'),
  c('cat -A unicode.txt'),
  c('cat --number a.txt'),
  c('cat -- a.txt'),
  c('cat broken'),
  c('cat --num a.txt'),
  c('cat --number=3 a.txt'),
  // head
  c('head long.txt'),
  c('head -n 3 long.txt'),
  c('head -3 long.txt'),
  c('head -n -27 long.txt'),
  c('head -c 10 a.txt'),
  c('head -c -5 a.txt'),
  c('head -n 2 a.txt b.txt'),
  c('head -q -n 1 a.txt b.txt'),
  c('head -v -n 1 a.txt'),
  c('head nope'),
  c('head -n x a.txt'),
  c('head -n'),
  c('head --lines'),
  c('head -n 2', { stdin: 'x\ny\nz\n' }),
  c('head -n 1 a.txt nope b.txt'),
  c('head -c 3 unicode.txt'),
  c('head --lines=2 a.txt'),
  c('head -n 0 a.txt'),
  c('head dir'),
  // tail
  c('tail long.txt'),
  c('tail -n 3 long.txt'),
  c('tail -3 long.txt'),
  c('tail -n +28 long.txt'),
  c('tail -c 7 a.txt'),
  c('tail -n 1 a.txt b.txt'),
  c('tail nope'),
  c('tail -n 2', { stdin: 'x\ny\nz\n' }),
  c('tail -c +3 a.txt'),
  c('tail -n x a.txt'),
  c('tail -q -n 1 a.txt b.txt'),
  c('tail -n 0 a.txt'),
  c('tail words.txt'),
  c('tail -n 1 words.txt'),
  c('tail +29 long.txt'),
  c('tail --bogus'),
  // wc
  c('wc a.txt'),
  c('wc -l a.txt'),
  c('wc -w words.txt'),
  c('wc -c a.txt'),
  c('wc -m unicode.txt'),
  c('wc -c unicode.txt'),
  c('wc a.txt b.txt'),
  c('wc -l a.txt b.txt long.txt'),
  c('wc', { stdin: 'one two\nthree\n' }),
  c('wc -l', { stdin: 'a\nb\n' }),
  c('wc nope'),
  c('wc a.txt nope'),
  c('wc -L words.txt'),
  c('wc empty'),
  c('wc -lw long.txt'),
  c('wc dir'),
  c('wc --total=only a.txt b.txt'),
  c('wc words.txt'),
  // grep
  c('grep an a.txt'),
  c('grep -i APPLE a.txt'),
  c('grep -v an a.txt'),
  c('grep -n e a.txt'),
  c('grep -c e a.txt'),
  c('grep -o an a.txt'),
  c('grep nope-pattern a.txt'),
  c('grep x nope'),
  c('grep -E ^(a|c) a.txt'),
  c('grep ^\\(a\\|c\\) a.txt'),
  c('grep -F a.b a.txt'),
  c('grep -w the words.txt'),
  c('grep -x apple a.txt'),
  c('grep -l e a.txt b.txt nums.txt'),
  c('grep -L e a.txt b.txt nums.txt'),
  c('grep -h e a.txt b.txt'),
  c('grep -H an a.txt'),
  c('grep -q an a.txt'),
  c('grep -q zz a.txt'),
  c('grep -r two dir'),
  c('grep name pod.yaml'),
  c('grep -A 1 labels pod.yaml'),
  c('grep -B 1 image pod.yaml'),
  c('grep -C 1 kind pod.yaml'),
  c('grep -e apple -e cherry a.txt'),
  c('grep'),
  c('grep -z'),
  c('grep e a.txt b.txt'),
  c('grep -n name pod.yaml'),
  c('grep [[:digit:]] csv.txt'),
  c('grep -E [0-9]{2} nums.txt'),
  c('grep a\\+ dup.txt'),
  c('grep -E a+ dup.txt'),
  c('grep an', { stdin: 'banana\nkiwi\n' }),
  c('grep -c a', { stdin: 'a\nb\na\n' }),
  c('grep -vc e a.txt'),
  c('grep -m 1 a a.txt'),
  c('grep an dir'),
  c('grep -s x nope'),
  c('grep -in Two dir/sub/two.txt'),
  c('grep -ow an a.txt'),
  c('grep -E (un a.txt'),
  c('grep \\(un a.txt'),
  c('grep -E colou?r', { stdin: 'color\ncolour\ncolr\n' }),
  // sort
  c('sort b.txt'),
  c('sort -r b.txt'),
  c('sort -n nums.txt'),
  c('sort nums.txt'),
  c('sort -rn nums.txt'),
  c('sort -u dup.txt'),
  c('sort -h sizes.txt'),
  c('sort -k2 -n table.txt'),
  c('sort -k2,2n -r table.txt'),
  c('sort -t , -k2 csv.txt'),
  c('sort -t , -k 3 csv.txt'),
  c('sort -f dup.txt'),
  c('sort dup.txt'),
  c('sort -k3 table.txt'),
  c('sort nope'),
  c('sort', { stdin: 'b\na\nc\n' }),
  c('sort a.txt b.txt'),
  c('sort -n -u nums.txt'),
  c('sort --bogus'),
  c('sort -k 0 a.txt'),
  // uniq
  c('uniq dup.txt'),
  c('uniq -c dup.txt'),
  c('uniq -d dup.txt'),
  c('uniq -u dup.txt'),
  c('uniq -i dup.txt'),
  c('uniq -ic dup.txt'),
  c('uniq nope'),
  c('uniq', { stdin: 'x\nx\ny\n' }),
  c('uniq -D dup.txt'),
  // cut
  c('cut -d , -f 1 csv.txt'),
  c('cut -d , -f 1,3 csv.txt'),
  c('cut -d , -f 2- csv.txt'),
  c('cut -c 1-3 a.txt'),
  c('cut -f 2 tabs.txt'),
  c('cut -s -f 2 tabs.txt'),
  c('cut -b 2 a.txt'),
  c('cut a.txt'),
  c('cut -f 1 -c 1 a.txt'),
  c('cut -d , -f 2 --complement csv.txt'),
  c('cut -d: -f1', { stdin: 'root:x:0\nlearner:x:1000\n' }),
  c('cut -f 0 a.txt'),
  c('cut -c -2 a.txt'),
  c('cut -d , -f 1 --output-delimiter=| csv.txt'),
  c('cut -d ab -f 1 a.txt'),
  // tr
  c('tr a-z A-Z', { stdin: 'hello world\n' }),
  c('tr -d aeiou', { stdin: 'hello world\n' }),
  c('tr -s " "', { stdin: 'a   b  c\n' }),
  c(['tr', '-s', ' '], { stdin: 'a   b  c\n' }),
  c('tr [:lower:] [:upper:]', { stdin: 'Mixed Case\n' }),
  c('tr -d [:digit:]', { stdin: 'a1b2c3\n' }),
  c(['tr', '\\n', ' '], { stdin: 'a\nb\nc\n' }),
  c('tr -c [:alnum:] _', { stdin: 'a-b c!\n' }),
  c('tr abc', { stdin: 'x' }),
  c('tr'),
  c('tr -cd [:alpha:]', { stdin: 'a1 b2\n' }),
  c('tr abc xy', { stdin: 'aabbcc\n' }),
  c('tr -s a-z', { stdin: 'aabbccdd  ee\n' }),
  c('tr z-a x', { stdin: 'q' }),
  c('tr -d a b c', { stdin: 'q' }),
  // tee
  c('tee out.txt', { stdin: 'teed\n', tree: true }),
  c('tee -a a.txt', { stdin: 'more\n', tree: true }),
  c('tee dir', { stdin: 'x\n' }),
  c('tee', { stdin: 'just stdout\n' }),
  // mkdir, rmdir, rm
  c('mkdir newdir', { tree: true }),
  c('mkdir -p x/y/z', { tree: true }),
  c('mkdir -v m1 m2', { tree: true }),
  c('mkdir -pv p/q', { tree: true }),
  c('mkdir dir'),
  c('mkdir a/b'),
  c('mkdir'),
  c('mkdir -p a.txt/x'),
  c('mkdir -m 700 priv', { tree: true }),
  c('rmdir emptydir', { tree: true }),
  c('rmdir dir'),
  c('rmdir nope'),
  c('rmdir a.txt'),
  c('rmdir'),
  c('rmdir -v emptydir', { tree: true }),
  c('rm a.txt', { tree: true }),
  c('rm nope'),
  c('rm -f nope'),
  c('rm dir'),
  c('rm -r dir', { tree: true }),
  c('rm -rv dir', { tree: true }),
  c('rm'),
  c('rm -f'),
  c('rm -v a.txt b.txt', { tree: true }),
  c('rm link.txt', { tree: true }),
  c('rm -d emptydir', { tree: true }),
  c('rm -r .'),
  c('rm -rf dir nope', { tree: true }),
  // cp, mv
  c('cp a.txt copy.txt', { tree: true }),
  c('cp a.txt dir', { tree: true }),
  c('cp dir d2'),
  c('cp -r dir d2', { tree: true }),
  c('cp nope x'),
  c('cp'),
  c('cp a.txt'),
  c('cp a.txt a.txt'),
  c('cp -v a.txt b.txt dir', { tree: true }),
  c('cp a.txt b.txt nums.txt'),
  c('cp run.sh r2.sh', { tree: true }),
  c('cp -r dir dir/sub'),
  c('cp a.txt b.txt', { tree: true }),
  c('mv a.txt moved.txt', { tree: true }),
  c('mv a.txt dir', { tree: true }),
  c('mv -v dir d3', { tree: true }),
  c('mv nope x'),
  c('mv'),
  c('mv a.txt'),
  c('mv a.txt a.txt'),
  c('mv dir dir/sub'),
  c('mv a.txt emptydir/', { tree: true }),
  c('mv a.txt b.txt nums.txt'),
  c('mv a.txt dirlink', { tree: true }),
  // touch, ln, chmod
  c('touch newfile', { tree: true }),
  c('touch nope/x'),
  c('touch'),
  c('touch -c ghost', { tree: true }),
  c('ln -s a.txt l2', { tree: true }),
  c('ln -s a.txt link.txt'),
  c('ln -sv a.txt l3', { tree: true }),
  c('ln'),
  c('ln -s dir/one.txt', { tree: true }),
  c('ln -sf b.txt link.txt', { tree: true }),
  c('ln -s /etc/hostname dir', { tree: true }),
  c('chmod 600 a.txt', { tree: true }),
  c('chmod u+x a.txt', { tree: true }),
  c('chmod go-r a.txt', { tree: true }),
  c('chmod -x run.sh', { tree: true }),
  c('chmod +x a.txt', { tree: true }),
  c('chmod a=r a.txt', { tree: true }),
  c('chmod -v 640 a.txt'),
  c('chmod -v 644 a.txt'),
  c('chmod bad a.txt'),
  c('chmod 644 nope'),
  c('chmod'),
  c('chmod 644'),
  c('chmod -R 700 dir', { tree: true }),
  c('chmod u=rwx,g=rx,o= a.txt', { tree: true }),
  c('chmod -c 644 a.txt b.txt'),
  c('chmod 1777 emptydir', { tree: true }),
  // ls
  c('ls'),
  c('ls -a'),
  c('ls -A'),
  c('ls dir'),
  c('ls -R dir'),
  c('ls -1'),
  c('ls nope'),
  c('ls a.txt nope'),
  c('ls -d dir'),
  c('ls -F'),
  c('ls -p'),
  c('ls -r'),
  c('ls -S'),
  c('ls -l'),
  c('ls -la dir'),
  c('ls -l a.txt'),
  c('ls -lh'),
  c('ls -ld dir'),
  c('ls -l link.txt'),
  c('ls -l dirlink'),
  c('ls dirlink'),
  c('ls -lS'),
  c('ls -lt'),
  c('ls -ltr'),
  c('ls -z'),
  c('ls --bogus'),
  c('ls -C', { env: { COLUMNS: '80' } }),
  c('ls -C', { env: { COLUMNS: '40' } }),
  c('ls -x', { env: { COLUMNS: '60' } }),
  c('ls a.txt b.txt dir emptydir'),
  c('ls -lR dir'),
  c('ls -lA dir'),
  c('ls emptydir'),
  c('ls -l old.txt'),
  c('ls -ln a.txt'),
  c('ls -lo a.txt'),
  c('ls -lg a.txt'),
  c('ls --format=long a.txt'),
  // basename, dirname, realpath, seq, base64, date, env
  c('basename /a/b/c.txt'),
  c('basename /a/b/c.txt .txt'),
  c('basename -s .txt a.txt b.txt'),
  c('basename -a x/y z/w'),
  c('basename'),
  c('basename a b c'),
  c('basename /'),
  c('basename a/b/'),
  c('dirname /a/b/c'),
  c('dirname a'),
  c('dirname /'),
  c('dirname a/b/ c/d'),
  c('dirname'),
  c('dirname //x'),
  c('realpath a.txt'),
  c('realpath link.txt'),
  c('realpath dir/../b.txt'),
  c('realpath nope'),
  c('realpath nope/x'),
  c('realpath -e nope'),
  c('realpath -m nope/x/../y'),
  c('realpath dirlink/sub'),
  c('realpath'),
  c('realpath broken'),
  c('seq 3'),
  c('seq 2 5'),
  c('seq 1 2 9'),
  c('seq 5 1'),
  c('seq 5 -1 1'),
  c('seq -s , 4'),
  c('seq -w 8 11'),
  c('seq 1.5 0.5 3'),
  c('seq'),
  c('seq x'),
  c('seq 1 2 3 4'),
  c('seq 0'),
  c('seq -3 -1'),
  c('seq 1 0 3'),
  c('seq -f %03g 3'),
  c('seq 10 -3 1'),
  c('base64 a.txt'),
  c('base64', { stdin: 'hello\n' }),
  c('base64 -d', { stdin: 'aGVsbG8K\n' }),
  c('base64 -d', { stdin: '!!!\n' }),
  c('base64 -w 8 pod.yaml'),
  c('base64 -w 0 a.txt'),
  c('base64 nope'),
  c('base64 a.txt b.txt'),
  c('base64 unicode.txt'),
  c('base64 -d', { stdin: 'aGk=\n' }),
  c('date -d @0'),
  c(['date', '-d', '2024-01-02 03:04:05']),
  c(['date', '-d', '2024-01-02 03:04:05', '+%Y-%m-%d %H:%M:%S']),
  c(['date', '-u', '-d', '@1700000000', '+%s %a %A %b %B %d %e %j %p %I %y %Z %z %:z %F %T %D %R %u %w']),
  c('date -d bogus'),
  c('date -x'),
  c('date -d @86400 -I'),
  c('date -d @86400 -R'),
  c('date -d @0 +%%%n'),
  c('date -d @1 x'),
  c(['date', '-d', '@1700000000', '+%-d %_H %05Y %^a']),
  // find, xargs, which, stat, du, file, diff
  c('find dir -name one.txt'),
  c('find emptydir'),
  c('find dir/sub'),
  c('find nope'),
  c('find . -bogus'),
  c('find . -maxdepth'),
  c('find . -type x'),
  c('find . -name'),
  c('find dir -type d -name sub'),
  c('find . -maxdepth 1 -name *.yaml'),
  c('find dir/sub -type f'),
  c('find . -maxdepth 0'),
  c('find dir -iname ONE.TXT'),
  c('find . -name run.sh -type f'),
  c('xargs', { stdin: 'a b\nc\n' }),
  c('xargs -n 1', { stdin: 'a b c\n' }),
  c('xargs echo hi', { stdin: 'x y\n' }),
  c('xargs', { stdin: "a 'b c' d\\ e\n" }),
  c('xargs nope', { stdin: 'x\n' }),
  c('xargs -I {} echo [{}]', { stdin: 'one\ntwo\n' }),
  c('xargs cat', { stdin: 'a.txt b.txt\n' }),
  c('xargs -z'),
  c('xargs', { stdin: '' }),
  c('xargs -r echo x', { stdin: '' }),
  c('xargs', { stdin: "it's\n" }),
  c('xargs -n 2 echo', { stdin: '1 2 3 4 5\n' }),
  c('xargs -0 echo', { stdin: 'a b\0c\0' }),
  c('xargs cat', { stdin: 'nope\n' }),
  c('which ls'),
  c('which cat grep'),
  c('which nope'),
  c('which ls nope'),
  c('stat -c %n:%s:%a:%A:%F a.txt'),
  c('stat -c %s dir'),
  c(['stat', '-c', '%n %F %h', 'dir', 'empty', 'link.txt']),
  c('stat -c %y a.txt'),
  c('stat -c %Y old.txt'),
  c('stat nope'),
  c('stat'),
  c('stat -L -c %F link.txt'),
  c('stat -c %N link.txt'),
  c('du -s dir'),
  c('du -sh dir'),
  c('du a.txt'),
  c('du -s emptydir'),
  c('du nope'),
  c('du -sc dir emptydir'),
  c('du -a dir/sub'),
  c('file a.txt'),
  c('file empty dir'),
  c('file run.sh'),
  c('file unicode.txt'),
  c('file words.txt'),
  c('file link.txt'),
  c('file nope a.txt'),
  c('diff a.txt b.txt'),
  c('diff a.txt a.txt'),
  c('diff -u a.txt b.txt'),
  c('diff -q a.txt b.txt'),
  c('diff a.txt nope'),
  c('diff a.txt'),
  c('diff long.txt -', { stdin: lines(30).replace('line 15\n', 'line fifteen\n') }),
  c('diff -u words.txt a.txt'),
  c('diff -u long.txt long2.txt'),
  c('diff long.txt long2.txt'),
  c('diff -U 0 long.txt long2.txt'),
  c('diff long2.txt long.txt'),
  c('diff -u b.txt a.txt'),
  c('diff -s b.txt b.txt'),
  c('diff -U 1 long.txt long2.txt'),
  c('diff -U 2 long.txt long2.txt'),
  c(['diff', '-u', 'long.txt', 'long2.txt', '--label']),
  c(['diff', '-u', '--label', 'old', '--label', 'new', 'a.txt', 'b.txt']),
  c('diff -U x a.txt b.txt'),
  c('diff a.txt b.txt c.txt'),
  c('diff dup.txt -', { stdin: 'a\nb\nc\nd\n' }),
  c('diff -u empty a.txt'),
  // --help and --version print GNU's texts
  ...[
    'cat',
    'ls',
    'grep',
    'sort',
    'head',
    'tail',
    'wc',
    'cut',
    'tr',
    'mkdir',
    'rm',
    'cp',
    'chmod',
    'seq',
    'date',
    'base64',
    'diff',
    'xargs',
  ].map((n) => c([n, '--help'])),
  ...['cat', 'ls', 'grep', 'wc', 'rm'].map((n) => c([n, '--version'])),
  c('ls --he'),
  c('cat -z --help'),
  c('env', { env: { FOO: 'bar' } }),
  c('env -z'),
  c('env -u HOME', { env: { A: '1' } }),
  c('env -i'),
  c('env -i X=1'),
];

/** An `ls -l` line's owner and group as the learner's: `root root`, `root` (-o/-g), `0 0` (-n). */
const LS_LINE = /^([-dlcbps][-rwxsStT]{9}[.+]? +\d+ )(root( +)root |0( +)0 |root )/;
const asLearner = (line) =>
  line.replace(
    LS_LINE,
    (_, head, owner, rootPad, zeroPad) =>
      head +
      (rootPad !== undefined
        ? `learner${rootPad}learner `
        : zeroPad !== undefined
          ? `1000${zeroPad}1000 `
          : 'learner '),
  );

function tree(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.push(`l ${path} -> ${readlinkSync(join(dir, path))}`);
      else if (st.isDirectory()) {
        out.push(`d ${mode} ${path}`);
        walk(path);
      } else out.push(`f ${mode} ${path} ${JSON.stringify(readFileSync(join(dir, path), 'utf8'))}`);
    }
  };
  walk('');
  return out;
}

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-coreutils-'));
  for (const [path, content] of Object.entries(FILES)) {
    const full = join(dir, path);
    if (content === null) mkdirSync(full, { recursive: true });
    else if (typeof content === 'object' && content.link) symlinkSync(content.link, full);
    else {
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, typeof content === 'string' ? content : content.data);
      chmodSync(full, typeof content === 'string' ? 0o644 : content.mode);
    }
  }
  // Fixed mtimes, deepest first so that directories keep theirs.
  const all = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(dir, path)).isDirectory()) walk(path);
      all.push(path);
    }
  };
  walk('');
  for (const path of all) {
    const t = (path === 'old.txt' ? OLD_MTIME : MTIME) / 1000;
    if (lstatSync(join(dir, path)).isSymbolicLink()) lutimesSync(join(dir, path), t, t);
    else utimesSync(join(dir, path), t, t);
  }
  chmodSync(dir, 0o755);
  utimesSync(dir, MTIME / 1000, MTIME / 1000);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.umask(0o022);
  const results = CASES.map((testCase) => {
    const dir = setUp();
    const env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      HOME: '/home/learner',
      USER: 'learner',
      ...testCase.env,
    };
    const run = spawnSync(testCase.argv[0], testCase.argv.slice(1), {
      cwd: dir,
      encoding: 'utf8',
      input: testCase.stdin ?? '',
      env,
    });
    const norm = (text) => text.split(dir).join('/home/learner/t').split('\n').map(asLearner).join('\n');
    const result = { ...testCase, env, stdout: norm(run.stdout), stderr: norm(run.stderr), exitCode: run.status };
    if (testCase.tree) result.tree = tree(dir);
    rmSync(dir, { recursive: true, force: true });
    return result;
  });
  const out = new URL('../../tests/fixtures/coreutils/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    new URL('results.json', out),
    `${JSON.stringify({ files: FILES, mtime: MTIME, oldMtime: OLD_MTIME, now: NOW, cases: results }, null, 1)}\n`,
  );
  console.log(`coreutils: ${results.length} cases recorded`);
}
