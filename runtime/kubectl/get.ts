import type { ApiResourceInfo } from './discovery';
import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { watchResources } from './get-watch';
import { ApiError, TABLE_ACCEPT, type KubectlClient } from './kubectl-client';
import { listOf, toJson } from './printers/json';
import { nameOf } from './printers/name';
import { PrinterError } from './printers/jsonpath-error';
import { sortTableRows } from './printers/sort-rows';
import { printTables, type Table } from './printers/table';
import { isTemplateOutput, templatePrinter, type TemplatePrinter } from './printers/template-output';
import { toYaml } from './printers/yaml';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError, type Selection } from './resource-selection';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';
import { kubectlSetup, type KubectlSetup } from './setup';
import { ManifestError, manifestFailure, readManifests, type FileContext } from './manifests';

/** The output formats `kubectl get -o` accepts, in the order its error lists them. */
const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** One visited object or table, in visiting order, with the resource it came from. */
interface Fetched {
  info: ApiResourceInfo;
  /** A Table (human-readable) or an object or list (other printers). */
  value: Record<string, unknown>;
}

/** `kubectl get` (kubectl pkg/cmd/get): server-printed tables, or objects for the other printers. */
export const get: KubectlSubcommand = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    { name: 'show-kind', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
    { name: 'server-print', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
  ],
  async run(ctx) {
    const { args, flags, stdout, stderr } = ctx;
    const output = String(flags.get('output') ?? '');
    let template: TemplatePrinter | undefined;
    if (isTemplateOutput(output)) {
      try {
        template = templatePrinter(output, { fs: ctx.fs, cwd: ctx.cwd, noHeaders: flags.get('no-headers') === true });
      } catch (error) {
        if (!(error instanceof PrinterError)) throw error;
        return fail(stderr, error.message);
      }
    } else if (output !== '' && !['wide', 'name', 'json', 'yaml'].includes(output)) {
      return fail(
        stderr,
        `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
      );
    }
    if (args.length === 0 && !flags.has('filename') && !flags.has('kustomize')) {
      stderr.write(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
      );
      return fail(
        stderr,
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
    }
    if (flags.get('show-labels') === true && output !== '' && output !== 'wide') {
      return fail(stderr, `--show-labels option cannot be used with ${output} printer`);
    }
    if (flags.get('output-watch-events') === true && flags.get('watch') !== true && flags.get('watch-only') !== true) {
      return fail(stderr, '--output-watch-events option can only be used with --watch or --watch-only');
    }
    const setup = await kubectlSetup(ctx);
    const allNamespaces = flags.get('all-namespaces') === true;
    let selection: Selection;
    try {
      selection =
        (await manifestSelection(ctx, setup)) ??
        selectResources(args, setup.resources, {
          labelSelector: flags.has('selector') ? String(flags.get('selector')) : undefined,
          fieldSelector: flags.has('field-selector') ? String(flags.get('field-selector')) : undefined,
          allowEmptySelector: true,
        });
    } catch (error) {
      if (error instanceof SelectionError) return fail(stderr, error.message);
      if (error instanceof ManifestError) return manifestFailure(stderr, error);
      throw error;
    }
    if ((flags.get('watch') === true || flags.get('watch-only') === true) && (output === '' || output === 'wide')) {
      return watchResources(ctx, setup, selection, {
        table: {
          wide: output === 'wide',
          noHeaders: flags.get('no-headers') === true,
          withNamespace: allNamespaces,
          showLabels: flags.get('show-labels') === true,
          columnLabels: (flags.get('label-columns') as string[] | undefined) ?? [],
        },
        namespace: allNamespaces ? undefined : setup.namespace,
        watchOnly: flags.get('watch-only') === true,
        outputWatchEvents: flags.get('output-watch-events') === true,
        ignoreNotFound: flags.get('ignore-not-found') === true,
      });
    }
    const humanReadable = output === '' || output === 'wide';
    const errors: Array<ApiError | string> = [];
    const fetched = await fetchAll(setup.client, selection, {
      namespace: allNamespaces ? undefined : setup.namespace,
      accept: humanReadable ? TABLE_ACCEPT : 'application/json',
      // Sorting needs every row and each row's whole object (get.go transformRequests).
      chunkSize: flags.has('sort-by') ? 0 : Number(flags.get('chunk-size') ?? 500),
      includeObject: flags.has('sort-by') && humanReadable,
      errors,
      ignoreNotFound: flags.get('ignore-not-found') === true,
    });
    let text: string;
    if (humanReadable) text = printHuman(fetched, ctx, allNamespaces);
    // One object named alone that could not be read prints nothing but the error (printGeneric).
    else if (selection.kind === 'named' && selection.single && errors.length > 0) text = '';
    else {
      try {
        text = printObjects(fetched, output, selection, flags.get('show-managed-fields') === true, template);
      } catch (error) {
        if (!(error instanceof PrinterError)) throw error;
        stdout.write(error.output);
        return fail(stderr, error.message);
      }
    }
    stdout.write(text);
    const namespacedOnly = !allNamespaces && fetched.every((f) => f.info.namespaced);
    if (text === '' && errors.length === 0 && flags.get('ignore-not-found') !== true && humanReadable) {
      stderr.write(namespacedOnly ? `No resources found in ${setup.namespace} namespace.\n` : 'No resources found\n');
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    return 0;
  },
};

/** Fetches what the selection names: each named object, or each collection page by page. */
async function fetchAll(
  client: KubectlClient,
  selection: Selection,
  options: {
    namespace?: string;
    accept: string;
    chunkSize: number;
    includeObject: boolean;
    errors: Array<ApiError | string>;
    ignoreNotFound: boolean;
  },
): Promise<Fetched[]> {
  const out: Fetched[] = [];
  if (selection.kind === 'named') {
    for (const { info, name, namespace = options.namespace } of selection.targets) {
      if (info.namespaced && namespace === undefined) {
        options.errors.push('a resource cannot be retrieved by name across all namespaces');
        continue;
      }
      try {
        const path = `${resourceUrl(info, namespace, name)}${queryString({ includeObject: options.includeObject ? 'Object' : undefined })}`;
        out.push({
          info,
          value: await client.json(path, { accept: options.accept, target: `${info.resource} ${name}` }),
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (!(options.ignoreNotFound && error.code === 404)) options.errors.push(error);
      }
    }
    return out;
  }
  for (const info of selection.infos) {
    let next: string | undefined = '';
    while (next !== undefined) {
      const query = queryString({
        continue: next,
        fieldSelector: selection.fieldSelector,
        includeObject: options.includeObject ? 'Object' : undefined,
        labelSelector: selection.labelSelector,
        limit: options.chunkSize > 0 ? String(options.chunkSize) : undefined,
      });
      const path = `${resourceUrl(info, options.namespace)}${query}`;
      try {
        const value = await client.json<Record<string, unknown>>(path, {
          accept: options.accept,
          target: info.resource,
        });
        out.push({ info, value });
        next = (value.metadata as { continue?: string } | undefined)?.continue || undefined;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        options.errors.push(error);
        next = undefined;
      }
    }
  }
  return out;
}

/** Tables, one block per resource, a blank line between blocks (get.go's separatorWriter). */
function printHuman(fetched: Fetched[], ctx: KubectlContext, allNamespaces: boolean): string {
  const { flags } = ctx;
  const kinds = new Set(fetched.map((f) => `${f.info.group}/${f.info.kind}`));
  const withKind = flags.get('show-kind') === true || kinds.size > 1;
  let out = '';
  for (let i = 0; i < fetched.length;) {
    const info = fetched[i].info;
    const group: Table[] = [];
    const sortBy = flags.get('sort-by');
    while (i < fetched.length && fetched[i].info === info) {
      const table = asTable(fetched[i++].value);
      group.push(typeof sortBy === 'string' && sortBy !== '' ? sortTableRows(table, sortBy) : table);
    }
    const text = printTables(group, {
      wide: flags.get('output') === 'wide',
      noHeaders: flags.get('no-headers') === true,
      withNamespace: allNamespaces && info.namespaced,
      kind: withKind ? kindPrefix(info) : undefined,
      showLabels: flags.get('show-labels') === true,
      columnLabels: (flags.get('label-columns') as string[] | undefined) ?? [],
    });
    if (text !== '' && out !== '' && flags.get('no-headers') !== true) out += '\n';
    out += text;
  }
  return out;
}

/** A Table as is; a single object's one-row Table comes the same way. */
function asTable(value: Record<string, unknown>): Table {
  return value as Table;
}

/** -o name, json or yaml over every fetched object. */
function printObjects(
  fetched: Fetched[],
  output: string,
  selection: Selection,
  showManagedFields: boolean,
  template: TemplatePrinter | undefined,
): string {
  let objects: Array<Record<string, unknown>> = [];
  for (const { info, value } of fetched) {
    if (Array.isArray(value.items)) {
      const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
      for (const item of value.items as Array<Record<string, unknown>>)
        objects.push({ ...item, apiVersion, kind: info.kind });
    } else objects.push(value);
  }
  if (output === 'name') return objects.map((o) => `${nameOf(o)}\n`).join('');
  const single = selection.kind === 'named' && selection.single && objects.length === 1;
  // Templates see the objects whole, managed fields included, as kubectl's do.
  if (template) return template(single ? objects[0] : listOf(objects));
  if (!showManagedFields) objects = objects.map(withoutManagedFields);
  const value = single ? objects[0] : listOf(objects);
  return output === 'json' ? toJson(value) : toYaml(value);
}

/** The object without metadata.managedFields, as -o json/yaml print it unless --show-managed-fields. */
function withoutManagedFields(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (!metadata || !('managedFields' in metadata)) return object;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...object, metadata: rest };
}

/** The objects `-f` / `-k` name, one by one, as the builder's FilenameParam reads them (none without either flag). */
async function manifestSelection(ctx: KubectlContext, setup: KubectlSetup): Promise<Selection | undefined> {
  const filenames = (ctx.flags.get('filename') as string[] | undefined) ?? [];
  if (filenames.length === 0 && !ctx.flags.has('kustomize')) return undefined;
  const read = await readManifests(ctx as FileContext, filenames, {
    recursive: ctx.flags.get('recursive') === true,
    resources: setup.resources,
    namespace: setup.namespace,
    enforceNamespace: setup.explicitNamespace,
  });
  if (read.errors.length > 0) throw new ManifestError(read.errors.join('\n'));
  const targets = read.manifests.map(({ info, name, namespace }) => ({ info, name, namespace }));
  return { kind: 'named', targets, single: false };
}
