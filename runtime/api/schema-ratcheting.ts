/** Validation ratcheting's correlation of a new object's parts with the old object's (common.CorrelatedObject). */
import type { JsonSchema } from './custom-resource-schema';
import { deepEqual, isObject } from './object';
import { schemaAt } from './schema-values';

/** The old value a part of the new object is compared with (common.CorrelatedObject). */
export class Correlation {
  private equal?: boolean;
  private readonly children = new Map<string | number, Correlation | undefined>();

  constructor(
    readonly value: unknown,
    readonly old: unknown,
    readonly schema: JsonSchema,
  ) {}

  /** The correlation of a property (or additional property) present in both objects. */
  key(field: string): Correlation | undefined {
    if (this.children.has(field)) return this.children.get(field);
    let child: Correlation | undefined;
    if (isObject(this.value) && isObject(this.old) && field in this.value && field in this.old) {
      const properties = schemaAt(this.schema.properties) ?? {};
      const property = Object.hasOwn(properties, field) ? schemaAt(properties[field]) : undefined;
      const additional = schemaAt(this.schema.additionalProperties);
      const schema = property ?? additional;
      if (schema) child = new Correlation(this.value[field], this.old[field], schema);
    }
    this.children.set(field, child);
    return child;
  }

  /** The correlation of an array item: only a map list's items have one, matched by their keys. */
  index(i: number): Correlation | undefined {
    if (this.children.has(i)) return this.children.get(i);
    let child: Correlation | undefined;
    const items = schemaAt(this.schema.items);
    if (Array.isArray(this.value) && Array.isArray(this.old) && i < this.value.length && items) {
      // Only the items of map lists correlate, by their keys.
      if (this.schema['x-kubernetes-list-type'] === 'map') {
        const old = this.mapListEntry(this.value[i]);
        if (old !== undefined) child = new Correlation(this.value[i], old, items);
      }
    }
    this.children.set(i, child);
    return child;
  }

  private mapListEntry(element: unknown): unknown {
    const keys = Array.isArray(this.schema['x-kubernetes-list-map-keys'])
      ? (this.schema['x-kubernetes-list-map-keys'] as unknown[])
      : [];
    const keyOf = (item: unknown): string | undefined =>
      isObject(item) ? JSON.stringify(keys.map((k) => item[String(k)] ?? null)) : undefined;
    const wanted = keyOf(element);
    if (wanted === undefined) return undefined;
    return (this.old as unknown[]).find((item) => keyOf(item) === wanted);
  }

  /** CachedDeepEqual: whether this part is unchanged, comparing only what the schema knows. */
  unchanged(): boolean {
    this.equal ??= this.compare();
    return this.equal;
  }

  private compare(): boolean {
    const { value, old } = this;
    if ((value ?? null) === null || (old ?? null) === null) return (value ?? null) === (old ?? null);
    if (Array.isArray(value) !== Array.isArray(old) || isObject(value) !== isObject(old)) return false;
    if (Array.isArray(value) && Array.isArray(old)) {
      if (value.length !== old.length) return false;
      for (let i = 0; i < value.length; i++) {
        const child = this.index(i);
        if (!child) return this.schema['x-kubernetes-list-type'] === 'map' ? false : deepEqual(old, value);
        if (!child.unchanged()) return false;
      }
      return true;
    }
    if (isObject(value) && isObject(old)) {
      if (Object.keys(value).length !== Object.keys(old).length) return false;
      return Object.keys(value).every((k) => this.key(k)?.unchanged() ?? false);
    }
    return deepEqual(old, value);
  }
}
