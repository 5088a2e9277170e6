import { podSpecOf, resourcesAndPairs, SET_FLAGS, setSubcommand } from './set-update';

type Container = { name?: string; image?: string };

/** `kubectl set image` (set_image.go): NAME=IMAGE per container, `*` for all. */
export const setImage = setSubcommand({
  name: 'image',
  flags: SET_FLAGS,
  done: 'image updated',
  patchFailure: 'failed to patch image update to pod template: ',
  prepare(ctx) {
    const split = resourcesAndPairs(ctx.args, 'image');
    if (typeof split === 'string') return split;
    const images = new Map<string, string>();
    for (const pair of split.pairs) {
      const at = pair.indexOf('=');
      if (at <= 0 || pair.endsWith('-')) return `invalid image update: ${pair}`;
      images.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const problems: string[] = [];
    if (ctx.flags.get('all') === true && ctx.flags.has('selector'))
      problems.push('cannot set --all and --selector at the same time');
    if (images.size < 1) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*'))
      problems.push(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      );
    return {
      resources: split.resources,
      validate: () => (problems.length > 1 ? `[${problems.join(', ')}]` : problems[0]),
      mutate(object) {
        const spec = podSpecOf(object);
        if (!spec) return [];
        const errors: string[] = [];
        for (const [name, image] of images) {
          let found = false;
          for (const list of [spec.initContainers, spec.containers] as Array<Container[] | undefined>) {
            for (const c of list ?? []) {
              if (c.name === name || name === '*') {
                c.image = image;
                found = true;
              }
            }
          }
          if (!found) errors.push(`error: unable to find container named ${JSON.stringify(name)}`);
        }
        return errors;
      },
    };
  },
});
