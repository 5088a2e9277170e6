import type { ShellCommand } from '../command';
import { errorText } from '../fs/errors';

/** What `file` (5.44) says about some text. */
function describeText(data: string, executable: boolean): string {
  if (data === '') return 'empty';
  const ascii = ![...data].some((ch) => ch.charCodeAt(0) > 0x7f);
  let kind = ascii ? 'ASCII text' : 'Unicode text, UTF-8 text';
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(data);
  if (shebang) {
    const interpreter = shebang[1].endsWith('/env') ? (shebang[2] ?? '') : (shebang[1].split('/').pop() ?? '');
    const scripts: Record<string, string> = {
      sh: 'POSIX shell script',
      bash: 'Bourne-Again shell script',
      python3: 'Python script',
      python: 'Python script',
    };
    kind = `${scripts[interpreter] ?? `a ${shebang[1]} script`}, ${kind}${executable ? ' executable' : ''}`;
  } else if (/^\s*[{[]/.test(data)) {
    try {
      JSON.parse(data);
      return 'JSON text data';
    } catch {
      // Not JSON after all.
    }
  }
  if (data.includes('\r\n')) kind += ', with CRLF line terminators';
  if (!data.includes('\n')) kind += ', with no line terminators';
  return kind;
}

/** `file`: text, empty, directory, symlink or missing, with names aligned as file prints them. */
export const file: ShellCommand = {
  name: 'file',
  summary: 'determine file type',
  async run({ argv, stdout, stderr, fs, cwd }) {
    const names = argv.slice(1);
    if (names.length === 0) {
      stderr.write(
        'Usage: file [-bcdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n',
      );
      return 1;
    }
    const width = Math.max(...names.map((n) => n.length)) + 1;
    for (const name of names) {
      const path = name.startsWith('/') ? name : `${cwd === '/' ? '' : cwd}/${name}`;
      let what: string;
      try {
        const lst = fs.lstat(path);
        if (lst.kind === 'symlink') what = `symbolic link to ${fs.readlink(path)}`;
        else if (lst.kind === 'directory') what = 'directory';
        else what = describeText(fs.readFile(path), (lst.mode & 0o111) !== 0);
      } catch (error) {
        what = `cannot open \`${name}' (${errorText(error)})`;
      }
      stdout.write(`${`${name}:`.padEnd(width)} ${what}\n`);
    }
    return 0;
  },
};
