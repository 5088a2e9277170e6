import { durationError } from './command-group';
import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { parseJsonPath, printJsonPath, relaxedJsonPathExpression } from './printers/jsonpath';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { parseGoDuration, untilWithSync, type WatchEvent } from './until-with-sync';
import { isBuilderError, visitObjects } from './visit-objects';

type Condition = { type?: string; status?: string; observedGeneration?: number };
type Watched = { metadata?: { generation?: number }; status?: { conditions?: Condition[] } };

/** Whether one event satisfies the wait (wait.go's ConditionFuncs). */
type Check = (event: WatchEvent) => boolean;

/** The check `--for` names, or its error text (conditionFuncFor). */
function checkFor(text: string): Check | string {
  const lower = text.toLowerCase();
  if (lower === 'delete') return (event) => event.type === 'DELETED';
  if (text.startsWith('condition=')) {
    let name = text.slice('condition='.length);
    let value = 'true';
    const at = name.indexOf('=');
    if (at >= 0) {
      value = name.slice(at + 1);
      name = name.slice(0, at);
    }
    return (event) => {
      if (event.type === 'DELETED') return false;
      const object = event.object as Watched;
      return (object.status?.conditions ?? []).some(
        (c) =>
          (c.type ?? '').toLowerCase() === name.toLowerCase() &&
          (c.status ?? '').toLowerCase() === value.toLowerCase() &&
          (c.observedGeneration === undefined || c.observedGeneration === object.metadata?.generation),
      );
    };
  }
  if (text.startsWith('jsonpath=')) {
    const input = text.slice('jsonpath='.length);
    const closing = input.lastIndexOf('}');
    if (input === '' || closing < 0)
      return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    const expression = input.slice(0, closing + 1);
    const rest = input.slice(closing + 1);
    if (rest !== '' && !rest.startsWith('='))
      return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    if (rest === '=')
      return "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3";
    const template = parseJsonPath(relaxedJsonPathExpression(expression));
    const want = rest.slice(1);
    return (event) => {
      if (event.type === 'DELETED') return false;
      let got: string;
      try {
        got = printJsonPath(template, event.object);
      } catch {
        return false;
      }
      return want === '' ? got !== '' : got === want;
    };
  }
  return `unrecognized condition: ${JSON.stringify(text)}`;
}

/** `kubectl wait` (kubectl pkg/cmd/wait): watches each object until --for holds or --timeout passes. */
export const wait: KubectlSubcommand = {
  name: 'wait',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'for', type: 'string' },
    { name: 'local', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const timeoutText = String(flags.get('timeout') ?? '30s');
    const parsedTimeout = parseGoDuration(timeoutText);
    if (parsedTimeout === undefined)
      return fail(stderr, `${durationError('timeout', timeoutText)}\nSee 'kubectl wait --help' for usage.`);
    // A negative timeout means a week (wait.go's Complete).
    const timeoutMs = parsedTimeout < 0 ? 7 * 24 * 3_600_000 : parsedTimeout;
    const forText = String(flags.get('for') ?? '');
    const check = checkFor(forText);
    if (typeof check === 'string') return fail(stderr, check);
    const setup = await kubectlSetup(ctx);
    let visited;
    try {
      visited = await visitObjects(ctx, setup, {
        args: ctx.args,
        filenames: (flags.get('filename') as string[] | undefined) ?? [],
        recursive: flags.get('recursive') === true,
        selector: flags.has('selector') ? String(flags.get('selector')) : undefined,
        fieldSelector: flags.has('field-selector') ? String(flags.get('field-selector')) : undefined,
        all: flags.get('all') === true,
        allNamespaces: flags.get('all-namespaces') === true,
      });
    } catch (error) {
      if (isBuilderError(error)) return fail(stderr, error.message);
      throw error;
    }
    const forDelete = forText.toLowerCase() === 'delete';
    const errors = visited.errors.filter((e) => !(forDelete && typeof e !== 'string' && e.code === 404));
    for (const { info, object } of visited.objects) {
      const { name, namespace } = object.metadata;
      let result;
      try {
        result = await untilWithSync(
          { client: setup.client, info, namespace, name, clock: ctx.clock, signal: ctx.signal, timeoutMs },
          check,
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(error);
        continue;
      }
      if (result === 'cancelled') return 130;
      if (result === 'timeout') {
        errors.push(`timed out waiting for the condition on ${info.resource}/${name}`);
        continue;
      }
      const printed = `${kindPrefix(info)}/${name}`;
      stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} condition met\n`);
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    if (visited.objects.length === 0 && !forDelete) return fail(stderr, 'no matching resources found');
    return 0;
  },
};
