import { SET_FLAGS, setSubcommand } from './set-update';

/** `kubectl set selector` (set_selector.go): replaces a Service's spec.selector. */
export const setSelector = setSubcommand({
  name: 'selector',
  flags: [...SET_FLAGS, { name: 'resource-version', type: 'string' }],
  done: 'selector updated',
  patchFailure: 'failed to patch selector update: ',
  prepare(ctx) {
    if (ctx.args.length < 1) return 'one selector is required';
    const selectorText = ctx.args[ctx.args.length - 1];
    const selector: Record<string, string> = {};
    for (const part of selectorText.split(',').filter((p) => p !== '')) {
      const [key, value] = part.split('=');
      selector[key] = value ?? '';
    }
    return {
      resources: ctx.args.slice(0, -1),
      mutate(object) {
        if (object.kind !== 'Service') return ['error: setting a selector is only supported for Services'];
        (object.spec as Record<string, unknown>).selector = selector;
        return [];
      },
    };
  },
});
