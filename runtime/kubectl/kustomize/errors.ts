/** An error of a kustomize build, printed by kubectl as `error: <message>`. */
export class KustomizeError extends Error {}
