// Destructuring (`. as [$a, {b: $c}] | …`, reduce/foreach's `as`), with `?//` alternatives: an
// error in one alternative (its binding or anything after it) moves on to the next.
import type { Pattern } from './ast';
import { bindVar, type Env } from './eval-types';
import type { Interpreter } from './interpreter';
import { getIndex } from './paths';
import { JqError, type Value } from './values';

/** The variables a pattern binds. */
export function patternVars(p: Pattern): string[] {
  if (p.type === 'var') return [p.name];
  if (p.type === 'array') return p.elements.flatMap(patternVars);
  return p.entries.flatMap((e) => [...(e.bindAs ? [e.bindAs] : []), ...(e.pattern ? patternVars(e.pattern) : [])]);
}

type Body = (scope: Env | undefined) => void;

function destructure(it: Interpreter, pattern: Pattern, value: Value, env: Env | undefined, body: Body): void {
  if (pattern.type === 'var') return body(bindVar(env, pattern.name, value));
  if (pattern.type === 'array') {
    const step = (i: number, scope: Env | undefined): void => {
      if (i === pattern.elements.length) return body(scope);
      destructure(it, pattern.elements[i], getIndex(value, i), scope, (next) => step(i + 1, next));
    };
    return step(0, env);
  }
  const step = (i: number, scope: Env | undefined): void => {
    if (i === pattern.entries.length) return body(scope);
    const entry = pattern.entries[i];
    // A computed key is evaluated against the value being destructured.
    it.values(entry.key, value, scope, (key) => {
      const v = getIndex(value, key);
      const bound = entry.bindAs === undefined ? scope : bindVar(scope, entry.bindAs, v);
      if (entry.pattern) destructure(it, entry.pattern, v, bound, (next) => step(i + 1, next));
      else step(i + 1, bound);
    });
  };
  step(0, env);
}

/** Binds `patterns` (alternatives joined by `?//`) to `value`, then runs `body`. */
export function destructureAll(
  it: Interpreter,
  patterns: Pattern[],
  value: Value,
  env: Env | undefined,
  body: Body,
): void {
  if (patterns.length === 1) return destructure(it, patterns[0], value, env, body);
  // Every alternative's variables exist in the body; those a pattern does not bind are null.
  let base = env;
  for (const name of new Set(patterns.flatMap(patternVars))) base = bindVar(base, name, null);
  for (let i = 0; i < patterns.length; i++) {
    if (i === patterns.length - 1) return destructure(it, patterns[i], value, base, body);
    try {
      return destructure(it, patterns[i], value, base, body);
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
    }
  }
}
