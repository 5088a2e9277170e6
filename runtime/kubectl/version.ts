import { ConnectionRefusedError } from '../api/connection-refused';
import { StatusError } from '../api/status';
import type { VersionInfo } from '../api/version';
import { CLIENT_VERSION, KUSTOMIZE_VERSION } from './client-version';
import { toYaml } from './printers/yaml';
import { fail, type KubectlSubcommand } from './subcommand';

/** Orders a version.Info as Go marshals the struct, dropping empty optional fields. */
function ordered(info: VersionInfo): VersionInfo {
  const { major, minor, emulationMajor, emulationMinor, minCompatibilityMajor, minCompatibilityMinor } = info;
  const rest = {
    gitVersion: info.gitVersion,
    gitCommit: info.gitCommit,
    gitTreeState: info.gitTreeState,
    buildDate: info.buildDate,
    goVersion: info.goVersion,
    compiler: info.compiler,
    platform: info.platform,
  };
  const optional = Object.entries({ emulationMajor, emulationMinor, minCompatibilityMajor, minCompatibilityMinor });
  return { major, minor, ...Object.fromEntries(optional.filter(([, v]) => v)), ...rest };
}

/** `kubectl version` (kubectl pkg/cmd/version): client, kustomize and server versions. */
export const version: KubectlSubcommand = {
  name: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  async run({ args, flags, stdout, stderr, api }) {
    if (args.length > 0) return fail(stderr, `extra arguments: [${args.join(' ')}]`);
    const output = String(flags.get('output') ?? '');
    if (output !== '' && output !== 'yaml' && output !== 'json') {
      return fail(stderr, "--output must be 'yaml' or 'json'");
    }
    const result: { clientVersion: VersionInfo; kustomizeVersion: string; serverVersion?: VersionInfo } = {
      clientVersion: CLIENT_VERSION,
      kustomizeVersion: KUSTOMIZE_VERSION,
    };
    let serverError: StatusError | undefined;
    let refused: ConnectionRefusedError | undefined;
    if (flags.get('client') !== true) {
      try {
        result.serverVersion = ordered(await api.getJson<VersionInfo>('/version?timeout=32s'));
      } catch (error) {
        // A refused connection fails the command after the client's lines are printed.
        if (error instanceof ConnectionRefusedError) refused = error;
        else if (!(error instanceof StatusError)) throw error;
        else serverError = error;
      }
    }
    if (output === 'json') stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (output === 'yaml') stdout.write(`${toYaml(result)}\n`);
    else {
      let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
      if (result.serverVersion) text += `Server Version: ${result.serverVersion.gitVersion}\n`;
      stdout.write(text);
    }
    if (refused) throw refused;
    if (serverError) {
      const { reason, message } = serverError.status;
      stderr.write(`Error from server${reason ? ` (${reason})` : ''}: ${message}\n`);
      return 1;
    }
    return 0;
  },
};
