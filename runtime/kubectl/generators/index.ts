import { configMapGenerator } from './configmap';
import { deploymentGenerator } from './deployment';
import type { Generator } from './generator';
import { ingressGenerator } from './ingress';
import { cronJobGenerator, jobGenerator } from './job';
import { namespaceGenerator, serviceAccountGenerator } from './namespace';
import { podDisruptionBudgetGenerator } from './pod-disruption-budget';
import { priorityClassGenerator } from './priority-class';
import { quotaGenerator } from './quota';
import { clusterRoleGenerator, roleGenerator } from './role';
import { clusterRoleBindingGenerator, roleBindingGenerator } from './role-binding';
import { secretDockerRegistryGenerator, secretGenericGenerator, secretTlsGenerator } from './secret';
import { serviceGenerators } from './service';

export { GeneratorError, usageError, type Generator, type GeneratorInput } from './generator';
export { buildRunPod, RUN_FLAGS, type RunInput } from './run-pod';
export { buildExposedService, EXPOSE_FLAGS } from './expose';

/** Every `kubectl create <generator>`; nested ones are named `service clusterip`, `secret generic`, …. */
export const GENERATORS: readonly Generator[] = [
  clusterRoleGenerator,
  clusterRoleBindingGenerator,
  configMapGenerator,
  cronJobGenerator,
  deploymentGenerator,
  ingressGenerator,
  jobGenerator,
  namespaceGenerator,
  podDisruptionBudgetGenerator,
  priorityClassGenerator,
  quotaGenerator,
  roleGenerator,
  roleBindingGenerator,
  secretDockerRegistryGenerator,
  secretGenericGenerator,
  secretTlsGenerator,
  ...serviceGenerators,
  serviceAccountGenerator,
];

/** Aliases of the parent commands of nested generators (`create svc clusterip`); `secret` has none. */
export const PARENT_ALIASES: Readonly<Record<string, readonly string[]>> = { service: ['svc'], secret: [] };

/** Finds the generator for `create` args (`['deploy', 'x']`, `['svc', 'clusterip', 'x']`) and how many words named it. */
export function findGenerator(args: readonly string[]): { generator: Generator; words: number } | undefined {
  for (const generator of GENERATORS) {
    const words = generator.name.split(' ');
    if (words.length === 2) {
      const parent = [words[0], ...(PARENT_ALIASES[words[0]] ?? [])];
      if (parent.includes(args[0]) && args[1] === words[1]) return { generator, words: 2 };
    } else if (args[0] === words[0] || generator.aliases.includes(args[0])) return { generator, words: 1 };
  }
  return undefined;
}
