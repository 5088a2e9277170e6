// more off the terminal and its command line, against what util-linux more printed (recorded on
// Debian 12 with `script` giving it a terminal for stdin, as a shell at a prompt does).
import { describe, expect, it } from 'vitest';
import { neverCancelled } from '../../../cancel';
import type { CommandContext, ShellServices } from '../../command';
import { Volume } from '../../fs/volume';
import { stringInput } from '../../process';
import { more } from '../more-command';
import { MORE_USAGE } from './texts';

async function run(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const fs = new Volume({ '/w/short.txt': '1\n2\n3\n4\n5\n', '/w/two.txt': 'alpha\nbeta\n', '/w/nonl.txt': 'x' });
  fs.mkdir('/w/d');
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    argv: ['more', ...argv],
    stdin: stringInput(options.stdin ?? ''),
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: options.env ?? {},
    cwd: '/w',
    fs,
    signal: neverCancelled,
    shell: {} as ShellServices,
  };
  const status = await more.run(ctx);
  return { stdout, stderr, status };
}

const banner = (name: string): string => `::::::::::::::\n${name}\n::::::::::::::\n`;

describe('more off a terminal', () => {
  it('copies one file as it is', async () => {
    expect(await run(['short.txt'])).toEqual({ stdout: '1\n2\n3\n4\n5\n', stderr: '', status: 0 });
  });

  it('puts a banner before each of several files, even after one without a newline', async () => {
    expect((await run(['short.txt', 'two.txt'])).stdout).toBe(
      `${banner('short.txt')}1\n2\n3\n4\n5\n${banner('two.txt')}alpha\nbeta\n`,
    );
    expect((await run(['nonl.txt', 'short.txt'])).stdout).toBe(
      `${banner('nonl.txt')}x${banner('short.txt')}1\n2\n3\n4\n5\n`,
    );
  });

  it('reports missing files and directories, and still succeeds', async () => {
    expect(await run(['nofile'])).toEqual({
      stdout: '',
      stderr: 'more: cannot open nofile: No such file or directory\n',
      status: 0,
    });
    expect(await run(['d'])).toEqual({ stdout: '\n*** d: directory ***\n\n', stderr: '', status: 0 });
    expect(await run(['short.txt', 'nofile', 'two.txt'])).toEqual({
      stdout: `${banner('short.txt')}1\n2\n3\n4\n5\n${banner('two.txt')}alpha\nbeta\n`,
      stderr: 'more: cannot open nofile: No such file or directory\n',
      status: 0,
    });
  });

  it('copies its standard input without a file', async () => {
    expect(await run([], { stdin: 'hi\n' })).toEqual({ stdout: 'hi\n', stderr: '', status: 0 });
  });
});

describe("more's command line", () => {
  const tryHelp = "Try 'more --help' for more information.\n";
  it.each([
    [['-x'], `more: invalid option -- 'x'\n${tryHelp}`],
    [['-s', 'short.txt', '-x'], `more: invalid option -- 'x'\n${tryHelp}`],
    [['--foo'], `more: unrecognized option '--foo'\n${tryHelp}`],
    [['-n'], `more: option requires an argument -- 'n'\n${tryHelp}`],
    [['-n', 'abc', 'short.txt'], "more: argument error: 'abc'\n"],
    [['--s', 'short.txt'], `more: option '--s' is ambiguous; possibilities: '--silent' '--squeeze'\n${tryHelp}`],
  ])('%j fails', async (argv, stderr) => {
    expect(await run(argv)).toEqual({ stdout: '', stderr, status: 1 });
  });

  it('takes options after files, abbreviated long options, and the MORE variable', async () => {
    expect((await run(['--li', '3', 'short.txt'])).stdout).toBe('1\n2\n3\n4\n5\n');
    expect((await run(['short.txt', '-e'])).stdout).toBe('1\n2\n3\n4\n5\n');
    expect(await run(['short.txt'], { env: { MORE: '-x' } })).toMatchObject({ status: 1 });
  });

  it('prints its help and version', async () => {
    expect(await run(['--help'])).toEqual({ stdout: MORE_USAGE, stderr: '', status: 0 });
    expect(MORE_USAGE.split('\n').slice(0, 6)).toEqual([
      '',
      'Usage:',
      ' more [options] <file>...',
      '',
      'A file perusal filter for CRT viewing.',
      '',
    ]);
    expect(await run(['-V'])).toEqual({ stdout: 'more from util-linux 2.39.3\n', stderr: '', status: 0 });
  });
});
