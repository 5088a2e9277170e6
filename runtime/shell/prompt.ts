/** What a prompt string's escapes read. */
export interface PromptContext {
  user: string;
  host: string;
  cwd: string;
  home: string;
  /** The user id: `\$` is `#` for root, `$` otherwise. */
  uid: number;
}

/**
 * Ubuntu's PS1 for a user (~/.bashrc with a colour terminal): the window title set to
 * `user@host: dir`, then bold green `user@host`, `:`, bold blue working directory, `$ `.
 */
export const UBUNTU_PS1 =
  '\\[\\e]0;\\u@\\h: \\w\\a\\]\\[\\033[01;32m\\]\\u@\\h\\[\\033[00m\\]:\\[\\033[01;34m\\]\\w\\[\\033[00m\\]\\$ ';

/** The working directory as `\w` shows it: the home directory as `~`. */
export function tildeDirectory(cwd: string, home: string): string {
  if (home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) return `~${cwd.slice(home.length)}`;
  return cwd;
}

/**
 * A prompt string's backslash escapes as bash decodes them (PROMPTING in bash(1)): `\u`, `\h`,
 * `\H`, `\w`, `\W`, `\$`, `\n`, `\\`, `\e`, `\a`, `\NNN` octal, and `\[ \]` (which only mark
 * non-printing text, so they print nothing).
 */
export function expandPrompt(template: string, ctx: PromptContext): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== '\\' || i + 1 >= template.length) {
      out += ch;
      continue;
    }
    const next = template[++i];
    const octal = /^[0-7]{3}/.exec(template.slice(i));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i += 2;
      continue;
    }
    const dir = tildeDirectory(ctx.cwd, ctx.home);
    switch (next) {
      case 'u':
        out += ctx.user;
        break;
      case 'h':
        out += ctx.host.split('.')[0];
        break;
      case 'H':
        out += ctx.host;
        break;
      case 'w':
        out += dir;
        break;
      case 'W':
        out += dir === '~' || dir === '/' ? dir : dir.slice(dir.lastIndexOf('/') + 1);
        break;
      case '$':
        out += ctx.uid === 0 ? '#' : '$';
        break;
      case 'n':
        out += '\n';
        break;
      case 'e':
        out += '\x1b';
        break;
      case 'a':
        out += '\x07';
        break;
      case '\\':
        out += '\\';
        break;
      case '[':
      case ']':
        break;
      default:
        out += `\\${next}`;
    }
  }
  return out;
}
