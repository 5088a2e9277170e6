import { GO_STRUCTS } from '../../controllers/go-types';
import { byBytes } from './go-json';

/**
 * Re-encodes JSON as Go would after decoding it into a typed struct: fields in declaration order,
 * unknown fields dropped, map keys sorted, and non-pointer struct fields always written (`{}`).
 * Types come from go-types.ts (everything under v1.PodTemplateSpec) plus the few below.
 */
const EXTRA: Record<string, string> = {
  'v1.JobSpec':
    'Parallelism parallelism *int32;Completions completions *int32;ActiveDeadlineSeconds activeDeadlineSeconds *int64;PodFailurePolicy podFailurePolicy *v1.Raw;SuccessPolicy successPolicy *v1.Raw;BackoffLimit backoffLimit *int32;BackoffLimitPerIndex backoffLimitPerIndex *int32;MaxFailedIndexes maxFailedIndexes *int32;Selector selector *v1.LabelSelector;ManualSelector manualSelector *bool;Template template v1.PodTemplateSpec;TTLSecondsAfterFinished ttlSecondsAfterFinished *int32;CompletionMode completionMode *string;Suspend suspend *bool;PodReplacementPolicy podReplacementPolicy *string;ManagedBy managedBy *string',
  'v1.Pod':
    'Kind kind string;APIVersion apiVersion string;ObjectMeta metadata v1.ObjectMeta;Spec spec v1.PodSpec;Status status v1.Raw',
};

type Field = { json: string; type: string };
const cache = new Map<string, Field[]>();

function fieldsOf(type: string): Field[] | undefined {
  const text = EXTRA[type] ?? GO_STRUCTS[type];
  if (text === undefined) return undefined;
  let fields = cache.get(type);
  if (!fields) {
    fields = text
      .split(';')
      .filter(Boolean)
      .map((f) => {
        const [, json, goType] = f.split(' ');
        return { json, type: goType };
      });
    cache.set(type, fields);
  }
  return fields;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` (decoded JSON) re-encoded as Go type `type` would be; v1.Raw keeps the value as it is. */
export function goOrder(type: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (type.startsWith('*')) return goOrder(type.slice(1), value);
  if (type.startsWith('[]')) return Array.isArray(value) ? value.map((v) => goOrder(type.slice(2), v)) : value;
  if (type.startsWith('map[')) {
    if (!isObject(value)) return value;
    const valueType = type.slice(type.indexOf(']') + 1);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(byBytes)) out[key] = goOrder(valueType, value[key]);
    return out;
  }
  const fields = fieldsOf(type);
  if (!fields || !isObject(value)) return value;
  const out: Record<string, unknown> = {};
  writeFields(fields, value, out);
  return out;
}

/** Writes `value`'s fields in struct order into `out`; embedded (`-`) structs are inlined. */
function writeFields(fields: Field[], value: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const { json, type } of fields) {
    if (json === '-') {
      const inner = fieldsOf(type);
      if (inner) writeFields(inner, value, out);
      continue;
    }
    const present = value[json];
    if (present !== undefined) out[json] = goOrder(type, present);
    else if (fieldsOf(type) && type !== 'v1.Time' && type !== 'v1.Raw') out[json] = goOrder(type, {});
  }
}
