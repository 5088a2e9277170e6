/** `-o name`: `kind.group/name` for each object (cli-runtime's NamePrinter). */
export function nameOf(object: { apiVersion?: string; kind?: string; metadata?: { name?: string } }): string {
  const apiVersion = object.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = (object.kind ?? '').toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${object.metadata?.name ?? ''}`;
}
