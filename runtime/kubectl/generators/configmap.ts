import { GeneratorError, list, nameFromArgs, namespaceOf, type Generator } from './generator';
import { addEnvFileSources, addFileSources, parseLiteralSource } from './data-sources';
import { sortKeys } from './go-json';
import { configMapKeyErrors } from './validation';

/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]`. */
export const configMapGenerator: Generator = {
  name: 'configmap',
  aliases: ['cm'],
  commandPath: 'kubectl create configmap',
  flags: [
    { name: 'from-file', type: 'stringSlice' },
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const files = list(input, 'from-file');
    const literals = list(input, 'from-literal');
    const envFiles = list(input, 'from-env-file');
    if (envFiles.length && (files.length || literals.length)) {
      throw new GeneratorError('from-env-file cannot be combined with from-file or from-literal');
    }
    const data: Record<string, string> = {};
    const add = (key: string, value: string): void => {
      const errors = configMapKeyErrors(key);
      if (errors.length) {
        throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errors.join(',')}`);
      }
      if (key in data) {
        throw new GeneratorError(
          `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`,
        );
      }
      data[key] = value;
    };
    addFileSources(input, files, add);
    for (const source of literals) add(...parseLiteralSource(source));
    addEnvFileSources(input, envFiles, 'env config file', add);
    return {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name, ...namespaceOf(input) },
      ...(Object.keys(data).length ? { data: sortKeys(data) } : {}),
    };
  },
};
