// busybox 1.36's nslookup (the "big" one, from OpenWrt): every question is sent at once to the
// first server — A then AAAA for a name, each through every `search` domain of resolv.conf when
// the name has no dot (and never the bare name then), a PTR for an address — and each answer is
// printed as it comes back, a blank line after each, under a `Server:`/`Address:` header printed
// with the first. Any NXDOMAIN or other failure makes the exit status 1, which is why
// `nslookup nginx` in a pod prints the name and still fails.
import type { DnsRecord, DnsResponse, DnsType } from '../../network/dns-types';
import { readResolvConf, resolveHost } from '../../network/resolver';
import type { ProcessContext, Program } from '../types';
import { complain, showUsage, usageText } from './applet';

/** The types `-type=` accepts, in the order busybox adds their questions. */
const QUERY_TYPES: DnsType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];

/** nslookup's own options (`-name[=value]`), matched by unambiguous prefix as busybox does. */
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

function optionIndex(key: string): number {
  if (key === '') return -1;
  const exact = OPTIONS.indexOf(key);
  if (exact >= 0) return exact;
  const matches = OPTIONS.filter((option) => option.startsWith(key));
  return matches.length === 1 ? OPTIONS.indexOf(matches[0]) : -1;
}

/** `10.96.0.1` → `1.0.96.10.in-addr.arpa`; undefined for anything that is not an address. */
function reverseName(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return `${parts.map(Number).reverse().join('.')}.in-addr.arpa`;
}

/** One record as parse_reply prints it. */
function formatRecord(record: DnsRecord): string {
  const fields = record.data.split(' ');
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${record.name}\nAddress: ${record.data}\n`;
    case 'NS':
      return `${record.name}\tnameserver = ${record.data}\n`;
    case 'CNAME':
      return `${record.name}\tcanonical name = ${record.data}\n`;
    case 'PTR':
      return `${record.name}\tname = ${record.data}\n`;
    case 'MX':
      return `${record.name}\tmail exchanger = ${fields[0]} ${fields[1]}\n`;
    case 'TXT':
      return record.data === '' ? '' : `${record.name}\ttext = "${record.data}"\n`;
    case 'SRV':
      return `${record.name}\tservice = ${fields.join(' ')}\n`;
    case 'SOA': {
      const [origin, mail, serial, refresh, retry, expire, minimum] = fields;
      return `${record.name}\n\torigin = ${origin}\n\tmail addr = ${mail}\n\tserial = ${serial}\n\trefresh = ${refresh}\n\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${minimum}\n`;
    }
    default:
      return '';
  }
}

interface Question {
  name: string;
  type: DnsType;
}

/** The questions for `name`: with the search list when it has no dot (add_query_with_search). */
function questions(name: string, types: DnsType[], search: string[]): Question[] {
  const reverse = reverseName(name);
  if (types.length === 0 && reverse) return [{ name: reverse, type: 'PTR' }];
  const asked = types.length === 0 ? (['A', 'AAAA'] as DnsType[]) : types;
  return asked.flatMap((type) =>
    type === 'PTR' || search.length === 0 || name.includes('.')
      ? [{ name, type }]
      : search.map((domain) => ({ name: `${name}.${domain}`, type })),
  );
}

/** What one reply prints (parse_reply, or the rcode line), and whether it was a failure. */
function formatReply(question: Question, response: DnsResponse): { text: string; failed: boolean } {
  if (response.rcode !== 'NOERROR')
    return { text: `** server can't find ${question.name}: ${response.rcode}\n\n`, failed: true };
  const header = response.authoritative ? '' : 'Non-authoritative answer:\n';
  return { text: `${header}${response.answers.map(formatRecord).join('')}\n`, failed: false };
}

export const nslookup: Program = async (ctx) => {
  if (ctx.argv.length === 2 && ctx.argv[1] === '--help') {
    ctx.stderr.write(usageText('nslookup'));
    return 0;
  }
  const types: DnsType[] = [];
  let port = 53;
  let args = ctx.argv.slice(1);
  while (args[0]?.startsWith('-')) {
    const [key, value = ''] = args[0].slice(1).split(/=(.*)/s);
    args = args.slice(1);
    const index = optionIndex(key);
    if (index < 0) return showUsage(ctx, 'nslookup');
    if (index <= 1) {
      const type = QUERY_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
      if (!type) {
        complain(ctx, `invalid query type "${value}"`);
        return 1;
      }
      if (!types.includes(type)) types.push(type);
    } else if (index === 2) port = Number(value) || 53;
  }
  if (args.length === 0 || args.length > 2) return showUsage(ctx, 'nslookup');
  types.sort((a, b) => QUERY_TYPES.indexOf(a) - QUERY_TYPES.indexOf(b));
  const conf = readResolvConf(ctx.fs);
  const serverNames = args[1] !== undefined ? [args[1]] : conf.nameservers;
  const asked = questions(args[0], types, args[1] !== undefined ? [] : conf.search);
  return lookUp(ctx, serverNames, asked, port);
};

/** Asks each server in turn until one answers anything; prints what came back. */
async function lookUp(ctx: ProcessContext, serverNames: string[], asked: Question[], port: number): Promise<number> {
  let status = 0;
  const unanswered = new Set(asked);
  for (const serverName of serverNames) {
    const found = await resolveHost(ctx, serverName);
    if ('error' in found) {
      complain(ctx, `bad address '${serverName}'`);
      return 1;
    }
    const server = found.addresses[0];
    const replies = await Promise.all(asked.map((question) => ctx.net?.query(server, question).catch(() => undefined)));
    if (replies.every((reply) => reply === undefined)) continue;
    ctx.stdout.write(`Server:\t\t${serverName}\nAddress:\t${server}:${port}\n\n`);
    replies.forEach((reply, i) => {
      if (!reply) return;
      unanswered.delete(asked[i]);
      const { text, failed } = formatReply(asked[i], reply);
      ctx.stdout.write(text);
      if (failed) status = 1;
    });
    if (unanswered.size === 0) return status;
    for (const question of unanswered) ctx.stdout.write(`*** Can't find ${question.name}: No answer\n`);
    ctx.stdout.write('\n');
    return status;
  }
  ctx.stdout.write(';; connection timed out; no servers could be reached\n\n');
  return 1;
}
