import type { FlagSpec } from '../flags';
import { bool, checkInt32, int, nameFromArgs, str, type Generator } from './generator';

const VALUE: FlagSpec = { name: 'value', type: 'int' };

/** `kubectl create priorityclass NAME [--value] [--global-default] [--description] [--preemption-policy]`. */
export const priorityClassGenerator: Generator = {
  name: 'priorityclass',
  aliases: ['pc'],
  commandPath: 'kubectl create priorityclass',
  flags: [
    VALUE,
    { name: 'global-default', type: 'bool' },
    { name: 'description', type: 'string' },
    { name: 'preemption-policy', type: 'string' },
  ],
  required: [],
  build(input) {
    checkInt32(input, VALUE, this.commandPath);
    const name = nameFromArgs(input, this.commandPath);
    const description = str(input, 'description');
    return {
      kind: 'PriorityClass',
      apiVersion: 'scheduling.k8s.io/v1',
      metadata: { name },
      value: int(input, 'value', 0),
      ...(bool(input, 'global-default') ? { globalDefault: true } : {}),
      ...(description ? { description } : {}),
      preemptionPolicy: str(input, 'preemption-policy', 'PreemptLowerPriority'),
    };
  },
};
