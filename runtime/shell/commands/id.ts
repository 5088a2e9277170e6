import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** The learner's identity on the host: uid 1000 in groups learner, sudo and docker (as minikube's docker driver wants). */
const USERS: Record<string, { uid: number; gid: number; groups: Array<[number, string]> }> = {
  learner: {
    uid: 1000,
    gid: 1000,
    groups: [
      [1000, 'learner'],
      [27, 'sudo'],
      [988, 'docker'],
    ],
  },
  root: { uid: 0, gid: 0, groups: [[0, 'root']] },
};
const NAMES: Record<number, string> = { 0: 'root', 1000: 'learner' };

/** GNU `id`: user and group ids (-u, -g, -G, -n, -r). */
export const id: ShellCommand = defineUtility({
  name: 'id',
  summary: 'print real and effective user and group IDs',
  options: [
    { key: 'a', short: 'a' },
    { key: 'Z', short: 'Z', long: 'context' },
    { key: 'g', short: 'g', long: 'group' },
    { key: 'G', short: 'G', long: 'groups' },
    { key: 'n', short: 'n', long: 'name' },
    { key: 'r', short: 'r', long: 'real' },
    { key: 'u', short: 'u', long: 'user' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
  async run(_ctx, io) {
    const ops = io.args.operands;
    if (ops.length > 1) return io.usage(`extra operand ${localeQuote(ops[1])}`);
    const name = ops[0] ?? 'learner';
    const user = USERS[name] ?? USERS[NAMES[Number(name)] ?? ''];
    if (!user) {
      io.error(`${localeQuote(name)}: no such user`);
      return 1;
    }
    const which = ['u', 'g', 'G'].filter((k) => has(io.args, k));
    if (which.length > 1) {
      io.error('cannot print "only" of more than one choice');
      return 1;
    }
    const names = has(io.args, 'n');
    if (which.length === 0 && (names || has(io.args, 'r'))) {
      io.error('cannot print only names or real IDs in default format');
      return 1;
    }
    const show = (idNum: number): string => (names ? (NAMES[idNum] ?? String(idNum)) : String(idNum));
    if (which[0] === 'u') await io.out(`${show(user.uid)}\n`);
    else if (which[0] === 'g') await io.out(`${show(user.gid)}\n`);
    else if (which[0] === 'G') await io.out(`${user.groups.map(([g, n]) => (names ? n : String(g))).join(' ')}\n`);
    else
      await io.out(
        `uid=${user.uid}(${NAMES[user.uid]}) gid=${user.gid}(${NAMES[user.gid]}) groups=${user.groups.map(([g, n]) => `${g}(${n})`).join(',')}\n`,
      );
    return 0;
  },
});
