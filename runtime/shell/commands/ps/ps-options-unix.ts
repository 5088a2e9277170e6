// ps's UNIX options (`-ef`, `-o pid,cmd`, `-p 1`): letters after one dash, as procps'
// parse_sysv_option reads them; an option taking an argument ends the word.
import { PsExit, VERSION, type ArgCursor } from './ps-cursor';
import { groupParser, parseCommandName, parsePid, parseTty, userParser } from './ps-lists';
import { FF, FM, SS, TF } from './ps-state';

/** Reads the UNIX options of the current word; an error text if one is wrong. */
export function unixOptions(c: ArgCursor): string | null {
  const st = c.st;
  const word = c.argv[c.i];
  const users = userParser(c.env.accounts, st.negate);
  const groups = groupParser(c.env.accounts, st.negate);
  for (c.at = 1; c.at < word.length; c.at++) {
    const letter = word[c.at];
    switch (letter) {
      case 'A':
      case 'e':
        st.allProcesses = true;
        break;
      case 'C':
        return c.listOption('list of command names must follow -C', 'COMM', parseCommandName);
      case 'F':
        st.formatModifiers |= FM.F;
        st.formatFlags |= FF.Uf;
        st.unixF = true;
        break;
      case 'G':
        return c.listOption('list of real groups must follow -G', 'RGID', groups);
      case 'H':
        st.forest = 'u';
        break;
      case 'L':
        st.threadFlags |= TF.UL;
        break;
      case 'M':
      case 'Z':
        st.formatModifiers |= FM.M;
        break;
      case 'N':
        st.negate = true;
        break;
      case 'O': {
        const arg = c.optArg();
        if (arg === null) return 'format or sort specification must follow -O';
        c.defer(arg, 'U_O');
        return null;
      }
      case 'P':
        st.formatModifiers |= FM.P;
        break;
      case 'T':
        st.threadFlags |= TF.UT;
        break;
      case 'U':
        return c.listOption('list of real users must follow -U', 'RUID', users);
      case 'V': {
        const err = c.exclusive('-V');
        if (err) return err;
        throw new PsExit(0, VERSION);
      }
      case 'a':
        st.simpleSelect |= SS.Ua;
        break;
      case 'c':
        st.formatModifiers |= FM.c;
        break;
      case 'd':
        st.simpleSelect |= SS.Ud;
        break;
      case 'f':
        st.formatFlags |= FF.Uf;
        st.unixF = true;
        break;
      case 'g': {
        const arg = c.optArg();
        if (arg === null) return 'list of session leaders OR effective group names must follow -g';
        if (!c.select('SESS', arg, parsePid)) return null;
        if (!c.select('EGID', arg, groups)) return null;
        return 'list of session leaders OR effective group IDs was invalid';
      }
      case 'j':
        st.formatModifiers |= FM.j;
        break;
      case 'l':
        st.formatFlags |= FF.Ul;
        break;
      case 'm':
        st.threadFlags |= TF.Um;
        break;
      case 'o': {
        const arg = c.optArg();
        if (arg === null) return 'format specification must follow -o';
        c.defer(arg, 'U_o');
        return null;
      }
      case 'p':
        return c.listOption('list of process IDs must follow -p', 'PID', parsePid);
      case 'q':
        return c.listOption('List of process IDs must follow -q.', 'PID_QUICK', parsePid);
      case 's':
        return c.listOption('list of session IDs must follow -s', 'SESS', parsePid);
      case 't':
        return c.listOption('list of terminals (pty, tty...) must follow -t', 'TTY', parseTty);
      case 'u':
        return c.listOption('list of users must follow -u', 'EUID', users);
      case 'w':
        st.wCount++;
        break;
      case 'x':
        return 'must set personality to get -x option';
      case 'y':
        st.formatModifiers |= FM.y;
        break;
      case '-':
        return "embedded '-' among SysV options makes no sense";
      default:
        return 'unsupported SysV option';
    }
  }
  return null;
}
