// INFO: the sections a learner reads (server, clients, memory, persistence, stats,
// replication, cpu, keyspace) with the fields redis 7.0 prints, the volatile ones (memory,
// counters) at plausible values for a small data set.
import type { Call } from './command';
import { REDIS_VERSION } from './version';

const KB = 1024;

function human(bytes: number): string {
  if (bytes < KB) return `${bytes}B`;
  if (bytes < KB * KB) return `${(bytes / KB).toFixed(2)}K`;
  return `${(bytes / KB / KB).toFixed(2)}M`;
}

function sections(call: Call): Record<string, Array<[string, string | number]>> {
  const { server } = call;
  const now = server.clock.now();
  const uptime = Math.floor((now - server.startedAt) / 1000);
  const used = 875_000 + server.keyspace.databases.reduce((sum, db) => sum + db.size() * 80, 0);
  return {
    server: [
      ['redis_version', REDIS_VERSION],
      ['redis_git_sha1', '00000000'],
      ['redis_git_dirty', 0],
      ['redis_build_id', 'a1b2c3d4e5f6a7b8'],
      ['redis_mode', 'standalone'],
      ['os', 'Linux 5.15.0 x86_64'],
      ['arch_bits', 64],
      ['monotonic_clock', 'POSIX clock_gettime'],
      ['multiplexing_api', 'epoll'],
      ['atomicvar_api', 'c11-builtin'],
      ['gcc_version', '12.2.0'],
      ['process_id', 1],
      ['process_supervised', 'no'],
      ['run_id', '5f0c2d7ab0d4c5e8c9b6a1f2e3d4c5b6a7f8e9d0'],
      ['tcp_port', Number(server.config.get('port'))],
      ['server_time_usec', now * 1000],
      ['uptime_in_seconds', uptime],
      ['uptime_in_days', Math.floor(uptime / 86400)],
      ['hz', 10],
      ['configured_hz', 10],
      ['lru_clock', Math.floor(now / 1000) % 16777216],
      ['executable', '/data/redis-server'],
      ['config_file', ''],
      ['io_threads_active', 0],
    ],
    clients: [
      ['connected_clients', server.clients()],
      ['cluster_connections', 0],
      ['maxclients', 10000],
      ['client_recent_max_input_buffer', 20480],
      ['client_recent_max_output_buffer', 0],
      ['blocked_clients', 0],
      ['tracking_clients', 0],
      ['clients_in_timeout_table', 0],
    ],
    memory: [
      ['used_memory', used],
      ['used_memory_human', human(used)],
      ['used_memory_rss', 7_340_032],
      ['used_memory_rss_human', human(7_340_032)],
      ['used_memory_peak', used],
      ['used_memory_peak_human', human(used)],
      ['maxmemory', Number(server.config.get('maxmemory'))],
      ['maxmemory_human', human(Number(server.config.get('maxmemory')))],
      ['maxmemory_policy', server.config.get('maxmemory-policy') ?? 'noeviction'],
      ['mem_allocator', 'jemalloc-5.3.0'],
    ],
    persistence: [
      ['loading', 0],
      ['rdb_bgsave_in_progress', 0],
      ['rdb_last_save_time', Math.floor(server.startedAt / 1000)],
      ['rdb_last_bgsave_status', 'ok'],
      ['aof_enabled', server.config.get('appendonly') === 'yes' ? 1 : 0],
    ],
    stats: [
      ['total_connections_received', server.clients()],
      ['expired_keys', 0],
      ['evicted_keys', 0],
      ['pubsub_channels', server.pubsub.channelCount()],
      ['pubsub_patterns', server.pubsub.patternCount()],
    ],
    replication: [
      ['role', 'master'],
      ['connected_slaves', 0],
      ['master_failover_state', 'no-failover'],
      ['master_replid', '8371b4fb1155b71f4a04d3e1bc3e18c4a990aeeb'],
      ['master_replid2', '0000000000000000000000000000000000000000'],
      ['master_repl_offset', 0],
      ['second_repl_offset', -1],
      ['repl_backlog_active', 0],
      ['repl_backlog_size', 1048576],
      ['repl_backlog_first_byte_offset', 0],
      ['repl_backlog_histlen', 0],
    ],
    cpu: [
      ['used_cpu_sys', (uptime * 0.001).toFixed(6)],
      ['used_cpu_user', (uptime * 0.001).toFixed(6)],
      ['used_cpu_sys_children', '0.000000'],
      ['used_cpu_user_children', '0.000000'],
    ],
    keyspace: server.keyspace.databases
      .filter((db) => db.size() > 0)
      .map((db) => [`db${db.index}`, `keys=${db.size()},expires=${db.expiring()},avg_ttl=0`]),
  };
}

const TITLES: Record<string, string> = {
  server: 'Server',
  clients: 'Clients',
  memory: 'Memory',
  persistence: 'Persistence',
  stats: 'Stats',
  replication: 'Replication',
  cpu: 'CPU',
  keyspace: 'Keyspace',
};

/** INFO's text for the requested sections (all of the above by default). */
export function infoText(call: Call): string {
  const all = sections(call);
  const asked = call.args.slice(1).map((name) => name.toLowerCase());
  const names =
    asked.length === 0 || asked.some((name) => ['all', 'default', 'everything'].includes(name))
      ? Object.keys(TITLES)
      : Object.keys(TITLES).filter((name) => asked.includes(name));
  return names
    .map((name) => `# ${TITLES[name]}\r\n${all[name].map(([field, value]) => `${field}:${value}\r\n`).join('')}`)
    .join('\r\n');
}
