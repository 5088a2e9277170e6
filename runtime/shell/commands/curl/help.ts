import { CATEGORIES, HELP_ENTRIES, IMPORTANT } from './help-data';

// `curl --help [CATEGORY]` and `curl --version` as curl 7.88.1 prints them (src/tool_help.c).

const USAGE = 'Usage: curl [options...] <url>\n';

/** The option lines of the categories in `mask` (all of them for -1), aligned as print_category does. */
function category(mask: number): string {
  const entries = HELP_ENTRIES.filter(([, , categories]) => mask === -1 || (categories & mask) !== 0);
  let width = Math.max(5, ...entries.map(([opt]) => opt.length));
  const longest = Math.max(5, ...entries.map(([, desc]) => desc.length));
  if (width + longest > 80) width = 80 - longest;
  return entries.map(([opt, desc]) => ` ${opt.padEnd(width)} ${desc}\n`).join('');
}

const categoryList = (): string => CATEGORIES.map(([name, desc]) => ` ${name.padEnd(11)} ${desc}\n`).join('');

/** The help page for `topic`: '' for the short page, `all`, `category`, or a category's name. */
export function helpText(topic: string): string {
  const name = topic.toLowerCase();
  if (topic === '')
    return (
      USAGE +
      category(IMPORTANT) +
      '\nThis is not the full help, this menu is stripped into categories.\n' +
      'Use "--help category" to get an overview of all categories.\n' +
      'For all options use the manual or "--help all".\n'
    );
  if (name === 'all') return USAGE + category(-1);
  if (name === 'category') return USAGE + categoryList();
  const index = CATEGORIES.findIndex(([n]) => n === name);
  if (index < 0) return `${USAGE}Invalid category provided, here is a list of all categories:\n\n${categoryList()}`;
  const [n, desc] = CATEGORIES[index];
  return `${USAGE}${n}: ${desc}\n${category(1 << index)}`;
}

/** A curl build: what `--version` prints, and the texts its releases reworded. */
export interface CurlBuild {
  /** `7.88.1`: the User-Agent is `curl/` and this. */
  version: string;
  versionText: string;
  /** curl_easy_strerror(CURLE_COULDNT_CONNECT). */
  couldntConnect: string;
  /** What follows `curl: (60) …` (CURL_CA_CERT_ERRORMSG in src/tool_operate.c). */
  caCertErrorMessage: string;
}

/** curl on the learner's host: Debian 12's. */
export const DEBIAN_CURL: CurlBuild = {
  version: '7.88.1',
  versionText:
    'curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13\n' +
    'Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14\n' +
    'Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\n' +
    'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n',
  couldntConnect: "Couldn't connect to server",
  caCertErrorMessage:
    'More details here: https://curl.se/docs/sslcerts.html\n\n' +
    'curl failed to verify the legitimacy of the server and therefore could not\n' +
    'establish a secure connection to it. To learn more about this situation and\n' +
    'how to fix it, please visit the web page mentioned above.\n',
};

/** The User-Agent the host's curl sends. */
export const USER_AGENT = `curl/${DEBIAN_CURL.version}`;

/** What `curl` alone and a usage error end with. */
export const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
