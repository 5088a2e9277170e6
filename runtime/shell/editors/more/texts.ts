// What util-linux 2.39's more prints about itself: --help, --version, and the `h` key's screen.

/** `more --help`. */
export const MORE_USAGE = `
Usage:
 more [options] <file>...

A file perusal filter for CRT viewing.

Options:
 -d, --silent          display help instead of ringing bell
 -f, --logical         count logical rather than screen lines
 -l, --no-pause        suppress pause after form feed
 -c, --print-over      do not scroll, display text and clean line ends
 -p, --clean-print     do not scroll, clean screen and display text
 -e, --exit-on-eof     exit on end-of-file
 -s, --squeeze         squeeze multiple blank lines into one
 -u, --plain           suppress underlining and bold
 -n, --lines <number>  the number of lines per screenful
 -<number>             same as --lines
 +<number>             display file beginning from line number
 +/<pattern>           display file beginning from pattern match

 -h, --help            display this help
 -V, --version         display version

For more details see more(1).
`;

/** `more --version` on Ubuntu 24.04. */
export const MORE_VERSION = 'more from util-linux 2.39.3\n';

const RULE = `${'-'.repeat(79)}\n`;

/** The screen the `h` (or `?`) key shows; `editor` is what `v` would start. */
export function keysHelp(editor: string): string {
  return (
    'Most commands optionally preceded by integer argument k.  Defaults in brackets.\n' +
    'Star (*) indicates argument becomes new default.\n' +
    RULE +
    '<space>                 Display next k lines of text [current screen size]\n' +
    'z                       Display next k lines of text [current screen size]*\n' +
    '<return>                Display next k lines of text [1]*\n' +
    'd or ctrl-D             Scroll k lines [current scroll size, initially 11]*\n' +
    'q or Q or <interrupt>   Exit from more\n' +
    's                       Skip forward k lines of text [1]\n' +
    'f                       Skip forward k screenfuls of text [1]\n' +
    'b or ctrl-B             Skip backwards k screenfuls of text [1]\n' +
    "'                       Go to place where previous search started\n" +
    '=                       Display current line number\n' +
    '/<regular expression>   Search for kth occurrence of regular expression [1]\n' +
    'n                       Search for kth occurrence of last r.e [1]\n' +
    '!<cmd> or :!<cmd>       Execute <cmd> in a subshell\n' +
    `v                       Start up '${editor}' at current line\n` +
    'ctrl-L                  Redraw screen\n' +
    ':n                      Go to kth next file [1]\n' +
    ':p                      Go to kth previous file [1]\n' +
    ':f                      Display current file name and line number\n' +
    '.                       Repeat previous command\n' +
    RULE
  );
}
