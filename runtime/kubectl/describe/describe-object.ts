import type { ApiHandler } from '../../api/types';
import type { DescribeContext, DescribedResource, DescribeOptions } from './context';
import { DESCRIBERS } from './describers';
import { describeGeneric } from './generic';

export type { DescribedResource, DescribeOptions } from './context';

/**
 * kubectl describe's text for one object (`name` in `namespace`), as `kubectl describe
 * <resource> <name>` prints it, ending with its Events section when showEvents. Kinds with a
 * describer of their own (describerMap) use it; others the generic describer. Throws the
 * StatusError (runtime/api/status.ts) of a failed GET, e.g. NotFound. Ages are computed from
 * `options.now`, the client's clock in epoch ms.
 */
export async function describeObject(
  api: ApiHandler,
  resource: DescribedResource,
  namespace: string | undefined,
  name: string,
  options: DescribeOptions,
): Promise<string> {
  const ctx: DescribeContext = { api, resource, namespace, name, options };
  const describer = DESCRIBERS.get(`${resource.group}/${resource.kind}`) ?? describeGeneric;
  return describer(ctx);
}
