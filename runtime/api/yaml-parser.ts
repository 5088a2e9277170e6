// The YAML parser for request bodies, loaded on the first YAML body: most clients send JSON, and
// the first prompt should not wait for a YAML library.
type ParseYaml = (text: string, options: { maxAliasCount: number }) => unknown;

let parseYaml: ParseYaml | undefined;

/** Loads the parser; the handler awaits it before serving a request with a YAML body. */
export async function loadYamlParser(): Promise<void> {
  parseYaml ??= (await import('yaml')).parse as ParseYaml;
}

/** The loaded parser. */
export function yamlParser(): ParseYaml {
  if (!parseYaml) throw new Error('the YAML parser is not loaded (loadYamlParser)');
  return parseYaml;
}
