import { podSpecOf, SET_FLAGS, setSubcommand } from './set-update';

/** `kubectl set serviceaccount` (set_serviceaccount.go): the pod template's serviceAccountName. */
export const setServiceAccount = setSubcommand({
  name: 'serviceaccount',
  flags: SET_FLAGS,
  done: 'serviceaccount updated',
  patchFailure: 'failed to patch ServiceAccountName ',
  prepare(ctx) {
    if (ctx.args.length < 2) return 'serviceaccount is required';
    const account = ctx.args[ctx.args.length - 1];
    return {
      resources: ctx.args.slice(0, -1),
      mutate(object) {
        const spec = podSpecOf(object);
        if (spec) spec.serviceAccountName = account;
        return [];
      },
    };
  },
});
