// jq's bind step: every call must name a function of that arity in scope, every `$var` a binding,
// every `break $l` a label; else "foo/1 is not defined". jq reports these in its bytecode's order:
// a function body's own instructions first (an index's key before its target, a reduce's init
// before its source), then the bodies it contains — definitions that are used (unused ones are
// dropped unchecked) and the filter arguments of calls to jq-defined functions. Arguments of its
// C builtins are inlined, so they count as the caller's own.
import type { Node, Pattern } from './ast';
import { patternVars } from './destructure';
import type { Diagnostic } from './parser-base';

interface Scope {
  funcs: ReadonlySet<string>;
  vars: ReadonlySet<string>;
  /** Functions the program defines (and parameters): these shadow builtins. */
  own: ReadonlySet<string>;
}

const plus = (set: ReadonlySet<string>, ...names: string[]): Set<string> => new Set([...set, ...names]);

/** Whether `node` calls `key` (name/arity) anywhere: jq keeps a definition only if so. */
function calls(node: Node, key: string): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== 'object') return;
    const o = n as { type?: string; name?: string; args?: unknown[] };
    if (o.type === 'call' && `${o.name}/${o.args?.length}` === key) found = true;
    for (const v of Object.values(o)) if (typeof v === 'object') visit(v);
  };
  visit(node);
  return found;
}

/**
 * Checks `node` against the functions and variables in scope. `inlined` says which builtins take
 * their arguments inline (jq's C functions); other calls' arguments are closures.
 */
export function checkProgram(
  node: Node,
  funcs: ReadonlySet<string>,
  vars: ReadonlySet<string>,
  inlined: (key: string) => boolean,
): Diagnostic[] {
  const problems: Diagnostic[] = [];

  /** One function body: its own instructions now, what it contains afterwards. */
  const body = (n: Node, scope: Scope): void => {
    const later: (() => void)[] = [];
    walk(n, scope, later);
    for (const task of later) task();
  };

  const patterns = (ps: Pattern[], scope: Scope, later: (() => void)[]): Scope => {
    const keys = (p: Pattern): void => {
      if (p.type === 'array') p.elements.forEach(keys);
      if (p.type === 'object')
        for (const e of p.entries) {
          walk(e.key, scope, later);
          if (e.pattern) keys(e.pattern);
        }
    };
    ps.forEach(keys);
    return { ...scope, vars: plus(scope.vars, ...ps.flatMap(patternVars)) };
  };

  const walk = (n: Node, scope: Scope, later: (() => void)[]): void => {
    const go = (child: Node, s: Scope = scope): void => walk(child, s, later);
    switch (n.type) {
      case 'identity':
      case 'literal':
      case 'format':
        return;
      case 'index':
        go(n.key);
        return go(n.target);
      case 'slice':
        go(n.from);
        go(n.to);
        return go(n.target);
      case 'iterate':
        return go(n.target);
      case 'negate':
        return go(n.operand);
      case 'pipe':
      case 'comma':
      case 'binary':
      case 'and':
      case 'or':
      case 'alternative':
        go(n.left);
        return go(n.right);
      case 'assign':
        // `=` and `|=` pass both sides as closures; `op=` evaluates the right side inline.
        if (n.op !== '=' && n.op !== '|=') go(n.right);
        later.push(() => body(n.left, scope));
        if (n.op === '=' || n.op === '|=') later.push(() => body(n.right, scope));
        return;
      case 'if':
        go(n.cond);
        go(n.then);
        return go(n.else);
      case 'try':
        go(n.body);
        if (n.handler) go(n.handler);
        return;
      case 'reduce':
      case 'foreach': {
        go(n.init);
        go(n.source);
        const inner = patterns(n.patterns, scope, later);
        go(n.update, inner);
        if (n.type === 'foreach' && n.extract) go(n.extract, inner);
        return;
      }
      case 'def': {
        const key = `${n.def.name}/${n.def.params.length}`;
        const outer: Scope = { funcs: plus(scope.funcs, key), vars: scope.vars, own: plus(scope.own, key) };
        const params = n.def.params.map((p) => `${p.name}/0`);
        if (calls(n.rest, key))
          later.push(() =>
            body(n.def.body, {
              funcs: plus(outer.funcs, ...params),
              vars: plus(scope.vars, ...n.def.params.filter((p) => p.byValue).map((p) => p.name)),
              own: plus(outer.own, ...params),
            }),
          );
        return go(n.rest, outer);
      }
      case 'call': {
        const key = `${n.name}/${n.args.length}`;
        // jq does not look inside the arguments of a call it cannot resolve.
        if (!scope.funcs.has(key)) return void problems.push({ message: `${key} is not defined`, loc: n.loc });
        for (const arg of n.args) {
          if (!scope.own.has(key) && inlined(key)) go(arg);
          else later.push(() => body(arg, scope));
        }
        return;
      }
      case 'var':
        if (!scope.vars.has(n.name)) problems.push({ message: `$${n.name} is not defined`, loc: n.loc });
        return;
      case 'bind':
        go(n.source);
        return go(n.body, patterns(n.patterns, scope, later));
      case 'label':
        return go(n.body, { ...scope, vars: plus(scope.vars, `*label-${n.name}`) });
      case 'break':
        if (!scope.vars.has(`*label-${n.name}`))
          problems.push({ message: `$*label-${n.name} is not defined`, loc: n.loc });
        return;
      case 'array':
        if (n.body) go(n.body);
        return;
      case 'object':
        for (const e of n.entries) {
          go(e.key);
          go(e.value);
        }
    }
  };

  body(node, { funcs, vars, own: new Set() });
  return problems;
}
