import { wrapString } from './word-wrap';

/**
 * kubectl explain's plaintext template (kubectl pkg/explain/v2/templates/plaintext.tmpl) over an
 * OpenAPI v3 group-version spec, written out in TypeScript: the same walks, the same Go
 * template truthiness (empty maps, lists and strings are false) and the same texts.
 */
type Schema = Record<string, unknown>;

/** An error the template throws (`throw`): kubectl prints it after what was already written. */
export class ExplainError extends Error {}

/** Go template truth: nil, false, 0, "" and empty maps and lists are false. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const asSchema = (value: unknown): Schema | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;

/** `or a b`: the first true value, else the last. */
const or = <T>(a: T, b: T): T => (truthy(a) ? a : b);

/** The template's `indent`: padding before the text and after each of its newlines. */
const indent = (amount: number, text: string): string => {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
};

/** The template's `resolveRef`: a `#/…` reference followed through the spec. */
function resolveRef(ref: unknown, spec: Schema): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let current: Schema | undefined = spec;
  for (const key of ref.slice(1).split('/')) {
    if (key === '') continue;
    current = asSchema(current?.[key]);
    if (!current) return undefined;
  }
  return current;
}

/** A map schema's value schema: additionalProperties when it is a schema, not a bool. */
const mapValues = (schema: Schema): Schema | undefined =>
  typeof schema.additionalProperties === 'boolean' || !truthy(schema.additionalProperties)
    ? undefined
    : asSchema(schema.additionalProperties);

const items = (schema: Schema): Schema | undefined => (truthy(schema.items) ? asSchema(schema.items) : undefined);
const allOf = (schema: Schema): Schema[] => (Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : []);
const properties = (schema: Schema): Record<string, Schema> =>
  truthy(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
const refOf = (schema: Schema): string => (typeof schema.$ref === 'string' ? schema.$ref : '');
const sortedKeys = (map: object): string[] => Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Go's fmt of a JSON value as the template prints it. */
const goPrint = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The render of one explain request. */
class Renderer {
  constructor(
    readonly spec: Schema,
    readonly recursive: boolean,
  ) {}

  /** `typeGuess`: `string`, `[]Container`, `map[string]string`, `Object`… */
  typeGuess(schema: Schema): string {
    const item = items(schema);
    if (item) return `[]${this.typeGuess(item)}`;
    const values = mapValues(schema);
    if (values) return `map[string]${this.typeGuess(values)}`;
    const alternatives = allOf(schema);
    if (alternatives.length === 1 && !truthy(schema.properties)) return this.typeGuess(alternatives[0]);
    const ref = refOf(schema);
    if (ref) {
      const target = resolveRef(ref, this.spec);
      if (!truthy(target) || !truthy(target?.type) || target?.type === 'object')
        return or(ref.split('/').pop()?.split('.').pop() ?? '', 'Object');
      return goPrint(target?.type);
    }
    return schema.type === 'object' ? 'Object' : goPrint(or(schema.type, 'Object'));
  }

  /** `extractEnum`: `ENUM:` lines (long view) or `enum: a, b, …` (one field of a list). */
  extractEnum(schema: Schema, longView: boolean, limit: number, indentAmount = 0): string {
    if (!truthy(schema.enum) || !Array.isArray(schema.enum)) return '';
    const max = or(limit, -1);
    let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (const [index, element] of schema.enum.entries()) {
      if (max > -1 && index >= max) {
        out += ', ....';
        break;
      }
      if (index > 0 && !longView) out += ', ';
      else if (longView) out += '\n    ';
      out += element === '' ? '""' : goPrint(element);
    }
    return out;
  }

  /** `description`: the schema's description and those of its allOf, items and map values. */
  description(schema: Schema): string {
    const resolved = or(resolveRef(schema.$ref, this.spec), schema) as Schema;
    let out = truthy(resolved.description) ? `${goPrint(resolved.description)}\n` : '';
    for (const alternative of allOf(resolved)) out += this.description(alternative);
    const item = items(resolved);
    if (item) out += this.description(item);
    const values = mapValues(resolved);
    if (values) out += this.description(values);
    return out;
  }

  /** `fieldDetail`: one field's line and, unless short, its wrapped description. */
  fieldDetail(name: string, container: Schema, short: boolean, level: number): string {
    const indentAmount = level * 2;
    const field = properties(container)[name];
    let out = `${indent(indentAmount, name)}\t<${this.typeGuess(field)}>`;
    if (Array.isArray(container.required) && container.required.includes(name)) out += ' -required-';
    out += `${this.extractEnum(field, false, 4, indentAmount)}\n`;
    if (!short) {
      const text = goPrint(or(field.description, '<no description>'));
      out += `${indent(indentAmount + 2, wrapString(text, 78 - indentAmount))}\n\n`;
    }
    return out;
  }

  /** `fieldList`: the fields of a schema (and, recursively, of theirs), stopping at cycles. */
  fieldList(schema: Schema, level: number, history: ReadonlySet<string>): string {
    const ref = refOf(schema);
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = or(resolveRef(ref, this.spec), schema) as Schema;
    let out = '';
    const props = properties(resolved);
    for (const name of sortedKeys(props)) {
      out += this.fieldDetail(name, resolved, this.recursive, level);
      if (this.recursive) out += this.fieldList(props[name], level + 1, next);
    }
    for (const alternative of allOf(resolved)) out += this.fieldList(alternative, level, next);
    const item = items(resolved);
    if (item) out += this.fieldList(item, level, next);
    const values = mapValues(resolved);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  /** `output`: follows the field path, then prints the field's description and fields. */
  output(schema: Schema, history: ReadonlySet<string>, path: readonly string[]): string {
    const ref = refOf(schema);
    const next = new Set(history).add(ref);
    const resolved = or(resolveRef(ref, this.spec), schema) as Schema;
    if (path.length === 0) {
      const description = wrapString(or(this.description(resolved), '<empty>'), 76);
      const fields = this.fieldList(resolved, 1, new Set());
      return `DESCRIPTION:\n${indent(4, description)}\n${fields ? `FIELDS:\n${fields}` : ''}`;
    }
    if (ref && history.has(ref)) return '';
    const field = properties(resolved)[path[0]];
    if (truthy(field)) {
      let out = '';
      if (path.length === 1)
        out += `FIELD: ${path[0]} <${this.typeGuess(field)}>\n${this.extractEnum(field, true, -1)}\n\n`;
      return out + this.output(field, new Set(), path.slice(1));
    }
    const item = items(resolved);
    if (item) return this.output(item, next, path);
    const values = mapValues(resolved);
    if (values) return this.output(values, next, path);
    for (const alternative of allOf(resolved)) {
      const out = this.output(alternative, next, path);
      if (out) return out;
    }
    return '';
  }
}

/** The group, version and resource explained (GroupVersionResource). */
export interface ExplainTarget {
  group: string;
  version: string;
  resource: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A decoded JSON value with its maps' keys sorted, so equal values serialise alike. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  const map = asSchema(value);
  return map ? Object.fromEntries(sortedKeys(map).map((k) => [k, canonical(map[k])])) : value;
};

/** Go's reflect.DeepEqual of two decoded JSON values. */
const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Writes the explanation of `path` within `target` as the template does, through `write` (what
 * precedes an error is written, as Go's template writes as it goes); throws ExplainError with the
 * template's `throw` texts.
 */
export function renderExplain(
  spec: Schema,
  target: ExplainTarget,
  path: readonly string[],
  recursive: boolean,
  write: (text: string) => void,
): void {
  const prefix = target.group ? `/apis/${target.group}` : '/api';
  const base = `${prefix}/${target.version}`;
  const searchPaths = [
    `${base}/${target.resource}`,
    `${base}/${target.resource}/{name}`,
    `${base}/namespaces/{namespace}/${target.resource}`,
    `${base}/namespaces/{namespace}/${target.resource}/{name}`,
  ];
  const paths = asSchema(spec.paths) ?? {};
  let gvk: unknown;
  for (const searchPath of searchPaths) {
    const element = asSchema(paths[searchPath]);
    if (!truthy(element)) continue;
    for (const method of METHODS) {
      const operation = asSchema(element?.[method]);
      if (!truthy(operation)) continue;
      gvk = operation?.['x-kubernetes-group-version-kind'];
      if (truthy(gvk)) break;
    }
  }
  const wanted = asSchema(gvk);
  if (!truthy(wanted) || !wanted)
    throw new ExplainError(
      `error: GVR (${target.group}/${target.version}, Resource=${target.resource}) not found in OpenAPI schema`,
    );
  if (truthy(wanted.group)) write(`GROUP:      ${goPrint(wanted.group)}\n`);
  write(`KIND:       ${goPrint(wanted.kind)}\nVERSION:    ${goPrint(wanted.version)}\n\n`);
  const renderer = new Renderer(spec, recursive);
  const schemas = asSchema(asSchema(spec.components)?.schemas) ?? {};
  let text = '';
  for (const name of sortedKeys(schemas)) {
    const schema = schemas[name] as Schema;
    const kinds = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds) || !kinds.some((k) => deepEqual(k, wanted))) continue;
    text = renderer.output(schema, new Set(), path);
    if (!text) throw new ExplainError(`error: field "${path[path.length - 1]}" does not exist`);
    break;
  }
  if (!text) throw new ExplainError(`error: GVK ${goVkString(wanted)} not found in OpenAPI schema`);
  write(`${text}\n`);
}

/** fmt's %v of the decoded GVK map: `map[group:apps kind:Deployment version:v1]`. */
const goVkString = (gvk: Schema): string =>
  `map[${sortedKeys(gvk)
    .map((k) => `${k}:${goPrint(gvk[k])}`)
    .join(' ')}]`;
