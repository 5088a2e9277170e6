// bash(1), short: the shell's grammar in brief and the builtins kubeplay's shell has.
import { example, option, type ManPage } from '../page';
import { page, seeAlso } from './helpers';

export const BASH: ManPage = page('GNU Bash 5.2', '2022 September 19')(
  'bash',
  'GNU Bourne-Again SHell',
  ['**bash** [options] [command_string | file]'],
  [
    {
      title: 'DESCRIPTION',
      blocks: [
        '**Bash** reads commands, from the terminal or from a file, and runs them. A simple command is a name and its arguments; commands joined by | form a pipeline, where each reads what the one before writes. ; separates commands, & runs one in the background, && and || run the next only when the one before succeeded or failed.',
        'Before running a command, bash expands it: $__NAME__ and ${__NAME__} become the variable, $(__command__) the output of __command__, ~ the home directory, and *, ? and [...] the names of files that match. Single quotes keep everything as typed; double quotes keep spaces but allow $ expansions.',
      ],
    },
    {
      title: 'REDIRECTION',
      blocks: [
        option('> __file__', 'the standard output goes to __file__, replacing it; >> appends'),
        option('< __file__', 'the standard input comes from __file__'),
        option('2> __file__', 'the standard error goes to __file__; 2>&1 sends it where the output goes'),
      ],
    },
    {
      title: 'SHELL BUILTIN COMMANDS',
      blocks: [
        'These run inside the shell itself, so they have no page of their own: **help** lists the commands of this shell.',
        option('**alias**, **unalias**', 'define and remove short names for commands'),
        option('**cd** [__dir__]', 'change the current directory (to the home directory without __dir__)'),
        option('**echo**, **printf**', 'print their arguments'),
        option(
          '**exit** [__n__], **logout** [__n__]',
          'leave the shell with status __n__; **logout** only in a login shell',
        ),
        option('**export** __name__[=__value__]', 'pass the variable to the commands the shell runs'),
        option('**history**', 'list the commands typed so far'),
        option(
          '**jobs**, **fg**, **bg**, **kill**, **wait**',
          'control the jobs started with & or stopped with Ctrl-Z',
        ),
        option('**pwd**', 'print the current directory'),
        option('**read** __name__', 'read a line into a variable'),
        option('**set**, **unset**, **declare**, **local**, **readonly**', 'set and remove variables and options'),
        option('**source** __file__, **.** __file__', 'run the commands of __file__ in this shell'),
        option('**test** __expr__, **[** __expr__ **]**', 'check a condition, such as -f __file__ or __a__ = __b__'),
        option('**type** __name__', 'say what __name__ is: a builtin, a function, an alias or a file'),
      ],
    },
    {
      title: 'EXAMPLES',
      blocks: [
        example('for pod in $(kubectl get pods -o name); do', '  kubectl describe "$pod" | grep -i image:', 'done'),
      ],
    },
    seeAlso('sh(1)'),
  ],
);
