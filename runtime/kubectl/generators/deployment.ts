import { randomString } from '../../rng';
import type { FlagSpec } from '../flags';
import {
  checkInt32,
  checkRequired,
  GeneratorError,
  int,
  list,
  nameFromArgs,
  namespaceOf,
  type Generator,
  type GeneratorInput,
} from './generator';

const PATH = 'kubectl create deployment';
const FLAGS: readonly FlagSpec[] = [
  { name: 'image', type: 'stringSlice' },
  { name: 'port', type: 'int' },
  { name: 'replicas', short: 'r', type: 'int' },
];

/** The container name kubectl derives from an image: the last path part without tag or digest. */
function containerName(image: string, input: GeneratorInput): string {
  let name = image.split('/').pop() ?? '';
  name = name.split(':')[0].split('@')[0];
  // sanitizeAndUniquify: `_` and `.` are not allowed in names, so kubectl swaps them and adds a random suffix.
  if (/[_.]/.test(name)) {
    const suffix = input.rng ? randomString(input.rng, 5) : 'xxxxx';
    name = `${name.replace(/[_.]/g, '-')}-${suffix}`;
  }
  return name;
}

/** `kubectl create deployment NAME --image=… [--replicas] [--port] [-- command…]`. */
export const deploymentGenerator: Generator = {
  name: 'deployment',
  aliases: ['deploy'],
  commandPath: PATH,
  flags: FLAGS,
  required: ['image'],
  build(input) {
    checkInt32(input, FLAGS[1], PATH);
    checkInt32(input, FLAGS[2], PATH);
    checkRequired(input, this.required);
    const name = nameFromArgs(input, PATH);
    const command = input.args.length > 1 ? input.args.slice(1) : undefined;
    const images = list(input, 'image');
    if (images.length > 1 && command) throw new GeneratorError('cannot specify multiple --image options and command');
    const port = int(input, 'port', -1);
    const containers = images.map((image, i) => ({
      name: containerName(image, input),
      image,
      ...(command ? { command } : {}),
      ...(port >= 0 && i === 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    }));
    const labels = { app: name };
    return {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name, ...namespaceOf(input), labels },
      spec: {
        replicas: int(input, 'replicas', 1),
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
  },
};
