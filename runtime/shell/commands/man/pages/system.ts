// Pages for the utilities that describe the machine and its user, and run or time things.
import { example, option, type ManPage } from '../page';
import { coreutils, page, seeAlso } from './helpers';

export const SYSTEM_PAGES: ManPage[] = [
  coreutils(
    'uname',
    'print system information',
    ['**uname** [__OPTION__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print facts about the machine and the kernel it runs. With no option, the kernel name (Linux).',
          option('**-a**, **--all**', 'all of the below'),
          option('**-n**, **--nodename**', "the machine's network name"),
          option('**-r**, **--kernel-release**', "the kernel's release"),
          option('**-m**, **--machine**', 'the hardware, such as x86_64'),
        ],
      },
      seeAlso('hostname(1)', 'proc(5)'),
    ],
  ),
  page('net-tools', '2024-01-21')(
    'hostname',
    'show or set the system host name',
    ['**hostname** [__OPTION__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          "Print the machine's name. Only root can change it.",
          option('**-f**, **--fqdn**', 'the fully qualified domain name'),
          option('**-I**, **--all-ip-addresses**', "the machine's addresses"),
        ],
      },
      seeAlso('uname(1)'),
    ],
  ),
  coreutils(
    'whoami',
    'print effective user name',
    ['**whoami** [__OPTION__]...'],
    [{ title: 'DESCRIPTION', blocks: ['Print the name of the user you are acting as.'] }, seeAlso('id(1)')],
  ),
  coreutils(
    'id',
    'print real and effective user and group IDs',
    ['**id** [__OPTION__]... [__USER__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the user and group IDs, and the groups, of __USER__ or of the current user.',
          option('**-u**, **--user**', 'only the user ID'),
          option('**-g**, **--group**', 'only the group ID'),
          option('**-G**, **--groups**', 'all the group IDs'),
          option('**-n**, **--name**', 'names instead of numbers, with **-u**, **-g** or **-G**'),
        ],
      },
      seeAlso('whoami(1)'),
    ],
  ),
  coreutils(
    'env',
    'run a program in a modified environment',
    ['**env** [__OPTION__]... [-] [__NAME=VALUE__]... [__COMMAND__ [__ARG__]...]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Set each __NAME__ to __VALUE__ and run __COMMAND__. Without a __COMMAND__, print the environment.',
          option('**-i**, **--ignore-environment**', 'start with an empty environment'),
          option('**-u**, **--unset**=__NAME__', 'remove __NAME__ from the environment'),
        ],
      },
      seeAlso('printenv(1)'),
    ],
  ),
  page('debianutils', 'March 2024')(
    'which',
    'locate a command',
    ['**which** [**-a**] __filename__ ...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the path of the program each __filename__ would run, searching the directories of PATH in order.',
          option('**-a**', 'print every match, not just the first'),
        ],
      },
    ],
  ),
  coreutils(
    'date',
    'print or set the system date and time',
    ['**date** [__OPTION__]... [+__FORMAT__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Print the date and time, as __FORMAT__ says if given: %Y the year, %m the month, %d the day, %H:%M:%S the time, %F the date as 2024-04-30, %s the seconds since 1970.',
          option('**-u**, **--utc**', 'in UTC'),
          option('**-d**, **--date**=__STRING__', 'show the time described by __STRING__, not now'),
          option('**-I**[__FMT__]', 'in ISO 8601 format'),
        ],
      },
      { title: 'EXAMPLES', blocks: [example('date +%F', "date -u -d '2 hours ago'")] },
    ],
  ),
  page('procps-ng', '2023-01-16')(
    'free',
    'Display amount of free and used memory in the system',
    ['**free** [__options__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Show the total, used and free memory and swap, as the kernel reports them in /proc/meminfo. Used is the total less what is available; buff/cache is the memory the kernel uses for buffers and caches, which it gives back when programs need it.',
          option('**-h**, **--human**', 'sizes in Ki, Mi and Gi'),
          option('**-m**, **--mebi**', 'sizes in mebibytes'),
          option('**-g**, **--gibi**', 'sizes in gibibytes'),
        ],
      },
      seeAlso('df(1)', 'proc(5)'),
    ],
  ),
  coreutils(
    'sleep',
    'delay for a specified amount of time',
    ['**sleep** __NUMBER__[__SUFFIX__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Wait __NUMBER__ seconds, or minutes (m), hours (h) or days (d) with a __SUFFIX__. Ctrl-C ends the wait.',
        ],
      },
    ],
  ),
  coreutils(
    'yes',
    'output a string repeatedly until killed',
    ['**yes** [__STRING__]...'],
    [
      {
        title: 'DESCRIPTION',
        blocks: ['Print __STRING__ (or y) again and again, until killed or the reader goes away.'],
      },
    ],
  ),
  coreutils(
    'true',
    'do nothing, successfully',
    ['**true** [__ignored command line arguments__]'],
    [{ title: 'DESCRIPTION', blocks: ['Exit with status 0, which means success.'] }, seeAlso('false(1)')],
  ),
  coreutils(
    'false',
    'do nothing, unsuccessfully',
    ['**false** [__ignored command line arguments__]'],
    [{ title: 'DESCRIPTION', blocks: ['Exit with status 1, which means failure.'] }, seeAlso('true(1)')],
  ),
  page('ncurses 6.4', '2024-01-13')(
    'clear',
    'clear the terminal screen',
    ['**clear** [**-x**]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Clear the screen and its scrollback. Ctrl-L at the prompt does much the same.',
          option('**-x**', 'keep the scrollback'),
        ],
      },
    ],
  ),
  page('GNU findutils 4.9.0', 'January 2024')(
    'xargs',
    'build and execute command lines from standard input',
    ['**xargs** [__options__] [__command__ [__initial-arguments__]]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          'Read words from the standard input and run __command__ (echo by default) with them as arguments, as many at a time as fit.',
          option('**-n** __max-args__', 'at most this many arguments a run'),
          option('**-I** __replace-str__', 'run once for each line, with __replace-str__ replaced by it'),
          option('**-0**, **--null**', 'the words end with a null character, as find -print0 writes them'),
        ],
      },
      { title: 'EXAMPLES', blocks: [example('kubectl get pods -o name | xargs kubectl delete')] },
      seeAlso('find(1)'),
    ],
  ),
  page('curl 8.5.0', 'January 2024')(
    'curl',
    'transfer a URL',
    ['**curl** [__options__ / __URLs__]'],
    [
      {
        title: 'DESCRIPTION',
        blocks: [
          '**curl** sends a request to each URL and writes the response body to the standard output. In a cluster it is the usual way to ask a service whether it answers.',
          option('**-i**, **--include**', 'print the response headers too'),
          option('**-I**, **--head**', 'send a HEAD request and print only the headers'),
          option('**-s**, **--silent**', 'no progress meter or error messages'),
          option('**-o**, **--output** __file__', 'write the body to __file__'),
          option('**-X**, **--request** __method__', 'use this HTTP method'),
          option('**-H**, **--header** __header__', 'add a request header'),
          option('**-d**, **--data** __data__', 'send __data__ as the request body (a POST)'),
          option('**-L**, **--location**', 'follow redirects'),
          option('**-f**, **--fail**', 'fail (exit 22) on an HTTP error instead of printing the error page'),
        ],
      },
      {
        title: 'EXAMPLES',
        blocks: [example('curl -s http://localhost:8080/healthz', 'curl -i $(minikube service web --url)')],
      },
    ],
  ),
];
