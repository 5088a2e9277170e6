/**
 * A chmod MODE (octal, or symbolic clauses like `u+x,go-w`, `a=r`, `+x`) applied to `current`,
 * or undefined when malformed. A symbolic clause without who uses `umask` as chmod does.
 */
export function parseMode(text: string, current: number, umask = 0o022, isDirectory = false): number | undefined {
  if (/^[0-7]+$/.test(text)) {
    if (text.length > 5) return undefined;
    const value = parseInt(text, 8);
    // Directories keep setuid/setgid unless the octal mode names them (GNU chmod).
    return isDirectory && text.length <= 3 ? value | (current & 0o6000) : value;
  }
  let mode = current;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' ? 'a' : m[1];
    const useUmask = m[1] === '';
    let mask = 0;
    for (const w of who) mask |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777;
    for (const op of m[2].match(/[-+=][^-+=]*/g) ?? []) {
      const perms = op.slice(1);
      let bits = 0;
      if (/^[ugo]$/.test(perms)) {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const p = (mode >> shift) & 7;
        bits = (p << 6) | (p << 3) | p;
      } else
        for (const p of perms) {
          if (p === 'r') bits |= 0o444;
          if (p === 'w') bits |= 0o222;
          if (p === 'x') bits |= 0o111;
          if (p === 'X' && (isDirectory || mode & 0o111)) bits |= 0o111;
          if (p === 's') bits |= 0o6000;
          if (p === 't') bits |= 0o1000;
        }
      let effective = bits & mask;
      if (useUmask) effective &= ~umask | 0o7000;
      if (op[0] === '+') mode |= effective;
      else if (op[0] === '-') mode &= ~effective;
      else {
        const cleared = mask & (useUmask ? 0o7777 : 0o7777) & ~(isDirectory ? 0o6000 & ~bits : 0);
        mode = (mode & ~cleared) | effective;
      }
    }
  }
  return mode & 0o7777;
}
