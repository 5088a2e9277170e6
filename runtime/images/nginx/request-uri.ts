/** A request target as nginx parses it: the decoded, normalised URI and the query. */
export interface ParsedTarget {
  uri: string;
  args: string;
}

/**
 * ngx_http_parse_complex_uri in short: %XX decoded, `//` merged (merge_slashes on), `.` and `..`
 * segments resolved; a bad escape or a `..` above the root is a 400 (undefined here).
 */
export function parseTarget(target: string): ParsedTarget | undefined {
  const question = target.indexOf('?');
  const raw = question >= 0 ? target.slice(0, question) : target;
  const args = question >= 0 ? target.slice(question + 1) : '';
  if (!raw.startsWith('/')) return undefined;
  let decoded = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '%') {
      decoded += raw[i];
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code === 0) return undefined;
    decoded += String.fromCharCode(code);
    i += 2;
  }
  const segments: string[] = [];
  const parts = decoded.split('/').slice(1);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (part === '' && !last) continue;
    if (part === '.') {
      if (last) segments.push('');
      continue;
    }
    if (part === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
      if (last) segments.push('');
      continue;
    }
    segments.push(part);
  }
  return { uri: `/${segments.join('/')}`, args };
}
