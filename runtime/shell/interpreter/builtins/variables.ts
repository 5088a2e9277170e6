// export, unset, local, declare/typeset, readonly.
import { arrayKeys, type ShellArray } from '../state';
import { quoteForTrace } from '../trace';
import type { Builtin, BuiltinContext } from './types';
import { NAME } from './types';

/** `name=value` or `name`: sets (if a value is given) and marks it with `mark`. */
function assignEach(ctx: BuiltinContext, builtin: string, args: string[], mark: (name: string) => void): number {
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq).replace(/\+$/, '');
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(name);
    if (element) {
      unsetElement(ctx, element[1], element[2]);
      continue;
    }
    if (!NAME.test(name)) {
      ctx.stderr.write(`${ctx.shell.errorPrefix()}${builtin}: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    mark(name);
    if (eq >= 0) {
      const append = arg[eq - 1] === '+';
      const value = (append ? (ctx.shell.state.get(name) ?? '') : '') + arg.slice(eq + 1);
      if (!ctx.shell.state.set(name, value)) {
        ctx.stderr.write(`${ctx.shell.errorPrefix()}${name}: readonly variable\n`);
        status = 1;
      }
    }
  }
  return status;
}

/** `declare -x NAME="value"` lines, as `export -p` and `declare -p` print them. */
function describe(ctx: BuiltinContext, names: string[]): void {
  for (const name of names) {
    const v = ctx.shell.state.vars.get(name);
    if (!v) continue;
    const kind = v.array ? (v.array.assoc ? 'A' : 'a') : '';
    const flags = kind + (v.integer ? 'i' : '') + (v.readonly ? 'r' : '') + (v.exported ? 'x' : '') || '-';
    ctx.stdout.write(`declare -${flags} ${name}${v.array ? arrayText(v.array) : `="${quoted(v.value)}"`}\n`);
  }
}

const quoted = (value: string): string => value.replace(/(["\\$`])/g, '\\$1');

/** An array as `declare -p` shows it: `=([0]="x" [1]="y")`; an associative one ends in ` )`. */
function arrayText(array: ShellArray): string {
  const items = arrayKeys(array).map((key) => `[${key}]="${quoted(array.items.get(key) ?? '')}"`);
  if (items.length === 0) return '=()';
  return `=(${items.join(' ')}${array.assoc ? ' ' : ''})`;
}

const sortedNames = (ctx: BuiltinContext, keep: (name: string) => boolean): string[] =>
  [...ctx.shell.state.vars.keys()].filter(keep).sort();

/** `export [-n] [-p] name[=value]…`. */
export const exportBuiltin: Builtin = async (ctx) => {
  let args = ctx.argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    if (args[0] === '-n') unexport = true;
    else if (args[0] !== '-p') {
      ctx.stderr.write(
        `${ctx.shell.errorPrefix()}export: ${args[0].slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`,
      );
      return 2;
    }
    args = args.slice(1);
  }
  if (args.length === 0) {
    describe(
      ctx,
      sortedNames(ctx, (n) => ctx.shell.state.vars.get(n)?.exported === true),
    );
    return 0;
  }
  return assignEach(ctx, 'export', args, (name) => {
    const v = ctx.shell.state.vars.get(name);
    if (v) v.exported = !unexport;
    else if (!unexport) ctx.shell.state.vars.set(name, { value: '', exported: true });
  });
};

/** `unset [-v|-f] name…`. */
export const unset: Builtin = async (ctx) => {
  let args = ctx.argv.slice(1);
  let functions = false;
  while (args[0] === '-v' || args[0] === '-f') {
    functions = args[0] === '-f';
    args = args.slice(1);
  }
  let status = 0;
  for (const name of args) {
    if (functions) {
      ctx.shell.state.functions.delete(name);
      continue;
    }
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(name);
    if (element) {
      unsetElement(ctx, element[1], element[2]);
      continue;
    }
    if (!NAME.test(name)) {
      // Plain `unset` silently skips names it could not hold; `unset -v` complains.
      if (ctx.argv.includes('-v')) {
        ctx.stderr.write(`${ctx.shell.errorPrefix()}unset: \`${name}': not a valid identifier\n`);
        status = 1;
      }
    } else if (!ctx.shell.state.unset(name)) {
      ctx.stderr.write(`${ctx.shell.errorPrefix()}unset: ${name}: cannot unset: readonly variable\n`);
      status = 1;
    } else if (!ctx.shell.state.vars.has(name)) ctx.shell.state.functions.delete(name);
  }
  return status;
};

/** `unset 'a[i]'`: one element (`a[@]` or `a[*]`: the whole array). */
function unsetElement(ctx: BuiltinContext, name: string, subscript: string): void {
  const state = ctx.shell.state;
  const array = state.vars.get(name)?.array;
  if (subscript === '@' || subscript === '*') {
    state.unset(name);
    return;
  }
  if (!array) {
    if (subscript === '0') state.unset(name);
    return;
  }
  const keys = arrayKeys(array);
  let key = subscript;
  if (!array.assoc) {
    const index = Number(subscript);
    key = String(index < 0 && keys.length > 0 ? index + Number(keys[keys.length - 1]) + 1 : index);
  }
  array.items.delete(key);
}

/** `local name[=value]…`: only inside a function. */
export const local: Builtin = async (ctx) => {
  if (ctx.shell.functionDepth === 0) {
    ctx.stderr.write(`${ctx.shell.errorPrefix()}local: can only be used in a function\n`);
    return 1;
  }
  const args = ctx.argv.slice(1).filter((a) => !/^-[a-z]+$/.test(a));
  return assignEach(ctx, 'local', args, (name) => {
    ctx.shell.state.makeLocal(name);
    if (!ctx.shell.state.vars.has(name)) ctx.shell.state.vars.set(name, { value: '', exported: false });
  });
};

/** `declare`/`typeset`: -x export, -r read-only, -i integer, -p print; inside a function, local. */
export const declare: Builtin = async (ctx) => {
  const flags = new Set<string>();
  let args = ctx.argv.slice(1);
  while (/^[-+][a-zA-Z]+$/.test(args[0] ?? '')) {
    for (const f of args[0].slice(1)) flags.add(args[0][0] === '+' ? `+${f}` : f);
    args = args.slice(1);
  }
  const state = ctx.shell.state;
  if (flags.has('f') || flags.has('F')) {
    for (const name of args.length ? args : [...state.functions.keys()].sort())
      if (state.functions.has(name)) ctx.stdout.write(`declare -f ${name}\n`);
    return 0;
  }
  if (flags.has('p') || args.length === 0) {
    const names = args.length ? args : sortedNames(ctx, () => true);
    let status = 0;
    for (const name of names) {
      if (!state.vars.has(name)) {
        ctx.stderr.write(`${ctx.shell.errorPrefix()}declare: ${name}: not found\n`);
        status = 1;
      } else describe(ctx, [name]);
    }
    return status;
  }
  const marked: string[] = [];
  const status = assignEach(ctx, ctx.argv[0], args, (name) => {
    if (ctx.shell.functionDepth > 0 && !flags.has('g')) state.makeLocal(name);
    let v = state.vars.get(name);
    if (!v) state.vars.set(name, (v = { value: '', exported: false }));
    if (flags.has('x')) v.exported = true;
    if (flags.has('+x')) v.exported = false;
    if (flags.has('i')) v.integer = true;
    if ((flags.has('a') || flags.has('A')) && !v.array) v.array = { assoc: flags.has('A'), items: new Map() };
    marked.push(name);
  });
  // Read-only comes last, so that `declare -r x=1` can still give x its value.
  if (flags.has('r')) for (const name of marked) state.vars.get(name)!.readonly = true;
  return status;
};

/** `readonly name[=value]…`. */
export const readonly: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const name of sortedNames(ctx, (n) => ctx.shell.state.vars.get(n)?.readonly === true)) {
      ctx.stdout.write(`declare -r ${name}=${quoteForTrace(ctx.shell.state.get(name) ?? '')}\n`);
    }
    return 0;
  }
  const marked: string[] = [];
  const status = assignEach(ctx, 'readonly', args, (name) => {
    if (!ctx.shell.state.vars.has(name)) ctx.shell.state.vars.set(name, { value: '', exported: false });
    marked.push(name);
  });
  for (const name of marked) ctx.shell.state.vars.get(name)!.readonly = true;
  return status;
};
