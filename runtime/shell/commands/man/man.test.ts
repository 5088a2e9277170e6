// man's command line and messages, as man-db 2.11 prints them (recorded on Debian 12).
import { describe, expect, it } from 'vitest';
import { neverCancelled } from '../../../cancel';
import type { CommandContext, ShellServices } from '../../command';
import { Volume } from '../../fs/volume';
import { stringInput } from '../../process';
import { formatPage, manLineLength } from './format';
import { aproposCommand, man, whatis } from './man-command';
import type { ManBlock } from './page';
import { findPage, MAN_PAGES } from './pages';
import { plainLine } from './styled';

async function run(argv: string[], options: { env?: Record<string, string>; keys?: string; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const command = { man, apropos: aproposCommand, whatis }[argv[0]] ?? man;
  const ctx: CommandContext = {
    argv,
    stdin: stringInput(options.keys ?? ''),
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: options.env ?? {},
    cwd: '/',
    fs: new Volume({}),
    tty: options.tty ? { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {} } : undefined,
    signal: neverCancelled,
    shell: {} as ShellServices,
  };
  const status = await command.run(ctx);
  return { stdout, stderr, status };
}

const plain = (name: string, columns = 80): string =>
  formatPage(findPage(name)!, columns)
    .map((line) => `${plainLine(line)}\n`)
    .join('');

describe('man', () => {
  it('asks which page without one', async () => {
    expect(await run(['man'])).toEqual({
      stdout: '',
      stderr: "What manual page do you want?\nFor example, try 'man man'.\n",
      status: 1,
    });
    expect(await run(['man', '1'])).toEqual({
      stdout: '',
      stderr:
        "No manual entry for 1\n(Alternatively, what manual page do you want from section 1?)\nFor example, try 'man man'.\n",
      status: 1,
    });
  });

  it('says when there is no page (16), as for the shell builtins', async () => {
    expect(await run(['man', 'nosuch'])).toEqual({ stdout: '', stderr: 'No manual entry for nosuch\n', status: 16 });
    expect(await run(['man', 'cd'])).toEqual({ stdout: '', stderr: 'No manual entry for cd\n', status: 16 });
    expect(await run(['man', '9', 'ls'])).toEqual({
      stdout: '',
      stderr: 'No manual entry for ls in section 9\n',
      status: 16,
    });
    expect(await run(['man', '-x'])).toEqual({
      stdout: '',
      stderr: "man: invalid option -- 'x'\nTry 'man --help' or 'man --usage' for more information.\n",
      status: 1,
    });
  });

  it('writes the page plain into a pipe, 78 columns wide unless MANWIDTH or COLUMNS say', async () => {
    const { stdout, status } = await run(['man', 'ls']);
    expect(status).toBe(0);
    expect(stdout).toBe(plain('ls'));
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'LS(1)                            User Commands                           LS(1)',
      '',
      'NAME',
      '       ls - list directory contents',
    ]);
    expect(stdout).not.toContain('\b');
    expect((await run(['man', 'ls'], { env: { MANWIDTH: '60' } })).stdout).toBe(plain('ls', 60));
    expect((await run(['man', 'ls'], { env: { COLUMNS: '100' } })).stdout.split('\n')[0]).toHaveLength(97);
    expect([40, 60, 79, 80, 81, 100, 120, 200].map(manLineLength)).toEqual([38, 58, 77, 78, 78, 97, 117, 195]);
  });

  it('shows several pages, and finds pages by section and other names', async () => {
    expect(await run(['man', 'ls', 'nosuch', 'cat'])).toEqual({
      stdout: plain('ls') + plain('cat'),
      stderr: 'No manual entry for nosuch\n',
      status: 16,
    });
    expect((await run(['man', '5', 'proc'])).stdout.split('\n')[0]).toBe(
      'PROC(5)                          File Formats                          PROC(5)',
    );
    expect((await run(['man', 'vi'])).stdout).toBe(plain('vim'));
    expect((await run(['man', 'awk'])).stdout.split('\n')[0]).toMatch(/^MAWK\(1\) /);
    expect(await run(['man', '-w', 'ls'])).toEqual({ stdout: '/usr/share/man/man1/ls.1.gz\n', stderr: '', status: 0 });
  });

  it('pages through less on a terminal, and ends when it is quit', async () => {
    const { stdout, status } = await run(['man', 'ls'], { tty: true, keys: 'q' });
    expect(status).toBe(0);
    expect(stdout.startsWith('\x1b[?1049h')).toBe(true);
    expect(stdout).toContain('\x1b[1mNAME\x1b[0m');
    expect(stdout).toContain('\x1b[1mls\x1b[0m [\x1b[4mOPTION\x1b[24m]...');
    expect(stdout).toContain('\x1b[7m Manual page ls(1) line 1 (press h for help or q to quit)\x1b[27m');
    expect(stdout.endsWith('\x1b[?1049l')).toBe(true);
  });
});

describe('apropos and whatis', () => {
  it('list the pages whose name or description matches', async () => {
    expect(await run(['man', '-k', 'directory contents'])).toEqual({
      stdout: 'ls (1)               - list directory contents\n',
      stderr: '',
      status: 0,
    });
    expect((await run(['apropos', '^ls$'])).stdout).toBe('ls (1)               - list directory contents\n');
    expect(await run(['apropos', 'zzzq'])).toEqual({ stdout: '', stderr: 'zzzq: nothing appropriate.\n', status: 16 });
    expect(await run(['apropos'])).toEqual({ stdout: '', stderr: 'apropos what?\n', status: 1 });
  });

  it('whatis gives a page its line; found once is success', async () => {
    expect(await run(['whatis', 'ls', 'nosuch'])).toEqual({
      stdout: 'ls (1)               - list directory contents\n',
      stderr: 'nosuch: nothing appropriate.\n',
      status: 0,
    });
    expect(await run(['man', '-f', 'cd'])).toEqual({ stdout: '', stderr: 'cd: nothing appropriate.\n', status: 16 });
    expect(await run(['whatis'])).toEqual({ stdout: '', stderr: 'whatis what?\n', status: 1 });
  });
});

describe('the pages', () => {
  const texts = (block: ManBlock): string[] =>
    typeof block === 'string' ? [block] : 'example' in block ? block.example : [block.tag, block.text];
  it.each(MAN_PAGES.map((page) => [`${page.name}(${page.section})`, page] as const))(
    '%s is plain ASCII with balanced fonts and single spaces',
    (_name, page) => {
      const all = [page.summary, ...page.synopsis, ...page.sections.flatMap((s) => s.blocks.flatMap(texts))];
      for (const text of all) {
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        expect((text.match(/\*\*/g) ?? []).length % 2).toBe(0);
        expect((text.match(/__/g) ?? []).length % 2).toBe(0);
      }
      for (const text of all.filter(
        (t) =>
          !page.sections.some((s) =>
            s.blocks.some((b) => typeof b === 'object' && 'example' in b && b.example.includes(t)),
          ),
      ))
        expect(text).not.toMatch(/ {2}|^ | $/);
    },
  );
});
