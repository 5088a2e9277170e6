import { nameFromArgs, namespaceOf, type Generator } from './generator';

/** `kubectl create namespace NAME` (never sets metadata.namespace). */
export const namespaceGenerator: Generator = {
  name: 'namespace',
  aliases: ['ns'],
  commandPath: 'kubectl create namespace',
  flags: [],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    return { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} };
  },
};

/** `kubectl create serviceaccount NAME`. */
export const serviceAccountGenerator: Generator = {
  name: 'serviceaccount',
  aliases: ['sa'],
  commandPath: 'kubectl create serviceaccount',
  flags: [],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name, ...namespaceOf(input) } };
  },
};
