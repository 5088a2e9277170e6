// Re-records tests/fixtures/httpd/results.json: Debian's Apache (apache2, `apt-get install -y
// apache2`) run in the foreground with a configuration like the official httpd image's (event
// MPM, its htdocs with "It works!" and that file's time, the common log format on stdout and the
// error log on stderr), a few requests, then SIGTERM. Debian's build names itself `apache2` and
// `(Debian)` where the image's says `httpd` and `(Unix)`; pids, times and the machine's address
// are normalised to the container's.
//   npx tsx scripts/oracle/record-httpd.ts        (as root; a few seconds)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IT_WORKS, INDEX_MTIME } from '../../runtime/images/httpd';

const PORT = 8089;
const MODULES = '/usr/lib/apache2/modules';
const PATHS = ['/', '/index.html', '/nothing'];

function get(path: string, method = 'GET'): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return new Promise((resolve, reject) => {
    // A connection of its own, kept alive as curl's is (so Keep-Alive's max is the first one's).
    const agent = new Agent({ keepAlive: true });
    const req = request(
      { host: '127.0.0.1', port: PORT, path, method, agent, headers: { 'User-Agent': 'curl/8.17.0' } },
      (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const headers: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          agent.destroy();
          resolve({ status: res.statusCode ?? 0, headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const work = mkdtempSync(join(tmpdir(), 'httpd-oracle-'));
try {
  mkdirSync(join(work, 'htdocs'), { recursive: true });
  writeFileSync(join(work, 'htdocs/index.html'), IT_WORKS);
  utimesSync(join(work, 'htdocs/index.html'), INDEX_MTIME / 1000, INDEX_MTIME / 1000);
  spawnSync('chmod', ['-R', 'a+rX', work]);
  writeFileSync(
    join(work, 'httpd.conf'),
    [
      `ServerRoot "${work}"`,
      `Listen 127.0.0.1:${PORT}`,
      `LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so`,
      `LoadModule authz_core_module ${MODULES}/mod_authz_core.so`,
      `LoadModule mime_module ${MODULES}/mod_mime.so`,
      `LoadModule dir_module ${MODULES}/mod_dir.so`,
      'User www-data',
      'Group www-data',
      `PidFile ${work}/httpd.pid`,
      `DocumentRoot "${work}/htdocs"`,
      `<Directory "${work}/htdocs">`,
      '    Require all granted',
      '</Directory>',
      'DirectoryIndex index.html',
      'ErrorLog /proc/self/fd/2',
      'LogLevel warn',
      'LogFormat "%h %l %u %t \\"%r\\" %>s %b" common',
      'CustomLog /proc/self/fd/1 common',
      'TypesConfig /etc/mime.types',
      '',
    ].join('\n'),
  );
  const out = join(work, 'out');
  const err = join(work, 'err');
  writeFileSync(out, '');
  writeFileSync(err, '');
  const child = spawn('/usr/sbin/apache2', ['-f', join(work, 'httpd.conf'), '-D', 'FOREGROUND'], {
    stdio: ['ignore', openSync(out, 'a'), openSync(err, 'a')],
  });
  await new Promise((resolve) => setTimeout(resolve, 800));
  const replies = [];
  for (const path of PATHS) replies.push({ path, method: 'GET', ...(await get(path)) });
  replies.push({ path: '/', method: 'HEAD', ...(await get('/', 'HEAD')) });
  await new Promise((resolve) => setTimeout(resolve, 200));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  const version = /Apache\/([\d.]+)/.exec(readFileSync(err, 'utf8'))?.[1] ?? '';
  const normalise = (text: string): string =>
    text
      .replaceAll('apache2:', 'httpd:')
      .replaceAll(`Apache/${version} (Debian)`, 'Apache/<version> (Unix)')
      .replace(/\[pid \d+:tid \d+\]/g, '[pid 1:tid 1]')
      .replace(/Command line: '[^']*'/, "Command line: 'httpd -D FOREGROUND'")
      .replace(/\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\]/g, '[<time>]')
      .replace(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[<time>]');
  const results = {
    oracle: `Apache/${version} (Debian)`,
    stdout: normalise(readFileSync(out, 'utf8')),
    stderr: normalise(readFileSync(err, 'utf8')),
    replies: replies.map((reply) => ({
      ...reply,
      headers: reply.headers.map(([name, value]) => [name, name === 'Date' ? '<date>' : normalise(value)]),
      body: normalise(reply.body),
    })),
  };
  const target = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/httpd/results.json');
  writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`recorded ${results.oracle} to ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
