// Compound commands: subshells, groups, if, loops, case, (( )) and [[ ]].
import type { Command, List } from '../syntax/ast';
import { evaluateArithmetic } from './arithmetic';
import { evaluateCondition } from './condition';
import { arithVariables, expandPattern, expandString } from './expand';
import type { Interpreter } from './interpreter';
import { matchPattern } from './pattern';
import { BreakSignal, ContinueSignal, ShellError } from './signals';
import type { Fds } from './streams';

type Compound = Exclude<Command, { type: 'simple' | 'function' }>;

/** Runs a compound command on descriptors that already carry its redirections. */
export async function runCompound(shell: Interpreter, command: Compound, fds: Fds): Promise<number> {
  switch (command.type) {
    case 'subshell': {
      const sub = shell.subshell();
      return sub.runProcess(() => sub.runList(command.body, fds), fds);
    }
    case 'group':
      return shell.runList(command.body, fds);
    case 'if':
      for (const clause of command.clauses) {
        if ((await condition(shell, clause.cond, fds)) === 0) return shell.runList(clause.body, fds);
      }
      return command.elseBody ? shell.runList(command.elseBody, fds) : 0;
    case 'while':
      return loop(
        shell,
        async () => ((await condition(shell, command.cond, fds)) === 0) !== command.until,
        command.body,
        fds,
      );
    case 'for': {
      const items = command.items ? await shell.expandToWords(command.items, fds) : [...shell.state.positional];
      let i = 0;
      return loop(
        shell,
        async () => {
          if (i >= items.length) return false;
          if (!shell.state.set(command.name, items[i++])) throw new ShellError(`${command.name}: readonly variable`);
          return true;
        },
        command.body,
        fds,
      );
    }
    case 'arith-for': {
      await arithmetic(shell, command.init, fds);
      let first = true;
      return loop(
        shell,
        async () => {
          if (!first) await arithmetic(shell, command.step, fds);
          first = false;
          return command.cond.text.trim() === '' || (await arithmetic(shell, command.cond, fds)) !== 0n;
        },
        command.body,
        fds,
      );
    }
    case 'case':
      return runCase(shell, command, fds);
    case 'arith':
      return (await arithmetic(shell, command.expr, fds)) !== 0n ? 0 : 1;
    case 'cond':
      return evaluateCondition(shell, command.expr, fds);
  }
}

/** Runs a list as a condition: `set -e` does not apply inside it. */
async function condition(shell: Interpreter, list: List, fds: Fds): Promise<number> {
  shell.conditionDepth++;
  try {
    return await shell.runList(list, fds);
  } finally {
    shell.conditionDepth--;
  }
}

async function arithmetic(
  shell: Interpreter,
  expr: Extract<Command, { type: 'arith' }>['expr'],
  fds: Fds,
): Promise<bigint> {
  const text = await expandString(shell.expansion(fds), expr);
  return evaluateArithmetic(text, arithVariables(shell.state));
}

/** Runs `body` while `next()` says so, handling break and continue. */
async function loop(shell: Interpreter, next: () => Promise<boolean>, body: List, fds: Fds): Promise<number> {
  let status = 0;
  shell.loopDepth++;
  try {
    for (;;) {
      await shell.tick();
      if (!(await next())) break;
      try {
        status = await shell.runList(body, fds);
      } catch (signal) {
        if (signal instanceof BreakSignal) {
          if (signal.status !== undefined) status = signal.status;
          if (--signal.levels > 0) throw signal;
          break;
        }
        if (signal instanceof ContinueSignal) {
          if (--signal.levels > 0) throw signal;
          continue;
        }
        throw signal;
      }
    }
  } finally {
    shell.loopDepth--;
  }
  return status;
}

async function runCase(shell: Interpreter, command: Extract<Command, { type: 'case' }>, fds: Fds): Promise<number> {
  const host = shell.expansion(fds);
  const word = await expandString(host, command.word);
  let status = 0;
  let fallthrough = false;
  for (const item of command.items) {
    let matched = fallthrough;
    for (const pattern of item.patterns) {
      if (matched) break;
      matched = matchPattern(await expandPattern(host, pattern), word);
    }
    if (!matched) continue;
    status = await shell.runList(item.body, fds);
    if (item.terminator === ';;') return status;
    fallthrough = item.terminator === ';&';
  }
  return status;
}
