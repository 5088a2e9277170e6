import { GeneratorError, nameFromArgs, namespaceOf, str, type Generator } from './generator';
import { parseToLabelSelector } from './label-selector';
import { intOrString } from './validation';

/** `kubectl create poddisruptionbudget NAME --selector=… --min-available=N|--max-unavailable=N`. */
export const podDisruptionBudgetGenerator: Generator = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  commandPath: 'kubectl create poddisruptionbudget',
  flags: [
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
    { name: 'selector', type: 'string' },
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const selector = str(input, 'selector');
    const minAvailable = str(input, 'min-available');
    const maxUnavailable = str(input, 'max-unavailable');
    if (!selector) throw new GeneratorError('a selector must be specified');
    if (!minAvailable && !maxUnavailable)
      throw new GeneratorError('one of min-available or max-unavailable must be specified');
    if (minAvailable && maxUnavailable)
      throw new GeneratorError('min-available and max-unavailable cannot be both specified');
    const format = /^[0-9]+%?$/;
    if (minAvailable && !format.test(minAvailable))
      throw new GeneratorError('invalid format specified for min-available');
    if (maxUnavailable && !format.test(maxUnavailable))
      throw new GeneratorError('invalid format specified for max-unavailable');
    return {
      kind: 'PodDisruptionBudget',
      apiVersion: 'policy/v1',
      metadata: { name, ...namespaceOf(input) },
      spec: {
        ...(minAvailable ? { minAvailable: intOrString(minAvailable) } : {}),
        selector: parseToLabelSelector(selector),
        ...(maxUnavailable ? { maxUnavailable: intOrString(maxUnavailable) } : {}),
      },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    };
  },
};
