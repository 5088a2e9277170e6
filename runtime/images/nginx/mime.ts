import { MIME_TYPES } from './config-files';

/** mime.types as nginx reads it: extension (lower case) → type. */
function parseTypes(text: string): Map<string, string> {
  const types = new Map<string, string>();
  const body = text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'));
  for (const entry of body.split(';')) {
    const [type, ...extensions] = entry.trim().split(/\s+/);
    for (const extension of extensions) types.set(extension.toLowerCase(), type);
  }
  return types;
}

let types: Map<string, string> | undefined;

/** The Content-Type for `path` (`default_type application/octet-stream` without a known extension). */
export function contentType(path: string): string {
  types ??= parseTypes(MIME_TYPES);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot >= 0 && types.get(name.slice(dot + 1).toLowerCase())) || 'application/octet-stream';
}
