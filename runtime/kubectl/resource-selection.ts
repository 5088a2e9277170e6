import { resolveResource, type ApiResourceInfo } from './discovery';

/** An error the resource builder reports (printed as `error: <message>`). */
export class SelectionError extends Error {}

/** Objects named one by one (`pods a b`, `pod/a svc/b`). */
export interface NamedSelection {
  kind: 'named';
  /** A target read from a manifest (`-f`, `-k`) carries its own namespace. */
  targets: Array<{ info: ApiResourceInfo; name: string; namespace?: string }>;
  /** One object named alone: printers show it bare, not in a List (singleItemImplied). */
  single: boolean;
}

/** Whole collections, filtered by selectors (`pods`, `pods,svc -l app=web`, `all`). */
export interface BulkSelection {
  kind: 'bulk';
  infos: ApiResourceInfo[];
  labelSelector?: string;
  fieldSelector?: string;
}

export type Selection = NamedSelection | BulkSelection;

/** How the command selects (cli-runtime Builder's LabelSelectorParam, SelectAllParam, ResourceTypeOrNameArgs). */
export interface SelectionOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** --all. */
  all?: boolean;
  /** `get pods` lists everything; `delete pods` needs a name, a selector or --all. */
  allowEmptySelector: boolean;
}

const splitTypes = (arg: string): string[] => arg.split(',').filter((t) => t !== '');

/** The resources `args` name, as kubectl's resource builder reads them. */
export function selectResources(
  args: readonly string[],
  resources: readonly ApiResourceInfo[],
  options: SelectionOptions,
): Selection {
  const mapping = (type: string): ApiResourceInfo => {
    const info = resolveResource(resources, type);
    if (!info) throw new SelectionError(`the server doesn't have a resource type ${JSON.stringify(type)}`);
    return info;
  };
  const expand = (arg: string): string =>
    splitTypes(arg)
      .map((type) => {
        const members = resources.filter((r) => r.preferred && r.categories.includes(type));
        if (members.length === 0 || resolveResource(resources, type)) return type;
        return members.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).join(',');
      })
      .join(',');
  let list = [...args];
  // `pods,svc a` means pods/a and svc/a (normalizeMultipleResourcesArgs).
  if (list.length >= 2 && splitTypes(list[0]).length > 1) {
    list = splitTypes(list[0]).flatMap((type) => list.slice(1).map((name) => `${type}/${name}`));
  }
  const slashed = list.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== list.length) {
    throw new SelectionError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const hasSelector = options.labelSelector !== undefined || options.fieldSelector !== undefined || options.all;
  if (slashed > 0) {
    const tuples = list.map((arg) => {
      const parts = arg.split('/');
      if (parts.length !== 2)
        throw new SelectionError('arguments in resource/name form may not have more than one slash');
      const [type, name] = parts;
      if (!type || !name || splitTypes(type).length !== 1) {
        throw new SelectionError('arguments in resource/name form must have a single resource and name');
      }
      return { type, name };
    });
    if (hasSelector)
      throw new SelectionError('selectors and the all flag cannot be used when passing resource/name arguments');
    return {
      kind: 'named',
      targets: tuples.map((t) => ({ info: mapping(t.type), name: t.name })),
      single: tuples.length === 1,
    };
  }
  if (list.length === 0) {
    throw new SelectionError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const types = splitTypes(expand(list[0]));
  const names = list.slice(1);
  let labelSelector = options.labelSelector;
  if (options.all || (names.length === 0 && labelSelector === undefined && options.allowEmptySelector))
    labelSelector ??= '';
  if (labelSelector !== undefined || options.fieldSelector !== undefined) {
    if (names.length > 0) throw new SelectionError('name cannot be provided when a selector is specified');
    return {
      kind: 'bulk',
      infos: types.map(mapping),
      labelSelector: labelSelector || undefined,
      fieldSelector: options.fieldSelector,
    };
  }
  if (names.length === 0) {
    types.forEach(mapping);
    throw new SelectionError('resource(s) were provided, but no name was specified');
  }
  if (types.length > 1) throw new SelectionError('you must specify only one resource');
  const info = mapping(types[0]);
  return { kind: 'named', targets: names.map((name) => ({ info, name })), single: names.length === 1 };
}
