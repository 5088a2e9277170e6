// The flag combinations `kubectl apply` refuses before reading anything (ApplyOptions.Validate),
// in the order it checks them.

/** ApplyOptions.Validate's error text for these flags, or undefined when they go together. */
export function applyFlagError(flags: ReadonlyMap<string, unknown>): string | undefined {
  const serverSide = flags.get('server-side') === true;
  const force = flags.get('force') === true;
  const dryRun = flags.get('dry-run');
  const all = flags.get('all') === true;
  const selector = String(flags.get('selector') ?? '');
  if (flags.get('force-conflicts') === true && !serverSide) return '--force-conflicts only works with --server-side';
  if (dryRun === 'client' && serverSide)
    return "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)";
  if (serverSide && force) return '--force cannot be used with --server-side';
  if (dryRun === 'server' && force) return '--dry-run=server cannot be used with --force';
  if (all && selector !== '') return 'cannot set --all and --selector at the same time';
  if (flags.get('prune') !== true) return undefined;
  if (force) return '--force cannot be used with --prune';
  if (!all && selector === '')
    return 'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector';
  if (serverSide) return "--prune is in alpha and doesn't currently work on objects created by server-side apply";
  return undefined;
}
