import { podSpecOf, SET_FLAGS, setSubcommand } from './set-update';

type Container = { name?: string; resources?: { limits?: Record<string, string>; requests?: Record<string, string> } };

/** `cpu=200m,memory=512Mi` as a resource list. */
function resourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').filter((p) => p !== '')) {
    const at = part.indexOf('=');
    out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

/** `kubectl set resources` (set_resources.go): --limits and --requests on the containers -c selects. */
export const setResources = setSubcommand({
  name: 'resources',
  flags: [
    ...SET_FLAGS,
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'limits', type: 'string' },
    { name: 'requests', type: 'string' },
  ],
  done: 'resource requirements updated',
  patchFailure: 'failed to patch resources update to pod template ',
  prepare(ctx) {
    const limits = String(ctx.flags.get('limits') ?? '');
    const requests = String(ctx.flags.get('requests') ?? '');
    if (ctx.flags.get('all') === true && ctx.flags.has('selector'))
      return 'cannot set --all and --selector at the same time';
    if (!limits && !requests)
      return 'you must specify an update to requests or limits (in the form of --requests/--limits)';
    const selector = String(ctx.flags.get('containers') ?? '*');
    return {
      resources: ctx.args,
      mutate(object) {
        const spec = podSpecOf(object);
        if (!spec) return [];
        const chosen = [
          ...((spec.initContainers as Container[]) ?? []),
          ...((spec.containers as Container[]) ?? []),
        ].filter((c) => selector === '*' || c.name === selector);
        if (chosen.length === 0) return [`error: unable to find container named ${selector}`];
        for (const c of chosen) {
          c.resources ??= {};
          if (limits) c.resources.limits = { ...c.resources.limits, ...resourceList(limits) };
          if (requests) c.resources.requests = { ...c.resources.requests, ...resourceList(requests) };
        }
        return [];
      },
    };
  },
});
