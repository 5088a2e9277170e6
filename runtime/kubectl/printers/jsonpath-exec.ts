import { encodeUtf8 } from '../../util/utf8';
import { formatV, goTypeName, sortedKeys, type GoValue } from './go-template-fmt';
import { goCompare } from './go-template-compare';
import type { JsonPathList, JsonPathNode } from './jsonpath-parser';

/**
 * Executes a parsed template the way client-go's JSONPath.FindResults does (with
 * AllowMissingKeys(true), as kubectl's printers use it): one result list per top-level node,
 * `range` re-running the nodes up to its `end` once per result. Go walks maps in random order
 * (`*`, `..`); here they are walked in sorted key order. Errors carry client-go's texts.
 */
export class JsonPathExecutor {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(private rootNodes: JsonPathNode[]) {}

  /** The results of each top-level node (client-go's FindResults). */
  findResults(data: GoValue): GoValue[][] {
    const nodes = this.rootNodes;
    const full: GoValue[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk([data], nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        this.rootNodes = nodes.slice(i + 1);
        if (results.length > 0) {
          for (const value of results) {
            this.rootNodes = nodes.slice(i + 1);
            full.push(...this.findResults(value));
          }
        } else this.findResults(null);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(values: GoValue[], node: JsonPathNode): GoValue[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce((current, child) => this.walk(current, child), values);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(values, node.name);
      case 'array':
        return this.evalArray(values, node);
      case 'filter':
        return this.evalFilter(values, node);
      case 'int':
      case 'float':
      case 'bool':
        return values.map(() => node.value);
      case 'wildcard':
        return values.flatMap((value) => children(value));
      case 'recursive':
        return this.evalRecursive(values);
      case 'union':
        return node.nodes.flatMap((list) => this.walk(values, list));
      case 'identifier':
        return this.evalIdentifier(values, node.name);
    }
  }

  private evalIdentifier(values: GoValue[], name: string): GoValue[] {
    if (name === 'range') {
      this.beginRange++;
      return values;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new Error('not in range, nothing to end');
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private evalField(values: GoValue[], name: string): GoValue[] {
    const results: GoValue[] = [];
    for (const value of values) {
      if (isMap(value) && Object.hasOwn(value, name)) results.push(value[name]);
    }
    return results;
  }

  private evalArray(values: GoValue[], node: Extract<JsonPathNode, { type: 'array' }>): GoValue[] {
    const result: GoValue[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }));
      const length = value.length;
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += length;
      if (!p1.known) p1.value = length;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += length;
      if (p1.value === p0.value) return result;
      if (p0.value >= length || p0.value < 0) {
        throw new Error(`array index out of bounds: index ${p0.value}, length ${length}`);
      }
      if (p1.value > length || p1.value < 0) {
        throw new Error(`array index out of bounds: index ${p1.value - 1}, length ${length}`);
      }
      if (p0.value > p1.value) {
        throw new Error(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      }
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new Error('step must be > 0');
        step = p2.value;
      }
      const slice = value.slice(p0.value, p1.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(values: GoValue[]): GoValue[] {
    const result: GoValue[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      const inner = children(value);
      if (inner.length === 0) continue;
      result.push(value, ...this.evalRecursive(inner));
    }
    return result;
  }

  private evalFilter(values: GoValue[], node: Extract<JsonPathNode, { type: 'filter' }>): GoValue[] {
    const results: GoValue[] = [];
    for (const value of values) {
      if (!Array.isArray(value)) throw new Error(`${formatV(value)} is not array or slice and cannot be filtered`);
      for (const element of value) {
        const lefts = this.tryWalk([element], node.left);
        if (node.operator === 'exists') {
          if (lefts.values.length > 0) results.push(element);
          continue;
        }
        if (lefts.error) throw lefts.error;
        if (lefts.values.length === 0) continue;
        if (lefts.values.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.walk([element], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (filterPasses(node.operator, lefts.values[0], rights[0])) results.push(element);
      }
    }
    return results;
  }

  /** Walks a filter's left side, keeping what it found when it fails (as Go's evalList does). */
  private tryWalk(values: GoValue[], list: JsonPathList): { values: GoValue[]; error?: Error } {
    let current = values;
    for (const child of list.nodes) {
      try {
        current = this.walk(current, child);
      } catch (error) {
        return { values: current, error: error as Error };
      }
    }
    return { values: current };
  }
}

function filterPasses(operator: string, left: GoValue, right: GoValue): boolean {
  const order = (): number => goCompare(left, right, true);
  switch (operator) {
    case '<':
      return order() < 0;
    case '>':
      return order() > 0;
    case '==':
      return goCompare(left, right, false) === 0;
    case '!=':
      return goCompare(left, right, false) !== 0;
    case '<=':
      return order() <= 0;
    case '>=':
      return order() >= 0;
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}

const isMap = (value: GoValue): value is { [key: string]: GoValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor === Object;

/** A value's elements: a map's values, a list's items, a string's bytes. */
function children(value: GoValue): GoValue[] {
  if (Array.isArray(value)) return value;
  if (isMap(value)) return sortedKeys(value).map((key) => value[key]);
  if (typeof value === 'string') return Array.from(encodeUtf8(value));
  return [];
}
