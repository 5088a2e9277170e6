import type { FlagSpec } from '../flags';
import { GeneratorError, list, nameFromArgs, namespaceOf, type Generator } from './generator';
import { sortKeys } from './go-json';
import { policyRules, ruleOptions, unique, validateResources, warnVerbs } from './policy-rules';

const RULE_FLAGS: readonly FlagSpec[] = [
  { name: 'verb', type: 'stringSlice' },
  { name: 'resource', type: 'stringSlice' },
  { name: 'resource-name', type: 'stringArray' },
];

/** `kubectl create role NAME --verb=… --resource=… [--resource-name=…]`. */
export const roleGenerator: Generator = {
  name: 'role',
  aliases: [],
  commandPath: 'kubectl create role',
  flags: RULE_FLAGS,
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const { verbs, resources, resourceNames } = ruleOptions(input);
    if (!verbs.length) throw new GeneratorError('at least one verb must be specified');
    warnVerbs(input, verbs);
    if (!resources.length) throw new GeneratorError('at least one resource must be specified');
    validateResources(input, verbs, resources);
    return {
      kind: 'Role',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name, ...namespaceOf(input) },
      rules: policyRules(input, verbs, resources, resourceNames, []),
    };
  },
};

const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** cliflag.MapStringString for --aggregation-rule: `k=v[,k=v]`, repeatable. */
function aggregationRule(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) {
        throw new GeneratorError(
          `invalid argument "${value}" for "--aggregation-rule" flag: malformed pair, expect string=string`,
        );
      }
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return sortKeys(out);
}

/** `kubectl create clusterrole NAME --verb … (--resource … | --non-resource-url …) | --aggregation-rule …`. */
export const clusterRoleGenerator: Generator = {
  name: 'clusterrole',
  aliases: [],
  commandPath: 'kubectl create clusterrole',
  flags: [
    RULE_FLAGS[0],
    { name: 'non-resource-url', type: 'stringSlice' },
    RULE_FLAGS[1],
    RULE_FLAGS[2],
    { name: 'aggregation-rule', type: 'stringArray' },
  ],
  required: [],
  build(input) {
    const rule = aggregationRule(list(input, 'aggregation-rule'));
    const urls = unique(list(input, 'non-resource-url'));
    const name = nameFromArgs(input, this.commandPath);
    const { verbs, resources, resourceNames } = ruleOptions(input);
    const head = { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: { name } };
    if (Object.keys(rule).length) {
      if (urls.length || verbs.length || resources.length || resourceNames.length) {
        throw new GeneratorError(
          'aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
        );
      }
      return { ...head, rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: rule }] } };
    }
    if (!verbs.length) throw new GeneratorError('at least one verb must be specified');
    if (!resources.length && !urls.length)
      throw new GeneratorError('one of resource or nonResourceURL must be specified');
    if (resources.length) {
      warnVerbs(input, verbs);
      validateResources(input, verbs, resources);
    }
    if (urls.length) {
      for (const verb of verbs) {
        if (!NON_RESOURCE_VERBS.includes(verb)) throw new GeneratorError(`invalid verb: '${verb}' for nonResourceURL`);
      }
      for (const url of urls) {
        if (url === '*') continue;
        if (!url.startsWith('/')) throw new GeneratorError('nonResourceURL should start with /');
        if (url.slice(0, -1).includes('*')) {
          throw new GeneratorError("nonResourceURL only supports wildcard matches when '*' is at the end");
        }
      }
    }
    return { ...head, rules: policyRules(input, verbs, resources, resourceNames, urls) };
  },
};
