import { GeneratorError } from './generator';
import { goOrder } from './go-order';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * cmdutil.Overrider.Apply for --overrides (the default --override-type=merge; `strategic` is
 * applied as a merge too): the patched object is decoded into Go type `type` and re-encoded.
 */
export function applyOverrides(object: unknown, overrides: string, overrideType: string, type: string): unknown {
  if (!overrides) return object;
  if (!['json', 'merge', 'strategic', ''].includes(overrideType)) {
    throw new GeneratorError(`invalid override type: ${overrideType}`);
  }
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new GeneratorError(overrideType === 'json' ? 'invalid character in JSON patch' : 'Invalid JSON Patch');
  }
  if (overrideType === 'json') throw new GeneratorError('--override-type=json is not supported here');
  const merged = mergePatch(object, patch) as Record<string, unknown>;
  const status = merged.status;
  return { ...(goOrder(type, merged) as object), ...(status !== undefined ? { status } : {}) };
}
