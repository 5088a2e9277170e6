import { describe, expect, it } from 'vitest';
import { TestTerminal } from '../../tests/terminal';
import { splitKeys } from './keys';
import { LineEditor, type EditResult } from './line-editor';

function setup(history: string[] = [], cols = 20) {
  const terminal = new TestTerminal(cols, 8);
  const editor = new LineEditor(terminal.write, () => history, cols);
  editor.begin('$ ');
  const type = (data: string): EditResult[] => splitKeys(data).map((key) => editor.key(key));
  return { terminal, editor, type };
}

describe('LineEditor', () => {
  it('echoes typing and submits the line on Enter', async () => {
    const { terminal, type } = setup();
    const results = type('kubectl version\r');
    expect(results.at(-1)).toEqual({ submit: 'kubectl version' });
    expect(await terminal.screen()).toEqual(['$ kubectl version']);
    expect(await terminal.cursor()).toEqual({ x: 0, y: 1 });
  });

  it('inserts and deletes in the middle of the line with arrows, Backspace and Delete', async () => {
    const { terminal, type } = setup();
    type('kubctl  getx');
    type('\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x7f'); // cursor after "kubctl ", remove one space
    type('\x1b[H\x1b[C\x1b[C\x1b[Ce'); // Home, three right, insert the missing e
    type('\x1b[F\x7f'); // End, remove the x
    expect(type('\r').at(-1)).toEqual({ submit: 'kubectl get' });
    expect(await terminal.screen()).toEqual(['$ kubectl get']);
  });

  it('supports the readline control keys: Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-W, Ctrl-Y', async () => {
    const { type } = setup();
    type('get pods -A');
    type('\x17'); // Ctrl-W kills "-A"
    type('\x01\x0b'); // Ctrl-A then Ctrl-K kill the whole line
    type('\x19'); // Ctrl-Y yanks it back
    type('\x05 -w'); // Ctrl-E, append
    type('\x01kubectl \x05');
    expect(type('\r').at(-1)).toEqual({ submit: 'kubectl get pods  -w' });
  });

  it('abandons the line on Ctrl-C, printing ^C', async () => {
    const { terminal, type } = setup();
    expect(type('kubectl get\x03')).toContain('interrupt');
    expect(await terminal.screen()).toEqual(['$ kubectl get^C']);
    expect(await terminal.cursor()).toEqual({ x: 0, y: 1 });
  });

  it('reports EOF on Ctrl-D only when the line is empty', async () => {
    const { type } = setup();
    expect(type('ab\x01\x04')).toEqual(['editing', 'editing', 'editing', 'editing']);
    expect(type('\r').at(-1)).toEqual({ submit: 'b' });
    const other = setup();
    expect(other.type('\x04')).toEqual(['eof']);
  });

  it('clears the screen on Ctrl-L and redraws the prompt with the line', async () => {
    const { terminal, type } = setup();
    terminal.write('old output\r\n');
    type('abc\x0c');
    expect(await terminal.screen()).toEqual(['$ abc']);
  });

  it('walks the history with Up and Down, keeping edits to the new line', async () => {
    const { terminal, type } = setup(['kubectl version', 'help']);
    type('draft');
    type('\x1b[A');
    expect((await terminal.screen()).at(-1)).toBe('$ help');
    type('\x1b[A\x1b[A'); // stops at the oldest
    expect((await terminal.screen()).at(-1)).toBe('$ kubectl version');
    type('\x1b[B\x1b[B');
    expect((await terminal.screen()).at(-1)).toBe('$ draft');
    type('\x1b[A');
    expect(type('\r').at(-1)).toEqual({ submit: 'help' });
  });

  it('wraps long lines and edits across the wrap', async () => {
    const { terminal, type } = setup([], 10);
    type('abcdefghijklmn'); // "$ " + 14 characters on 10 columns
    expect(await terminal.screen()).toEqual(['$ abcdefgh', 'ijklmn']);
    type('\x01X');
    expect(await terminal.screen()).toEqual(['$ Xabcdefg', 'hijklmn']);
    expect(await terminal.cursor()).toEqual({ x: 3, y: 0 });
    type('\x05\x7f\x7f\x7f\x7f\x7f\x7f\x7f');
    expect(await terminal.screen()).toEqual(['$ Xabcdefg']);
    expect(type('\r').at(-1)).toEqual({ submit: 'Xabcdefg' });
    expect(await terminal.cursor()).toEqual({ x: 0, y: 2 });
  });

  it('lays out wide (CJK) characters and combining marks', async () => {
    const { terminal, type } = setup([], 10);
    type('echo 你好'); // 7 + 2 columns: the second character does not fit and wraps whole
    expect(await terminal.screen()).toEqual(['$ echo 你', '好']);
    expect(await terminal.cursor()).toEqual({ x: 2, y: 1 });
    type('\x7fe\u0301'); // exactly fills the row: the cursor settles on the next one
    expect(await terminal.screen()).toEqual(['$ echo 你e\u0301']);
    expect(await terminal.cursor()).toEqual({ x: 0, y: 1 });
    expect(type('\x1b[D\x7f\r').at(-1)).toEqual({ submit: 'echo e\u0301' });
  });
});

describe('LineEditor reverse search (Ctrl-R)', () => {
  it('finds the newest line containing what is typed, Ctrl-R again goes further back, Enter runs it', async () => {
    const { terminal, type } = setup(['kubectl get pods', 'echo one', 'kubectl get nodes'], 60);
    type('\x12get');
    expect(await terminal.screen()).toEqual(["(reverse-i-search)`get': kubectl get nodes"]);
    expect(await terminal.cursor()).toEqual({ x: 33, y: 0 });
    type('\x12');
    expect(await terminal.screen()).toEqual(["(reverse-i-search)`get': kubectl get pods"]);
    expect(type('\r').at(-1)).toEqual({ submit: 'kubectl get pods' });
  });

  it('says when nothing matches, and Backspace shortens the query', async () => {
    const { terminal, type } = setup(['echo one'], 60);
    type('\x12onx');
    expect(await terminal.screen()).toEqual(["(failed reverse-i-search)`onx': echo one"]);
    type('\x7f');
    expect(await terminal.screen()).toEqual(["(reverse-i-search)`on': echo one"]);
  });

  it('leaves the search with the match to edit on another key, or as it was on Ctrl-G', async () => {
    const { terminal, type } = setup(['kubectl get pods'], 60);
    // Ctrl-E ends the search (the match is the line) and then moves to the end, as in readline.
    type('\x12pods\x05');
    expect(await terminal.screen()).toEqual(['$ kubectl get pods']);
    type(' -w');
    expect(type('\r').at(-1)).toEqual({ submit: 'kubectl get pods -w' });
    const second = setup(['kubectl get pods'], 60);
    second.type('draft\x12pods\x07');
    expect(await second.terminal.screen()).toEqual(['$ draft']);
  });
});

describe('LineEditor completion (Tab)', () => {
  function withCompleter(candidates: Record<string, string[]>, cols = 40) {
    const terminal = new TestTerminal(cols, 8);
    const editor = new LineEditor(
      terminal.write,
      () => [],
      cols,
      async (before) => {
        const word = before.split(' ').at(-1) ?? '';
        return { word, candidates: (candidates[before] ?? []).filter((c) => c.startsWith(word)) };
      },
    );
    editor.begin('$ ');
    const type = async (data: string): Promise<void> => {
      for (const key of splitKeys(data)) {
        editor.key(key);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    return { terminal, type };
  }

  it('completes a single candidate with a space, a directory without one', async () => {
    const { terminal, type } = withCompleter({ 'kubectl ver': ['version'], 'cat ma': ['manifests/'] });
    await type('kubectl ver\t');
    expect(await terminal.screen()).toEqual(['$ kubectl version ']);
    await type('\x15cat ma\t');
    expect(await terminal.screen()).toEqual(['$ cat manifests/']);
  });

  it('extends to the common prefix, rings on a Tab that adds nothing, lists on the second', async () => {
    const pods = ['nginx-7d9f8c6b5-abcde', 'nginx-7d9f8c6b5-fghij', 'redis-0'];
    const { terminal, type } = withCompleter(
      {
        'kubectl get pods ng': pods,
        'kubectl get pods nginx-7d9f8c6b5-': pods,
      },
      60,
    );
    await type('kubectl get pods ng\t');
    expect(await terminal.screen()).toEqual(['$ kubectl get pods nginx-7d9f8c6b5-']);
    await type('\t\t');
    expect(await terminal.screen()).toEqual([
      '$ kubectl get pods nginx-7d9f8c6b5-',
      'nginx-7d9f8c6b5-abcde  nginx-7d9f8c6b5-fghij',
      '$ kubectl get pods nginx-7d9f8c6b5-',
    ]);
  });

  it('asks before listing 100 or more, as readline does; n draws the line again', async () => {
    const files = Array.from({ length: 107 }, (_, i) => `f${i + 1}`);
    const { terminal, type } = withCompleter({ 'ls f': files }, 60);
    await type('ls f\t\t');
    expect(await terminal.screen()).toEqual(['$ ls f', 'Display all 107 possibilities? (y or n)']);
    await type('n');
    expect(await terminal.screen()).toEqual(['$ ls f', 'Display all 107 possibilities? (y or n)', '$ ls f']);
  });
});
