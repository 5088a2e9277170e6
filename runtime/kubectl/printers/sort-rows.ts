import { parseQuantity } from '../../api/quantity';
import { goSort } from '../go-sort';
import type { GoValue } from './go-template-fmt';
import { findJsonPathResults, parseJsonPath, relaxedJsonPathExpression } from './jsonpath';
import type { Table } from './table';

/**
 * kubectl's isLess for decoded JSON values (get/sorter.go): numbers by value, strings as
 * quantities when both parse as one (`500m` < `1`), else byte by byte; null first.
 */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = parseQuantity(a);
    const y = parseQuantity(b);
    if (x && y) return x.milli < y.milli;
    return a < b;
  }
  return false;
}

/** The first value `field` finds in a row's object, or undefined when it finds none. */
function sortKey(root: ReturnType<typeof parseJsonPath>['root'], object: unknown): { value: unknown } | undefined {
  const results = findJsonPathResults(root, object as GoValue);
  if (results.length === 0 || results[0].length === 0) return undefined;
  const value = results[0][0];
  return {
    value:
      typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value,
  };
}

/**
 * The table's rows sorted by `--sort-by` (TableSorter): the jsonpath on each row's full object
 * (includeObject=Object), with Go's unstable sort so that equal keys keep Go's order.
 */
export function sortTableRows(table: Table, field: string): Table {
  const { root } = parseJsonPath(relaxedJsonPathExpression(field));
  const keyed = (table.rows ?? []).map((row) => ({ row, key: sortKey(root, row.object) }));
  goSort(keyed, (i, j) => {
    if (!i.key) return true;
    if (!j.key) return false;
    return isLess(i.key.value, j.key.value);
  });
  return { ...table, rows: keyed.map((k) => k.row) };
}
