import { labelSelectorMatcher } from '../controllers/pods';
import type { FilterPlugin, Snapshot } from './filters';
import type { Node, Pod, PodAffinityTerm } from './types';

// interpodaffinity/filtering.go
/** ErrReasonExistingAntiAffinityRulesNotMatch. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch. */
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch. */
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

/** framework.AffinityTerm.Matches: `pod` is in one of the term's namespaces and its labels match. */
function termSelects(owner: Pod, term: PodAffinityTerm, pod: Pod, snapshot: Snapshot): boolean {
  const namespace = pod.metadata?.namespace ?? '';
  const namespaces = term.namespaces ?? [];
  let inScope: boolean;
  if (namespaces.length === 0 && !term.namespaceSelector) inScope = namespace === owner.metadata?.namespace;
  else {
    inScope =
      namespaces.includes(namespace) ||
      (!!term.namespaceSelector && labelSelectorMatcher(term.namespaceSelector)(snapshot.namespaceLabels(namespace)));
  }
  return inScope && labelSelectorMatcher(term.labelSelector)(pod.metadata?.labels ?? {});
}

const topologyValue = (node: Node, key: string): string | undefined => node.metadata?.labels?.[key];

/** The pod's required anti-affinity terms. */
export const antiAffinityTerms = (pod: Pod): PodAffinityTerm[] =>
  pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const affinityTerms = (pod: Pod): PodAffinityTerm[] =>
  pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];

/**
 * InterPodAffinity (required terms only), in the order its Filter checks them: pods already
 * running whose anti-affinity the incoming pod would break in the node's topology domain; then
 * the pod's own affinity (each term needs a matching pod in the node's domain — unless no pod
 * anywhere matches and the pod matches its own terms, the first pod of a group); then its
 * anti-affinity (no matching pod in the node's domain).
 */
export const interPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  filter(pod, info, snapshot) {
    const node = info.node;
    for (const { pod: existing, node: other } of snapshot.podsWithRequiredAntiAffinity) {
      for (const term of antiAffinityTerms(existing)) {
        const value = topologyValue(other, term.topologyKey);
        if (value === undefined || topologyValue(node, term.topologyKey) !== value) continue;
        if (termSelects(existing, term, pod, snapshot)) {
          return { plugin: this.name, code: 'Unschedulable', reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY] };
        }
      }
    }
    const affinity = affinityTerms(pod);
    if (affinity.length > 0) {
      const inDomain = (term: PodAffinityTerm): boolean => {
        const value = topologyValue(node, term.topologyKey);
        if (value === undefined) return false;
        return snapshot.nodes.some(
          (other) =>
            topologyValue(other.node, term.topologyKey) === value &&
            other.pods.some((p) => termSelects(pod, term, p, snapshot)),
        );
      };
      if (!affinity.every(inDomain)) {
        const anyMatch = snapshot.nodes.some((other) =>
          other.pods.some((p) => affinity.some((term) => termSelects(pod, term, p, snapshot))),
        );
        const selfMatch = affinity.every((term) => termSelects(pod, term, pod, snapshot));
        const hasKeys = affinity.every((term) => topologyValue(node, term.topologyKey) !== undefined);
        if (anyMatch || !selfMatch || !hasKeys) {
          return { plugin: this.name, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY] };
        }
      }
    }
    for (const term of antiAffinityTerms(pod)) {
      const value = topologyValue(node, term.topologyKey);
      if (value === undefined) continue;
      const conflict = snapshot.nodes.some(
        (other) =>
          topologyValue(other.node, term.topologyKey) === value &&
          other.pods.some((p) => termSelects(pod, term, p, snapshot)),
      );
      if (conflict) return { plugin: this.name, code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY] };
    }
    return undefined;
  },
};
