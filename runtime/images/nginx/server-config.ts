import type { Volume } from '../../shell/fs/volume';

/** What the simulated server takes from the configuration: the default server's essentials. */
export interface ServerConfig {
  port: number;
  serverName: string;
  root: string;
  index: string[];
}

/** The image's conf.d/default.conf. */
export const DEFAULT_SERVER: ServerConfig = {
  port: 80,
  serverName: 'localhost',
  root: '/usr/share/nginx/html',
  index: ['index.html', 'index.htm'],
};

/** Words, `;`, `{` and `}` of an nginx configuration, comments dropped (quotes kept simple). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '$1');
    for (const match of code.matchAll(/"([^"]*)"|'([^']*)'|([;{}])|([^\s;{}]+)/g))
      out.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
  }
  return out;
}

/** The first `server` block of `text`: its listen port, server_name, and root/index (server or `location /`). */
function parseServer(text: string): ServerConfig | undefined {
  const words = tokens(text);
  const start = words.findIndex((word, i) => word === 'server' && words[i + 1] === '{');
  if (start < 0) return undefined;
  const config = { ...DEFAULT_SERVER, index: ['index.html'] };
  let portSet = false;
  const blocks: string[] = [];
  let directive: string[] = [];
  for (let i = start + 2; i < words.length; i++) {
    const word = words[i];
    if (word === '{') {
      blocks.push(directive.join(' '));
      directive = [];
    } else if (word === '}') {
      if (blocks.length === 0) break;
      blocks.pop();
      directive = [];
    } else if (word === ';') {
      const [name, ...args] = directive;
      directive = [];
      const inRoot = blocks.length === 0 || (blocks.length === 1 && /^location (= )?\/$/.test(blocks[0]));
      if (name === 'listen' && blocks.length === 0 && !portSet && !args[0]?.startsWith('[')) {
        config.port = Number(/(\d+)$/.exec(args[0] ?? '')?.[1] ?? 80);
        portSet = true;
      } else if (name === 'server_name' && blocks.length === 0) config.serverName = args[0] ?? '';
      else if (name === 'root' && inRoot) config.root = (args[0] ?? '').replace(/\/$/, '');
      else if (name === 'index' && inRoot) config.index = args;
    } else directive.push(word);
  }
  return config;
}

/** The default server of /etc/nginx/conf.d/*.conf (the first server block, files in name order). */
export function readServerConfig(fs: Volume): ServerConfig {
  const dir = '/etc/nginx/conf.d';
  try {
    for (const entry of fs.list(dir).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.directory || !entry.name.endsWith('.conf')) continue;
      const server = parseServer(fs.readFile(`${dir}/${entry.name}`));
      if (server) return server;
    }
  } catch {
    // No conf.d: nginx.conf's own defaults are the image's.
  }
  return DEFAULT_SERVER;
}
