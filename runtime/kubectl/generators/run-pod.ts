import type { FlagSpec } from '../flags';
import {
  bool,
  checkRequired,
  GeneratorError,
  list,
  namespaceOf,
  str,
  usageError,
  type GeneratorInput,
} from './generator';
import { isImageReference } from './image-reference';
import { parseLabels, parsePairs } from './labels';
import { applyOverrides } from './overrides';
import { atoi, envVarNameErrors } from './validation';

const PATH = 'kubectl run';

/** `kubectl run`'s own flags (besides the common output/dry-run ones). */
export const RUN_FLAGS: readonly FlagSpec[] = [
  { name: 'annotations', type: 'stringArray' },
  { name: 'image', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'env', type: 'stringArray' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'leave-stdin-open', type: 'bool' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'privileged', type: 'bool' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'record', type: 'bool' },
  // The delete flags `run --rm` uses.
  { name: 'cascade', type: 'string' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'wait', type: 'bool' },
];

/** What `kubectl run` needs beyond a generator's input. */
export interface RunInput extends GeneratorInput {
  /** --dry-run's strategy: attaching is refused with a dry run. */
  dryRun: 'none' | 'client' | 'server';
}

/** run.go parseEnvs. */
function parseEnvs(items: string[]): Array<{ name: string; value: string }> {
  return items.map((item) => {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq);
    if (!name || envVarNameErrors(name).length) throw new GeneratorError(`invalid env: ${item}`);
    return { name, value: item.slice(eq + 1) };
  });
}

/**
 * The Pod `kubectl run NAME --image=… [-- args…]` creates (BasicPod generator, then --overrides),
 * with RunOptions.Run's checks in their order.
 */
export function buildRunPod(input: RunInput): unknown {
  checkRequired(input, ['image']);
  // The real kubectl v1.34.5 takes `run --image=x -- NAME` as naming the pod (recorded), so only no args at all fails.
  if (input.args.length === 0) throw usageError(PATH, 'NAME is required for run');
  const image = str(input, 'image');
  if (!image) throw new GeneratorError('--image is required');
  if (!isImageReference(image)) throw new GeneratorError(`Invalid image name "${image}": invalid reference format`);
  const stdin = bool(input, 'stdin');
  const tty = bool(input, 'tty');
  if (tty && !stdin) throw usageError(PATH, '-i/--stdin is required for containers with -t/--tty=true');
  const port = str(input, 'port');
  if (bool(input, 'expose') && !port) throw usageError(PATH, '--port must be set when exposing a service');
  const restart = str(input, 'restart', 'Always');
  if (restart && !['Always', 'OnFailure', 'Never'].includes(restart)) {
    throw usageError(PATH, `invalid restart policy: ${restart}`);
  }
  const attach = bool(input, 'attach', stdin);
  if (!attach && bool(input, 'rm')) throw usageError(PATH, '--rm should only be used for attached containers');
  if (attach && input.dryRun !== 'none') {
    throw usageError(
      PATH,
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  const pullPolicy = str(input, 'image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    throw usageError(PATH, `invalid image pull policy: ${pullPolicy}`);
  }
  const name = input.args[0];
  const args = input.args.slice(1);
  const env = parseEnvs(list(input, 'env'));
  const annotations = input.flags.has('annotations') ? parsePairs(list(input, 'annotations'), 'annotations') : {};
  const labelText = str(input, 'labels');
  const labels = labelText ? parseLabels(labelText) : { run: name };
  let containerPort: number | undefined;
  if (port) {
    const parsed = atoi(port);
    if (typeof parsed === 'string') throw new GeneratorError(parsed);
    containerPort = parsed;
  }
  const command = bool(input, 'command');
  const container = {
    name,
    image,
    ...(args.length && command ? { command: args } : {}),
    ...(args.length && !command ? { args } : {}),
    ...(containerPort !== undefined ? { ports: [{ containerPort }] } : {}),
    ...(env.length ? { env } : {}),
    resources: {},
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    ...(bool(input, 'privileged') ? { securityContext: { privileged: true } } : {}),
    ...(stdin ? { stdin: true } : {}),
    ...(stdin && !bool(input, 'leave-stdin-open') ? { stdinOnce: true } : {}),
    ...(tty ? { tty: true } : {}),
  };
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...namespaceOf(input),
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: { containers: [container], restartPolicy: restart || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  return applyOverrides(pod, str(input, 'overrides'), str(input, 'override-type', 'merge'), 'v1.Pod');
}
