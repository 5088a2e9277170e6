// `kubectl apply --server-side` (kubectl pkg/cmd/apply applyOneObject's ServerSideApply branch):
// the whole manifest sent as an apply patch, the server merging it and owning its fields under
// the field manager; a conflict explained as kubectl explains it.
import { union, type ManagedFieldsEntry } from '../api/managed-fields';
import { ApiError } from './kubectl-client';
import { goJson } from './apply-patch';
import type { Manifest } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import type { KubectlSetup } from './setup';

/** The field manager server-side apply uses unless --field-manager names one (fieldManagerServerSideApply). */
export const SERVER_SIDE_MANAGER = 'kubectl';

/** The manager that keeps the last-applied annotation alive once an object moves to SSA (fieldManagerLastAppliedAnnotation). */
const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Live = {
  metadata?: { annotations?: Record<string, string>; managedFields?: ManagedFieldsEntry[]; resourceVersion?: string };
};

/** What applyOneObject adds after the server's conflict message. */
const CONFLICT_ADVICE = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/**
 * Applies one manifest server-side; a conflict throws kubectl's explanation as a string, other
 * failures their ApiError (printed without a source, as applyOneObject returns them).
 */
export async function serverSideApply(
  setup: KubectlSetup,
  manifest: Manifest,
  options: { manager: string; force: boolean; dryRun: boolean },
): Promise<void> {
  const { info, namespace, name } = manifest;
  const metadata = { ...((manifest.object.metadata ?? {}) as Record<string, unknown>) };
  if (namespace !== undefined) metadata.namespace = namespace;
  const url = (manager: string, force?: boolean): string =>
    `${resourceUrl(info, namespace, name)}${queryString({
      dryRun: options.dryRun ? 'All' : undefined,
      fieldManager: manager,
      fieldValidation: 'Strict',
      force: force === undefined ? undefined : String(force),
    })}`;
  const patch: Patch = (manager, body, force) =>
    setup.client.json<Live>(url(manager, force), {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: goJson({ ...body }),
      verb: 'patch',
      target: `${info.resource} ${name}`,
    });
  let live: Live;
  try {
    live = await patch(options.manager, { ...manifest.object, metadata }, options.force);
  } catch (error) {
    if (error instanceof ApiError && error.code === 409 && error.status?.reason === 'Conflict') {
      throw new Error(`${error.status.message ?? ''}${CONFLICT_ADVICE}`, { cause: error });
    }
    throw error;
  }
  // saveLastApplyAnnotationIfNecessary, then migrateToSSAIfNecessary: kubectl only warns when
  // these fail, the apply itself having succeeded.
  try {
    live = (await saveLastApplied(live, options.manager, patch, manifest)) ?? live;
    const migration = upgradePatch(live, options.manager);
    if (!migration) return;
    await setup.client.json(url(options.manager), {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: JSON.stringify(migration),
      verb: 'patch',
      target: `${info.resource} ${name}`,
    });
    // Re-sent so that fields the client-side manager held and the manifest dropped go.
    await patch(options.manager, { ...manifest.object, metadata }, options.force);
  } catch {
    // warningMigrationLastAppliedFailed / warningMigrationPatchFailed: not printed by kubeplay.
  }
}

type Patch = (manager: string, body: Record<string, unknown>, force?: boolean) => Promise<Live>;

/** Whether `entry` owns the last-applied annotation (csaupgrade.FindFieldsOwners of its path). */
const ownsLastApplied = (entry: ManagedFieldsEntry): boolean =>
  Boolean(
    (entry.fieldsV1?.['f:metadata'] as Record<string, Record<string, unknown>> | undefined)?.['f:annotations']?.[
      `f:${LAST_APPLIED}`
    ],
  );

/**
 * A client-side-applied object keeps its annotation under a manager of its own, unless an Apply
 * manager owns it already; returns the object after that apply, if one was sent.
 */
async function saveLastApplied(
  live: Live,
  manager: string,
  patch: Patch,
  manifest: Manifest,
): Promise<Live | undefined> {
  const annotation = live.metadata?.annotations?.[LAST_APPLIED];
  if (manager !== SERVER_SIDE_MANAGER || annotation === undefined) return undefined;
  if ((live.metadata?.managedFields ?? []).some((e) => e.operation === 'Apply' && ownsLastApplied(e))) return undefined;
  const { info, namespace, name } = manifest;
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  const metadata = {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    annotations: { [LAST_APPLIED]: annotation },
  };
  return patch(LAST_APPLIED_MANAGER, { apiVersion, kind: info.kind, metadata });
}

/**
 * csaupgrade.UpgradeManagedFieldsPatch: the fields of the client-side managers (Update entries
 * owning the annotation) moved into `manager`'s Apply entry, as a JSON patch; undefined when
 * there is nothing to move.
 */
function upgradePatch(live: Live, manager: string): unknown[] | undefined {
  const entries = live.metadata?.managedFields ?? [];
  const csaManagers = [
    ...new Set(entries.filter((e) => e.operation === 'Update' && ownsLastApplied(e)).map((e) => e.manager)),
  ];
  let upgraded = entries.map((e) => ({ ...e }));
  const main = (e: ManagedFieldsEntry): boolean => e.manager === manager && e.operation === 'Apply' && !e.subresource;
  for (const csa of csaManagers) {
    const isCsa = (e: ManagedFieldsEntry): boolean => e.manager === csa && e.operation === 'Update' && !e.subresource;
    let target = upgraded.findIndex(main);
    if (target < 0) {
      target = upgraded.findIndex(isCsa);
      if (target < 0) continue;
      upgraded[target] = { ...upgraded[target], operation: 'Apply', manager };
    }
    const source = upgraded.find((e) => isCsa(e) && e.apiVersion === upgraded[target].apiVersion);
    if (source) upgraded[target] = { ...upgraded[target], fieldsV1: union(upgraded[target].fieldsV1, source.fieldsV1) };
    upgraded = upgraded.filter((e) => !isCsa(e));
  }
  if (csaManagers.length === 0 || JSON.stringify(upgraded) === JSON.stringify(entries)) return undefined;
  return [
    { op: 'replace', path: '/metadata/managedFields', value: upgraded },
    { op: 'replace', path: '/metadata/resourceVersion', value: live.metadata?.resourceVersion ?? '' },
  ];
}
