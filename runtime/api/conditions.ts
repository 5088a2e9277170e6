/** A status condition (metav1.Condition, or a kind's own condition type). */
export interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string | null;
  [field: string]: unknown;
}

/**
 * `conditions` with `condition` set in place of one of its type, or added (meta.SetStatusCondition):
 * its lastTransitionTime stays as it was unless its status changes, when it becomes `now`.
 */
export function setCondition(conditions: unknown, condition: Condition, now: string): Condition[] {
  const list = Array.isArray(conditions) ? [...(conditions as Condition[])] : [];
  const i = list.findIndex((c) => c.type === condition.type);
  const old = i < 0 ? undefined : list[i];
  const next = { ...condition, lastTransitionTime: old?.status === condition.status ? old.lastTransitionTime : now };
  if (i < 0) list.push(next);
  else list[i] = next;
  return list;
}
