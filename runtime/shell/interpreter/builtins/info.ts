// type, let, true, false, :.
import { evaluateArithmetic } from '../arithmetic';
import { arithVariables } from '../expand';
import { BUILTINS } from './index';
import type { Builtin } from './types';

/** Names `type` reports as builtins although they live in the host's command table. */
const COMMAND_BUILTINS = new Set(['echo', 'true', 'false', 'exit', 'history', 'help']);
const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'select',
  'time',
  '{',
  '}',
  '!',
  '[[',
  ']]',
]);

export const type: Builtin = async ({ argv, stdout, stderr, shell }) => {
  let status = 0;
  const flags = argv.slice(1).filter((a) => a.startsWith('-'));
  const terse = flags.includes('-t');
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const alias = shell.state.aliases.get(name);
    let kind: string | undefined;
    let text = '';
    if (alias !== undefined) [kind, text] = ['alias', `${name} is aliased to \`${alias}'`];
    else if (KEYWORDS.has(name)) [kind, text] = ['keyword', `${name} is a shell keyword`];
    else if (shell.state.functions.has(name)) [kind, text] = ['function', `${name} is a function`];
    else if (BUILTINS.has(name) || COMMAND_BUILTINS.has(name)) [kind, text] = ['builtin', `${name} is a shell builtin`];
    else if (shell.runtime.services.commands.has(name)) [kind, text] = ['file', `${name} is /usr/bin/${name}`];
    if (kind === undefined) {
      if (!terse) stderr.write(`${shell.errorPrefix()}type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    stdout.write(`${terse ? kind : text}\n`);
  }
  return status;
};

/** `let expr…`: arithmetic; status 0 when the last value is not 0. */
export const letBuiltin: Builtin = async ({ argv, stderr, shell }) => {
  if (argv.length < 2) {
    stderr.write(`${shell.errorPrefix()}let: expression expected\n`);
    return 1;
  }
  let value = 0n;
  for (const expr of argv.slice(1)) value = evaluateArithmetic(expr, arithVariables(shell.state));
  return value !== 0n ? 0 : 1;
};

export const trueBuiltin: Builtin = async () => 0;
export const falseBuiltin: Builtin = async () => 1;
