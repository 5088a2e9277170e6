/**
 * The status the apiextensions-apiserver's naming and establishing controllers give a
 * CustomResourceDefinition (controller/status/naming_controller.go, establish/
 * establishing_controller.go): its names are accepted unless another definition of the same
 * group already holds one of them, and an accepted definition becomes Established, which is when
 * its resource is served. Here they run as part of each write of the definition.
 */
import type { CrdNames } from './crd-internal';
import { deepEqual, isObject, type KubeObject } from './object';

/** A CustomResourceDefinitionCondition, fields in the order the server writes them. */
export interface CrdCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The status fields the controllers write. */
export interface CrdStatus {
  conditions?: CrdCondition[] | null;
  acceptedNames?: CrdNames;
  storedVersions?: string[];
  [field: string]: unknown;
}

const namesOf = (value: unknown): CrdNames => (isObject(value) ? (value as CrdNames) : {});

/** CustomResourceDefinitionNames as encoding/json writes it (plural and kind always). */
function namesJson(names: CrdNames): CrdNames {
  return {
    plural: names.plural ?? '',
    ...(names.singular ? { singular: names.singular } : {}),
    ...(names.shortNames?.length ? { shortNames: names.shortNames } : {}),
    kind: names.kind ?? '',
    ...(names.listKind ? { listKind: names.listKind } : {}),
    ...(names.categories?.length ? { categories: names.categories } : {}),
  };
}

/** setCRDCondition: replaces the condition of that type, keeping its transition time unless its status changes. */
function setCondition(status: CrdStatus, condition: CrdCondition, now: string): void {
  const conditions = (status.conditions ??= []);
  const existing = conditions.find((c) => c.type === condition.type);
  if (!existing) {
    conditions.push({
      type: condition.type,
      status: condition.status,
      lastTransitionTime: now,
      reason: condition.reason,
      message: condition.message,
    });
    return;
  }
  if (existing.status !== condition.status || !existing.lastTransitionTime) existing.lastTransitionTime = now;
  existing.status = condition.status;
  existing.reason = condition.reason;
  existing.message = condition.message;
}

/** The names the other definitions of a group have been given (getAcceptedNamesForGroup). */
function namesInUse(group: string, crds: readonly KubeObject[]): { resources: Set<string>; kinds: Set<string> } {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const crd of crds) {
    if ((crd.spec as { group?: string } | undefined)?.group !== group) continue;
    const accepted = namesOf((crd.status as CrdStatus | undefined)?.acceptedNames);
    resources.add(accepted.plural ?? '');
    resources.add(accepted.singular ?? '');
    for (const shortName of accepted.shortNames ?? []) resources.add(shortName);
    kinds.add(accepted.kind ?? '');
    kinds.add(accepted.listKind ?? '');
  }
  return { resources, kinds };
}

/** equalToAcceptedOrFresh: a requested name is fine if already ours or used by no one. */
function conflict(requested: string, accepted: string, used: Set<string>): string | undefined {
  if (requested === accepted || !used.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

/**
 * Runs the naming controller and then the establishing controller over a definition written now:
 * `crds` are the stored definitions (its old self included, on an update). Changes its status in
 * place (which must be its own copy).
 */
export function reconcileCrdNames(crd: KubeObject, crds: readonly KubeObject[], now: string): void {
  const {
    conditions = null,
    acceptedNames = { plural: '', kind: '' },
    storedVersions,
    ...rest
  } = (crd.status ?? {}) as CrdStatus;
  // The fields in the order the server writes them.
  const status: CrdStatus = { conditions, acceptedNames, storedVersions, ...rest };
  crd.status = status;
  const spec = isObject(crd.spec) ? crd.spec : {};
  const requested = namesOf(spec.names);
  const accepted = namesOf(status.acceptedNames);
  if (deepEqual(namesJson(requested), namesJson(accepted)) && status.conditions?.length) return;
  const group = typeof spec.group === 'string' ? spec.group : '';
  const { resources, kinds } = namesInUse(group, crds);
  const names: CrdNames = { ...accepted };
  let namesAccepted: CrdCondition = { type: 'NamesAccepted', status: 'Unknown' };
  const reject = (reason: string, message: string): void => {
    namesAccepted = { type: 'NamesAccepted', status: 'False', reason, message };
  };
  const check = (field: 'plural' | 'singular' | 'kind' | 'listKind', used: Set<string>, reason: string): void => {
    const problem = conflict(requested[field] ?? '', accepted[field] ?? '', used);
    if (problem) reject(reason, problem);
    else names[field] = requested[field];
  };
  check('plural', resources, 'PluralConflict');
  check('singular', resources, 'SingularConflict');
  if (!deepEqual(requested.shortNames ?? null, accepted.shortNames ?? null)) {
    const mine = new Set(accepted.shortNames ?? []);
    const problems = [
      ...new Set(
        (requested.shortNames ?? []).filter((s) => !mine.has(s)).flatMap((s) => conflict(s, '', resources) ?? []),
      ),
    ];
    if (problems.length > 0)
      reject('ShortNamesConflict', problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`);
    else names.shortNames = requested.shortNames;
  }
  check('kind', kinds, 'KindConflict');
  check('listKind', kinds, 'ListKindConflict');
  names.categories = requested.categories;
  if (namesAccepted.status === 'Unknown') {
    namesAccepted = { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  }
  let established: CrdCondition = {
    type: 'Established',
    status: 'False',
    reason: 'NotAccepted',
    message: 'not all names are accepted',
  };
  const previous = status.conditions?.find((c) => c.type === 'Established');
  if (previous) established = { ...previous };
  if (established.status !== 'True' && namesAccepted.status === 'True') {
    established = {
      type: 'Established',
      status: 'False',
      reason: 'Installing',
      message: 'the initial names have been accepted',
    };
  }
  status.acceptedNames = namesJson(names);
  setCondition(status, namesAccepted, now);
  setCondition(status, established, now);
  // The establishing controller: accepted names make the definition Established.
  if (namesAccepted.status === 'True' && established.status !== 'True') {
    setCondition(
      status,
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
      now,
    );
  }
}
