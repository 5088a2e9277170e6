import { parseAllDocuments } from 'yaml';
import { goYamlMessage } from '../go-yaml-error';
import { KustomizeError } from './errors';
import { isMap, type KObject, type KResource } from './resource';

/** Items of a List, flattened (the resource factory expands `kind: *List` with items). */
function flatten(object: KObject): KObject[] {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (!kind.endsWith('List') || !Array.isArray(object.items)) return [object];
  return object.items.filter(isMap).flatMap(flatten);
}

/** The objects of a resource file's text; `path` is how errors name it (resource.Factory.FromFile). */
export function resourcesFromText(text: string, path: string): KResource[] {
  const out: KResource[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    const error = doc.errors[0];
    if (error) {
      const message = goYamlMessage(text, error);
      throw new KustomizeError(`MalformedYAMLError: ${message} in File: ${path}`);
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isMap(value)) throw new KustomizeError(`MalformedYAMLError: yaml: not a mapping in File: ${path}`);
    for (const object of flatten(value)) out.push({ object, previousIds: [] });
  }
  return out;
}
