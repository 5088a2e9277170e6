import type { ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import type { KubectlSetup } from './setup';
import type { KubectlContext } from './subcommand';

/** One object a `TYPE NAME` argument named, as the server returned it. */
export interface NamedObject {
  info: ApiResourceInfo;
  object: Record<string, unknown> & { metadata: { name: string; namespace?: string } };
}

/**
 * The objects `TYPE NAME…` or `TYPE/NAME…` name (the resource builder's ResourceTypeOrNameArgs
 * with no selector, as expose and autoscale use it), fetched in order. Failures are printed as
 * kubectl prints them; the exit code is returned instead when nothing could be read.
 */
export async function fetchNamedObjects(ctx: KubectlContext, setup: KubectlSetup): Promise<NamedObject[] | number> {
  let selection;
  try {
    selection = selectResources(ctx.args, setup.resources, { allowEmptySelector: false });
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    const text = error.message.startsWith("the server doesn't have") ? error.message : `error: ${error.message}`;
    ctx.stderr.write(`${text}\n`);
    return 1;
  }
  if (selection.kind !== 'named') return 1;
  const objects: NamedObject[] = [];
  for (const { info, name } of selection.targets) {
    try {
      const object = await setup.client.json<NamedObject['object']>(resourceUrl(info, setup.namespace, name), {
        target: `${info.resource} ${name}`,
      });
      objects.push({ info, object });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      ctx.stderr.write(errorsText([error]));
      return 1;
    }
  }
  return objects;
}

/** The stdout of `ctx` with the name printer's `created` said as the command says it (`exposed`, `autoscaled`). */
export function renamingCreated(ctx: KubectlContext, operation: string): KubectlContext {
  return {
    ...ctx,
    stdout: {
      write: (text: string) =>
        ctx.stdout.write(text.replace(/^(\S+) created( \(.*dry run\))?\n$/, `$1 ${operation}$2\n`)),
    },
  };
}
