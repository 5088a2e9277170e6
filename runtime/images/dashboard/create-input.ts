// "Create from input": YAML or JSON, one or more documents separated by `---` (or a List), each
// POSTed to its kind's collection in its own namespace or the selected one.
import { ApiError, type DashboardApi } from './api';
import { byApiVersion, collectionPath } from './kinds';

/** What creating from input did: the objects it created, and the failure that stopped it. */
export interface InputResult {
  created: string[];
  error?: string;
}

type Manifest = Record<string, unknown> & { metadata?: Record<string, unknown> };

/**
 * The documents of `text`, Lists expanded; throws the first parse error's message. The YAML
 * parser loads on first use, as the API server's does: the dashboard boots without it.
 */
export async function readManifests(text: string): Promise<Manifest[]> {
  const { parseAllDocuments } = await import('yaml');
  const objects: Manifest[] = [];
  for (const parsed of parseAllDocuments(text)) {
    if (parsed.errors.length) throw new Error(`error parsing input: ${parsed.errors[0].message}`);
    const value = parsed.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new Error('error parsing input: a document must be an object with apiVersion and kind');
    const object = value as Manifest;
    if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items))
      objects.push(...(object.items as Manifest[]));
    else objects.push(object);
  }
  return objects;
}

/** Creates every object of `text`, in order, in `namespace` unless it names its own. */
export async function createFromInput(api: DashboardApi, text: string, namespace: string): Promise<InputResult> {
  const created: string[] = [];
  let objects: Manifest[];
  try {
    objects = await readManifests(text);
  } catch (error) {
    return { created, error: (error as Error).message };
  }
  if (objects.length === 0) return { created, error: 'Enter a YAML or JSON manifest to create.' };
  for (const object of objects) {
    const kind = byApiVersion(object.apiVersion, object.kind);
    if (!kind)
      return {
        created,
        error: `The dashboard cannot create a ${String(object.kind ?? '(no kind)')} of apiVersion ${String(object.apiVersion ?? '(none)')}: use kubectl apply for it.`,
      };
    const own = typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '';
    const target = kind.namespaced ? own || namespace : undefined;
    try {
      await api.create(collectionPath(kind, target), object);
    } catch (error) {
      if (error instanceof ApiError) return { created, error: error.message };
      throw error;
    }
    const group = kind.group ? `.${kind.group}` : '';
    created.push(`${kind.singular}${group}/${String(object.metadata?.name ?? '')}`);
  }
  return { created };
}
