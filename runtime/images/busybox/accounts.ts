// User and group names as the container's /etc/passwd and /etc/group give them (ls -l, id, ps).
import type { Volume } from '../../shell/fs/volume';

function table(fs: Volume, path: string): Map<number, string> {
  const names = new Map<number, string>();
  let text = '';
  try {
    text = fs.readFile(path);
  } catch {
    // No such file: ids print as numbers.
  }
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined && !names.has(Number(id))) names.set(Number(id), name);
  }
  return names;
}

/** Looks ids up in the container's account files; unknown ids print as numbers. */
export function accountNames(fs: Volume): { user(id: number): string; group(id: number): string } {
  const users = table(fs, '/etc/passwd');
  const groups = table(fs, '/etc/group');
  return {
    user: (id) => users.get(id) ?? String(id),
    group: (id) => groups.get(id) ?? String(id),
  };
}
