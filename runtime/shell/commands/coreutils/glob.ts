/** A shell glob (`*`, `?`, `[...]`, `\x`) as an anchored RegExp, for find -name and the like. */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '\\' && i + 1 < glob.length) re += `\\${glob[++i]}`;
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += /[.+^${}()|\]\\/]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'is' : 's');
}
