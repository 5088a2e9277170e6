import { stringify } from 'yaml';

/**
 * YAML as kubectl prints it (sigs.k8s.io/yaml over go-yaml): keys sorted, sequences not
 * indented under their key, YAML 1.1 quoting (so "1", "yes" and timestamps are quoted), no
 * line folding.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', sortMapEntries: true, lineWidth: 0, indentSeq: false });
}
