// Who and where the process is: hostname, uname, id and env, as busybox prints them.
import { KERNEL } from '../../shell/commands/uname';
import { has } from '../../shell/commands/coreutils/options';
import type { Program } from '../types';
import { accountNames } from './accounts';
import { complain, defineApplet, flags, showUsage } from './applet';

export const hostname = defineApplet({
  name: 'hostname',
  options: flags('sidfF:'),
  async run(ctx, args) {
    if (args.operands.length > 0 || has(args, 'F')) {
      complain(ctx, 'sethostname: Operation not permitted');
      return 1;
    }
    const [short, ...domain] = ctx.hostname.split('.');
    if (has(args, 'i')) ctx.stdout.write(`${ctx.net?.address ?? '127.0.0.1'} \n`);
    else if (has(args, 'd')) ctx.stdout.write(domain.length > 0 ? `${domain.join('.')}\n` : '');
    else ctx.stdout.write(`${has(args, 's') ? short : ctx.hostname}\n`);
    return 0;
  },
});

/** uname: the node's kernel (containers share it); -a leaves out -p and -i, which are unknown. */
export const uname = defineApplet({
  name: 'uname',
  options: flags('amnrspvio'),
  async run(ctx, args) {
    const fields: Array<[string, string]> = [
      ['s', KERNEL.sysname],
      ['n', ctx.hostname],
      ['r', KERNEL.release],
      ['v', KERNEL.version],
      ['m', KERNEL.machine],
      ['p', 'unknown'],
      ['i', 'unknown'],
      ['o', KERNEL.os],
    ];
    const all = has(args, 'a');
    const any = fields.some(([key]) => has(args, key));
    const shown = fields.filter(
      ([key, value]) => (all && value !== 'unknown') || has(args, key) || (!any && !all && key === 's'),
    );
    ctx.stdout.write(`${shown.map(([, value]) => value).join(' ')}\n`);
    return 0;
  },
});

/** The supplementary groups the runtime gives a user: the groups of /etc/group listing it. */
function groupsOf(text: string, user: string, gid: number): number[] {
  const ids = [gid];
  for (const line of text.split('\n')) {
    const [, , id, members] = line.split(':');
    if (members?.split(',').includes(user) && !ids.includes(Number(id))) ids.push(Number(id));
  }
  return ids;
}

/** id: root (the containers here run as root) with its groups from /etc/group. */
export const id = defineApplet({
  name: 'id',
  options: flags('ugGnr'),
  async run(ctx, args) {
    if (args.operands.length > 1) return showUsage(ctx, 'id');
    const names = accountNames(ctx.fs);
    const user = args.operands[0];
    if (user !== undefined && user !== names.user(0)) {
      complain(ctx, `unknown user ${user}`);
      return 1;
    }
    let groupText = '';
    try {
      groupText = ctx.fs.readFile('/etc/group');
    } catch {
      // No /etc/group: the primary group alone.
    }
    const groups = groupsOf(groupText, 'root', 0);
    const show = (id: number, name: string): string => (has(args, 'n') ? name : String(id));
    if (has(args, 'u')) ctx.stdout.write(`${show(0, names.user(0))}\n`);
    else if (has(args, 'g')) ctx.stdout.write(`${show(0, names.group(0))}\n`);
    else if (has(args, 'G')) ctx.stdout.write(`${groups.map((g) => show(g, names.group(g))).join(' ')}\n`);
    else {
      const list = groups.map((g) => `${g}(${names.group(g)})`).join(',');
      ctx.stdout.write(
        `uid=0(${names.user(0)}) gid=0(${names.group(0)})${groups.length > 1 ? ` groups=${list}` : ''}\n`,
      );
    }
    return 0;
  },
});

/** env: prints the environment, or runs PROG with it changed (-i, -u NAME, NAME=VALUE). */
export const env = defineApplet({
  name: 'env',
  options: [...flags('i0u:'), { key: 'i', long: 'ignore-environment' }, { key: 'u', long: 'unset', arg: 'required' }],
  stopAtOperand: true,
  async run(ctx, args) {
    let operands = args.operands;
    const environment: Record<string, string> = has(args, 'i') || operands[0] === '-' ? {} : { ...ctx.env };
    if (operands[0] === '-') operands = operands.slice(1);
    for (const option of args.options) if (option.key === 'u' && option.value) delete environment[option.value];
    while (operands[0]?.includes('=')) {
      const [name, ...value] = operands[0].split('=');
      environment[name] = value.join('=');
      operands = operands.slice(1);
    }
    if (operands.length === 0) {
      const end = has(args, '0') ? '\0' : '\n';
      ctx.stdout.write(
        Object.entries(environment)
          .map(([name, value]) => `${name}=${value}${end}`)
          .join(''),
      );
      return 0;
    }
    const program: Program | undefined = ctx.program(operands[0]);
    if (!program) {
      complain(ctx, `can't execute '${operands[0]}': No such file or directory`);
      return 127;
    }
    return program({ ...ctx, argv: operands, env: environment });
  },
});
