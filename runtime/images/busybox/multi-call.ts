// `busybox` itself: with no arguments, the banner and the list of applets; `--list`; `busybox
// APPLET ARGS` runs the applet; an unknown name is `applet not found` (exit 127).
import type { Program } from '../types';
import { BANNER } from './applet';

const HELP = `${BANNER}
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --show SCRIPT
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever it was invoked as.

Currently defined functions:
`;

/** The applet names as busybox_main wraps them: after a tab, `, `-separated, under 79 columns. */
function functionList(names: string[], width = 80): string {
  let out = '';
  let col = 0;
  for (const name of names) {
    const len = name.length + 2;
    if (col >= width - 1 - len) {
      out += ',\n';
      col = 0;
    }
    if (col === 0) {
      col = 6;
      out += '\t';
    } else out += ', ';
    out += name;
    col += len;
  }
  return `${out}\n`;
}

/** The multi-call binary over `applets` (sorted as busybox's table is). */
export function multiCall(applets: () => Record<string, Program>): Program {
  return async (ctx) => {
    const table = applets();
    const names = Object.keys(table)
      .filter((name) => name !== 'busybox')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const first = ctx.argv[1];
    if (first === undefined || first === '--help') {
      ctx.stdout.write(HELP + functionList(names));
      return 0;
    }
    if (first === '--list' || first === '--list-full') {
      ctx.stdout.write(names.map((name) => `${first === '--list-full' ? `bin/${name}` : name}\n`).join(''));
      return 0;
    }
    const applet = table[first];
    if (!applet) {
      ctx.stderr.write(`${first}: applet not found\n`);
      return 127;
    }
    return applet({ ...ctx, argv: ctx.argv.slice(1) });
  };
}
