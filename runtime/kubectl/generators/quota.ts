import { formatQuantity, parseQuantity, type Quantity } from '../../api/quantity';
import { GeneratorError, nameFromArgs, namespaceOf, str, type Generator } from './generator';
import { sortKeys } from './go-json';

/** resource.ParseQuantity's ErrFormatWrong text. */
const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Quantity.String: formatQuantity, plus DecimalExponent's `<n>e<3k>` form for whole numbers. */
function canonical(quantity: Quantity): string {
  if (quantity.format !== 'DecimalExponent' || quantity.milli % 1000n !== 0n || quantity.milli === 0n) {
    return formatQuantity(quantity);
  }
  let value = quantity.milli / 1000n;
  let exponent = 0;
  while (value % 1000n === 0n) {
    value /= 1000n;
    exponent += 3;
  }
  return exponent ? `${value}e${exponent}` : `${value}`;
}

/** populateResourceListV1: `name=quantity,…` into a ResourceList of canonical quantities. */
export function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const result: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      throw new GeneratorError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const quantity = parseQuantity(parts[1]);
    if (!quantity || /\s/.test(parts[1])) throw new GeneratorError(QUANTITY_FORMAT);
    result[parts[0]] = canonical(quantity);
  }
  return sortKeys(result);
}

/** `kubectl create quota NAME [--hard=…] [--scopes=…]`. */
export const quotaGenerator: Generator = {
  name: 'quota',
  aliases: ['resourcequota'],
  commandPath: 'kubectl create quota',
  flags: [
    { name: 'hard', type: 'string' },
    { name: 'scopes', type: 'string' },
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const hard = resourceList(str(input, 'hard'));
    const scopesText = str(input, 'scopes');
    const scopes = scopesText === '' ? undefined : scopesText.split(',');
    if (scopes?.includes('')) throw new GeneratorError('invalid resource quota scope ""');
    return {
      kind: 'ResourceQuota',
      apiVersion: 'v1',
      metadata: { name, ...namespaceOf(input) },
      spec: { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) },
      status: {},
    };
  },
};
