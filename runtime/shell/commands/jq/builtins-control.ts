// Builtins that take filters rather than values: path(f), getpath, the generators range, while,
// until and repeat (loops here, where jq recurses with tail calls), streaming helpers, and the
// ones that talk to the process (input, debug, stderr, halt).
import type { Node } from './ast';
import { cfunction } from './builtins-values';
import { Halt, withValue, type Emit, type Env, type Item, type Native } from './eval-types';
import type { Interpreter } from './interpreter';
import { add } from './operators';
import { getPath, setPath } from './paths';
import {
  compare,
  dumpTruncated,
  equals,
  identical,
  isObject,
  isTruthy,
  JqError,
  typeError,
  typeName,
  type Value,
} from './values';

/** `range($from; $upto)`: jq's RANGE opcode, counting up by one. */
function countUp(input: Item, from: Value, upto: Value, it: Interpreter, emit: Emit): void {
  if (typeof from !== 'number' || typeof upto !== 'number') throw new JqError('Range bounds must be numeric');
  for (let x = from; x < upto; x++) {
    it.tick();
    emit(withValue(input, x));
  }
}

/** Runs `expand` depth first without recursing in JS (jq loops like these run for long). */
function depthFirst(start: Item, expand: (item: Item, push: (task: () => void) => void) => void): void {
  const tasks: (() => void)[] = [];
  expand(start, (task) => tasks.push(task));
  while (tasks.length) (tasks.pop() as () => void)();
}

function collect(it: Interpreter, node: Node, input: Item, env: Env | undefined): Item[] {
  const out: Item[] = [];
  it.ev(node, input, env, (x) => void out.push(x));
  return out;
}

/** `while(cond; update)`: emit while cond holds, then continue from each update. */
const whileLoop: Native = (it, input, [cond, update], env, emit) => {
  const expand = (x: Item, push: (task: () => void) => void): void => {
    const conds: Value[] = [];
    it.values(cond, x.v, env, (c) => void conds.push(c));
    const later: (() => void)[] = [];
    for (const c of conds) {
      if (!isTruthy(c)) continue;
      later.push(() => emit(x));
      later.push(() => {
        const nexts = collect(it, update, x, env);
        for (const n of [...nexts].reverse()) push(() => expand(n, push));
      });
    }
    for (const task of later.reverse()) push(task);
  };
  depthFirst(input, expand);
};

/** `until(cond; next)`: apply next until cond holds, then emit. */
const untilLoop: Native = (it, input, [cond, next], env, emit) => {
  const expand = (x: Item, push: (task: () => void) => void): void => {
    const conds: Value[] = [];
    it.values(cond, x.v, env, (c) => void conds.push(c));
    const later: (() => void)[] = [];
    for (const c of conds) {
      if (isTruthy(c)) later.push(() => emit(x));
      else
        later.push(() => {
          for (const n of collect(it, next, x, env).reverse()) push(() => expand(n, push));
        });
    }
    for (const task of later.reverse()) push(task);
  };
  depthFirst(input, expand);
};

/** `getpath(p)`; in a path expression it extends the path. */
const getpathNative: Native = (it, input, [pathArg], env, emit) =>
  it.values(pathArg, input.v, env, (path) => {
    const v = getPath(input.v, path);
    if (input.p === undefined) return emit({ v });
    if (!identical(input.v, input.at as Value))
      throw new JqError(`Invalid path expression with result ${dumpTruncated(input.v, 30)}`);
    emit({ v, p: [...input.p, ...(Array.isArray(path) ? path : [path])], at: v });
  });

/** `tostream`: [path, leaf] events, and [path] to close each non-empty container. */
export function streamEvents(v: Value, path: Value[], emit: (event: Value) => void): void {
  const entries: [Value, Value][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : isObject(v) ? [...v] : [];
  if (entries.length === 0) return emit([path, v]);
  for (const [k, x] of entries) streamEvents(x, [...path, k], emit);
  emit([[...path, entries[entries.length - 1][0]]]);
}

/** `fromstream(events)`: the values the events describe. */
const fromstream: Native = (it, input, [events], env, emit) => {
  let partial: Value = null;
  let started = false;
  it.values(events, input.v, env, (event) => {
    if (!Array.isArray(event) || !Array.isArray(event[0])) return;
    const path = event[0];
    if (event.length > 1) {
      if (path.length === 0) return emit(withValue(input, event[1]));
      partial = setPath(partial, path, event[1]);
      started = true;
    } else if (path.length === 1 && started) {
      const done = partial;
      partial = null;
      started = false;
      emit(withValue(input, done));
    }
  });
};

/** jq 1.6's bsearch: the index of `target`, or (-1 - insertion point). */
function bsearch(a: Value, target: Value): Value {
  if (a === null) return -1;
  if (!Array.isArray(a)) {
    if (typeof a === 'boolean') throw typeError(a, 'has no length');
    throw new JqError(`Cannot index ${typeName(a)} with number`);
  }
  if (a.length === 0) return -1;
  if (a.length === 1) return equals(target, a[0]) ? 0 : compare(target, a[0]) < 0 ? -1 : -2;
  let [lo, hi] = [0, a.length - 1];
  let found: number | undefined;
  while (lo <= hi && found === undefined) {
    const mid = Math.floor((lo + hi) / 2);
    if (equals(a[mid], target)) found = mid;
    else if (lo === hi) break;
    else if (compare(a[mid], target) < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  if (found !== undefined) return found;
  return compare(a[lo] ?? null, target) < 0 ? -2 - lo : -1 - lo;
}

export const CONTROL_BUILTINS: Record<string, Native> = {
  'empty/0': () => {},
  'path/1': (it, input, [f], env, emit) => it.paths(f, input.v, env, (p) => emit(withValue(input, p))),
  'getpath/1': getpathNative,
  'range/1': (it, input, [upto], env, emit) => it.values(upto, input.v, env, (n) => countUp(input, 0, n, it, emit)),
  'range/2': (it, input, [from, upto], env, emit) =>
    it.values(from, input.v, env, (a) => it.values(upto, input.v, env, (b) => countUp(input, a, b, it, emit))),
  'range/3': (it, input, [from, upto, by], env, emit) =>
    it.values(from, input.v, env, (a) =>
      it.values(upto, input.v, env, (b) =>
        it.values(by, input.v, env, (step) => {
          if (equals(step, 0)) return;
          const up = compare(step, 0) > 0;
          const down = compare(step, 0) < 0;
          for (let x = a; (up && compare(x, b) < 0) || (down && compare(x, b) > 0); x = add(x, step)) {
            it.tick();
            emit(withValue(input, x));
          }
        }),
      ),
    ),
  'while/2': whileLoop,
  'until/2': untilLoop,
  // jq 1.6's repeat(f) is `f, f, f, …` on the same input.
  'repeat/1': (it, input, [f], env, emit) => {
    for (;;) {
      it.tick();
      it.ev(f, input, env, emit);
    }
  },
  'tostream/0': (_it, input, _args, _env, emit) => streamEvents(input.v, [], (e) => emit(withValue(input, e))),
  'fromstream/1': fromstream,
  'bsearch/1': cfunction(bsearch),
  '_input/0': (it, input, _args, _env, emit) => {
    const next = it.host.readInput();
    if (next === undefined) throw new JqError('break');
    if ('error' in next) throw new JqError(next.error);
    emit(withValue(input, next.value));
  },
  'debug/0': (it, input, _args, _env, emit) => {
    it.host.debug(input.v);
    emit(input);
  },
  'stderr/0': (it, input, _args, _env, emit) => {
    it.host.stderr(input.v);
    emit(input);
  },
  // kubeplay has no jq modules to describe.
  'modulemeta/0': cfunction((v) => {
    if (typeof v !== 'string') throw new JqError('modulemeta input module name must be a string');
    throw new JqError(`module not found: ${v}`);
  }),
  'halt/0': () => {
    throw new Halt(0);
  },
  'halt_error/1': cfunction((v, status) => {
    if (typeof status !== 'number') throw typeError(v, 'halt_error/1: number required');
    throw new Halt(status, v);
  }),
};

/** Builtins that read the process's state: the interpreter's host answers them. */
export const HOST_BUILTINS: Record<string, Native> = {
  'input_filename/0': (it, input, _args, _env, emit) => emit(withValue(input, it.host.inputFilename())),
  'input_line_number/0': (it, input, _args, _env, emit) => emit(withValue(input, it.host.inputLine())),
  'env/0': (it, input, _args, _env, emit) => emit(withValue(input, it.host.env())),
  'now/0': (it, input, _args, _env, emit) => emit(withValue(input, it.host.now())),
};
