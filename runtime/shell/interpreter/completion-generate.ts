// The words a completion specification offers for the word being completed, as bash's
// gen_compspec_completions makes them: actions, glob, word list, function and command in that
// order, then the -X filter, then the -P prefix and -S suffix.
import { programPath } from '../commands/which';
import { normalizePath } from '../fs/volume';
import { ParseError } from '../syntax/errors';
import { Parser } from '../syntax/parser';
import type { CompletionSpec } from './completion-spec';
import type { Interpreter } from './interpreter';
import { matchPattern } from './pattern';
import { signalName, MAX_SIGNAL } from './signal-names';
import { arrayKeys } from './state';
import { outputOf, type Fds } from './streams';
import { BUILTINS } from './builtins';

/** bash's reserved words, in its own order (`compgen -k`). */
const KEYWORDS =
  'if then else elif fi case esac for select while until do done in function time { } ! [[ ]] coproc'.split(' ');

/** The completions `spec` makes for `word`, in bash's order. */
export async function generateCompletions(
  shell: Interpreter,
  spec: CompletionSpec,
  word: string,
  fds: Fds,
  command = '',
  previous = '',
): Promise<string[]> {
  let found: string[] = [];
  for (const action of spec.actions) found.push(...actionWords(shell, action, word));
  if (spec.words !== undefined)
    found.push(...(await wordList(shell, spec.words, fds)).filter((w) => w.startsWith(word)));
  if (spec.fn !== undefined) found.push(...(await functionWords(shell, spec.fn, [command, word, previous], fds)));
  if (spec.filter !== undefined) {
    const negate = spec.filter.startsWith('!');
    const pattern = (negate ? spec.filter.slice(1) : spec.filter).replace(/(?<!\\)&/g, word);
    found = found.filter((w) => matchPattern([{ text: pattern, quoted: false }], w) === negate);
  }
  return found.map((w) => `${spec.prefix ?? ''}${w}${spec.suffix ?? ''}`);
}

/** -F's function, called with the command, the word and the word before: its COMPREPLY. */
async function functionWords(shell: Interpreter, fn: string, args: string[], fds: Fds): Promise<string[]> {
  if (!shell.state.functions.has(fn)) {
    outputOf(fds, 2).write(`${shell.errorPrefix()}completion: function \`${fn}' not found\n`);
    return [];
  }
  shell.state.unset('COMPREPLY');
  await shell.invoke([fn, ...args], [], fds);
  const reply = shell.state.vars.get('COMPREPLY');
  if (!reply) return [];
  if (!reply.array) return [reply.value];
  return arrayKeys(reply.array).map((key) => reply.array!.items.get(key) ?? '');
}

/** -W's list: split on IFS outside quotes, each word then expanded (`$x`, quotes removed). */
async function wordList(shell: Interpreter, list: string, fds: Fds): Promise<string[]> {
  const words: string[] = [];
  for (const piece of splitOutsideQuotes(list, shell.state.get('IFS') ?? ' \t\n')) {
    try {
      words.push(await shell.expandToString(new Parser(piece).readWord('all'), fds));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      words.push(piece);
    }
  }
  return words;
}

/** The non-empty pieces of `text` between `ifs` characters that no quote or backslash protects. */
function splitOutsideQuotes(text: string, ifs: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === '' && ifs.includes(ch)) {
      if (current !== '') pieces.push(current);
      current = '';
      continue;
    }
    current += ch;
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) current += text[++i];
    else if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

function actionWords(shell: Interpreter, action: string, word: string): string[] {
  const state = shell.state;
  const starting = (names: Iterable<string>): string[] => [...names].filter((n) => n.startsWith(word));
  const sorted = (names: Iterable<string>): string[] => starting([...names].sort());
  switch (action) {
    case 'alias':
      return sorted(state.aliases.keys());
    case 'builtin':
      return sorted(BUILTINS.keys());
    case 'keyword':
      return starting(KEYWORDS);
    case 'function':
      return sorted(state.functions.keys());
    case 'variable':
      return sorted(state.vars.keys());
    case 'export':
      return sorted([...state.vars].filter(([, v]) => v.exported).map(([n]) => n));
    case 'arrayvar':
      return sorted([...state.vars].filter(([, v]) => v.array).map(([n]) => n));
    case 'signal':
      return starting(
        Array.from({ length: MAX_SIGNAL }, (_, i) => signalName(i + 1))
          .filter((n): n is string => !!n)
          .map((n) => `SIG${n}`),
      );
    case 'command':
      return [
        ...sorted(state.aliases.keys()),
        ...starting(KEYWORDS),
        ...sorted(state.functions.keys()),
        ...sorted(BUILTINS.keys()),
        ...sorted(
          [...shell.runtime.services.commands.keys()].filter((n) => programPath(n, shell.runtime.services.commands)),
        ),
      ];
    case 'file':
    case 'directory':
      return pathWords(shell, word, action === 'directory');
    case 'user':
      return starting(namesIn(shell, '/etc/passwd'));
    case 'group':
      return starting(namesIn(shell, '/etc/group'));
    default:
      return [];
  }
}

/** The paths starting with `word`, as typed (dot files only when asked for). */
function pathWords(shell: Interpreter, word: string, directoriesOnly: boolean): string[] {
  const slash = word.lastIndexOf('/');
  const dir = slash < 0 ? '' : word.slice(0, slash + 1);
  const base = word.slice(slash + 1);
  const path = normalizePath(dir || '.', shell.state.cwd);
  try {
    // As readline lists them: hidden files too (match-hidden-files), `.` and `..` only when typed.
    const entries = shell.fs.list(path).map((e) => ({ name: e.name, directory: e.directory }));
    if (base.startsWith('.')) entries.push({ name: '.', directory: true }, { name: '..', directory: true });
    return entries.filter((e) => e.name.startsWith(base) && (!directoriesOnly || e.directory)).map((e) => dir + e.name);
  } catch {
    return [];
  }
}

function namesIn(shell: Interpreter, path: string): string[] {
  try {
    return shell.fs
      .readFile(path)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(0, line.indexOf(':')));
  } catch {
    return [];
  }
}
