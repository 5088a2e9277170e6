import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';
import type { KubeObject } from './types';

const SKIPPED = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

/** Go's %v of a decoded JSON scalar (numbers as int64 or float64, as unstructured holds them). */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  return String(value);
}

/** %v of a float64: strconv 'g' with the shortest repr, exponent when < 1e-4 or >= 1e21. */
function goFloat(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(value);
}

/**
 * smartLabelFor: a field name as a title (`podIP` → `Pod IP`, `apiVersion` → `API Version`);
 * names with characters other than letters and `-` are kept as they are.
 */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  // camelcase.Split: runs of lower case, of upper case (the last upper starts the next word), others.
  const parts = field.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}\p{Ll}*|\p{Ll}+|[^\p{L}]+/gu) ?? [];
  return parts
    .filter((p) => p !== '_')
    .map((p) =>
      ['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase())
        ? p.toUpperCase()
        : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

/** printUnstructuredContent: every field sorted, maps and lists nested a level deeper. */
function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** GenericDescriberFor: any object by its fields, for kinds with no describer of their own. */
export async function describeGeneric(ctx: DescribeContext): Promise<string> {
  const object = await getDescribed<KubeObject>(ctx);
  const events = await objectEvents(ctx, object, object.kind ?? ctx.resource.kind);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', object.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
    printContent(w, LEVEL_0, object, '');
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
