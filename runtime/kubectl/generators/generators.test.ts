import { describe, expect, it } from 'vitest';
import fixture from '../../../tests/fixtures/kubectl/generators.json';
import { createSeededRng } from '../../rng';
import { parseFlags, type FlagSpec } from '../flags';
import { buildExposedService, buildRunPod, EXPOSE_FLAGS, findGenerator, GeneratorError, RUN_FLAGS } from './index';
import type { GeneratorInput } from './generator';

/** The flags of `kubectl create` itself and the global ones the cases use. */
const COMMON: FlagSpec[] = [
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'namespace', short: 'n', type: 'string' },
];

const files = fixture.files as Record<string, string>;
const objects = fixture.objects as Array<Record<string, any>>;

/** encoding/json's MarshalIndent with four spaces and its HTML-safe escapes. */
const goJson = (value: unknown): string =>
  `${JSON.stringify(value, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

/** Resources the role cases name, as discovery would resolve them. */
const RESOURCES: Record<string, [string, string]> = {
  pods: ['', 'pods'],
  po: ['', 'pods'],
  svc: ['', 'services'],
  nodes: ['', 'nodes'],
  deployments: ['apps', 'deployments'],
  deploy: ['apps', 'deployments'],
  roles: ['rbac.authorization.k8s.io', 'roles'],
};

/** What kubeplay's kubectl would print for one recorded case. */
function replay(argv: string[]): { stdout: string; stderr: string; exitCode: number } {
  const [command, ...rest] = argv;
  let specs: readonly FlagSpec[];
  let words = 0;
  let build: (input: GeneratorInput) => unknown;
  if (command === 'run') {
    specs = RUN_FLAGS;
    build = (input) => buildRunPod({ ...input, dryRun: 'client' });
  } else if (command === 'expose') {
    specs = EXPOSE_FLAGS;
    build = (input) => {
      const [type, name] = input.args;
      const kind = {
        deployment: 'Deployment',
        deploy: 'Deployment',
        rs: 'ReplicaSet',
        replicaset: 'ReplicaSet',
        rc: 'ReplicationController',
        pod: 'Pod',
        service: 'Service',
        svc: 'Service',
        configmap: 'ConfigMap',
      }[type];
      const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
      if (!object) throw new GeneratorError(`Error from server (NotFound): ${type} "${name}" not found`, false);
      return buildExposedService(object, { ...input, args: [] });
    };
  } else {
    const found = findGenerator(rest);
    if (!found) throw new Error(`no generator for ${argv.join(' ')}`);
    words = found.words;
    specs = found.generator.flags;
    build = (input) => found.generator.build(input);
  }
  const parsed = parseFlags(rest.slice(words), [...specs, ...COMMON]);
  if (!parsed.ok) throw new Error(parsed.error);
  const namespace = parsed.values.get('namespace');
  const warnings: string[] = [];
  const input: GeneratorInput = {
    args: parsed.args,
    dashAt: parsed.dashAt,
    flags: parsed.values,
    namespace: typeof namespace === 'string' ? namespace : 'default',
    enforceNamespace: typeof namespace === 'string',
    readFile: (path) => {
      if (!(path in files)) throw new Error(`open ${path}: no such file or directory`);
      return files[path];
    },
    resolveResource: (resource, group) => {
      const hit = RESOURCES[resource];
      return hit && (!group || group === hit[0]) ? { group: hit[0], resource: hit[1] } : undefined;
    },
    fromObject: objects.find((o) => `${o.kind.toLowerCase()}/${o.metadata.name}` === parsed.values.get('from')),
    rng: createSeededRng('test'),
    warn: (line) => warnings.push(line),
  };
  try {
    const object = build(input);
    return { stdout: goJson(object), stderr: warnings.map((w) => `${w}\n`).join(''), exitCode: 0 };
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    return { stdout: '', stderr: `${warnings.map((w) => `${w}\n`).join('')}${error.stderr}\n`, exitCode: 1 };
  }
}

/**
 * Cases whose errors come before a generator runs (pflag, the API server; int32 range errors are
 * the generators' own, since FlagSpec's ints are 64-bit).
 */
const skip = (c: { args: string[]; stderr: string }): boolean =>
  /for usage\.\n$|^Error from server|couldn't decode the protobuf/.test(c.stderr) && !c.stderr.includes('out of range');

describe('kubectl create/run/expose generators against the real kubectl', () => {
  const cases = fixture.cases.filter((c) => !skip(c));
  it.each(cases.map((c) => [c.args.join(' '), c] as const))('%s', (_, c) => {
    expect(replay(c.args)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });
});
