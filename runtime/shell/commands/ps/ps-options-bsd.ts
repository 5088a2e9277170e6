// ps's BSD options (`aux`, `axjf`, `o pid`): letters without a dash (or, when ps retries,
// with one), as procps' parse_bsd_option reads them.
import { PsExit, VERSION, type ArgCursor } from './ps-cursor';
import { parsePid, parseTty, userParser } from './ps-lists';
import { FF, FM, SS, TF } from './ps-state';

/** Reads the BSD options of the current word; an error text if one is wrong. */
export function bsdOptions(c: ArgCursor): string | null {
  const st = c.st;
  const word = c.argv[c.i];
  if (word.startsWith('-') && !st.forceBsd) return 'cannot happen - problem #1';
  if (!word.startsWith('-') && st.forceBsd) return 'second chance parse failed, not BSD or SysV';
  const users = userParser(c.env.accounts, st.negate);
  for (c.at = word.startsWith('-') ? 1 : 0; c.at < word.length; c.at++) {
    const letter = word[c.at];
    if (letter >= '0' && letter <= '9') return c.select('PID', word.slice(c.at), parsePid);
    switch (letter) {
      case 'H':
        st.threadFlags |= TF.BH;
        break;
      case 'L': {
        const err = c.exclusive('L');
        if (err) return err;
        throw new PsExit(0, c.env.specifierList());
      }
      case 'M':
        st.threadFlags |= TF.Bm;
        break;
      case 'O': {
        const arg = c.optArg();
        if (arg === null) return 'format or sort specification must follow O';
        c.defer(arg, 'B_O');
        return null;
      }
      case 'S':
        st.includeDead = true;
        break;
      case 'T':
        c.ownTty();
        break;
      case 'U':
        return c.listOption('list of users must follow U', 'EUID', users);
      case 'V': {
        const err = c.exclusive('V');
        if (err) return err;
        throw new PsExit(0, VERSION);
      }
      case 'W':
        return 'obsolete W option not supported (you have a /dev/drum?)';
      case 'X':
        st.formatFlags |= FF.LX;
        break;
      case 'Z':
        st.formatModifiers |= FM.M;
        break;
      case 'a':
        st.simpleSelect |= SS.Ba;
        break;
      case 'c':
        st.bsdC = true;
        break;
      case 'e':
        st.bsdE = true;
        break;
      case 'f':
        st.forest = 'b';
        break;
      case 'g':
        st.simpleSelect |= SS.Bg;
        break;
      case 'h':
        if (st.header !== 'single') return 'only one heading option may be specified';
        st.header = 'none';
        break;
      case 'j':
        st.formatFlags |= FF.Bj;
        break;
      case 'k': {
        const arg = c.optArg();
        if (arg === null) return "long sort specification must follow 'k'";
        c.defer(arg, 'G_sort');
        return null;
      }
      case 'l':
        st.formatFlags |= FF.Bl;
        break;
      case 'm':
        // Old Linux m (the memory format) once the BSD reparse runs, as procps' default personality.
        if (st.forceBsd) st.formatFlags |= FF.Lm;
        else st.threadFlags |= TF.Bm;
        break;
      case 'n':
        st.numericWchan = true;
        st.numericUser = true;
        break;
      case 'o': {
        const arg = c.optArg();
        if (arg === null) return 'format specification must follow o';
        c.defer(arg, 'B_o');
        return null;
      }
      case 'p':
        return c.listOption('list of process IDs must follow p', 'PID', parsePid);
      case 'q':
        return c.listOption('List of process IDs must follow q.', 'PID_QUICK', parsePid);
      case 'r':
        st.runningOnly = true;
        break;
      case 's':
        st.formatFlags |= FF.Bs;
        break;
      case 't': {
        const arg = c.optArg();
        if (arg === null) {
          c.ownTty();
          return null;
        }
        return c.select('TTY', arg, parseTty);
      }
      case 'u':
        st.formatFlags |= FF.Bu;
        break;
      case 'v':
        st.formatFlags |= FF.Bv;
        break;
      case 'w':
        st.wCount++;
        break;
      case 'x':
        st.simpleSelect |= SS.Bx;
        break;
      case '-':
        return "embedded '-' among BSD options makes no sense";
      default:
        return 'unsupported option (BSD syntax)';
    }
  }
  return null;
}
