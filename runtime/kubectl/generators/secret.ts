import { base64 } from '../../util/sha256';
import { encodeUtf8 } from '../../util/utf8';
import { GeneratorError, list, nameFromArgs, namespaceOf, str, type Generator, type GeneratorInput } from './generator';
import { addEnvFileSources, addFileSources, parseLiteralSource, readSource } from './data-sources';
import { sortKeys } from './go-json';
import { configMapKeyErrors } from './validation';

/** A Secret as newSecretObj makes it; `data` values are the texts (base64-encoded on output). */
function secretObject(input: GeneratorInput, name: string, type: string, data: Record<string, string>): unknown {
  const encoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(sortKeys(data))) encoded[key] = base64(encodeUtf8(value));
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name, ...namespaceOf(input) },
    ...(Object.keys(encoded).length ? { data: encoded } : {}),
    ...(type ? { type } : {}),
  };
}

/** addKeyFromLiteralToSecret as a closure over one Secret's data. */
function secretAdder(data: Record<string, string>): (key: string, value: string) => void {
  return (key, value) => {
    const errors = configMapKeyErrors(key);
    if (errors.length)
      throw new GeneratorError(`${JSON.stringify(key)} is not valid key name for a Secret ${errors.join(';')}`);
    if (key in data) throw new GeneratorError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value;
  };
}

const FROM_FILE = { name: 'from-file', type: 'stringSlice' } as const;
const APPEND_HASH = { name: 'append-hash', type: 'bool' } as const;

/** `kubectl create secret generic NAME [--type] [--from-file] [--from-literal] [--from-env-file]`. */
export const secretGenericGenerator: Generator = {
  name: 'secret generic',
  aliases: [],
  commandPath: 'kubectl create secret generic',
  flags: [
    FROM_FILE,
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringSlice' },
    { name: 'type', type: 'string' },
    APPEND_HASH,
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const files = list(input, 'from-file');
    const literals = list(input, 'from-literal');
    const envFiles = list(input, 'from-env-file');
    if (envFiles.length && (files.length || literals.length)) {
      throw new GeneratorError('from-env-file cannot be combined with from-file or from-literal');
    }
    const data: Record<string, string> = {};
    const add = secretAdder(data);
    for (const source of literals) add(...parseLiteralSource(source));
    addFileSources(input, files, add);
    addEnvFileSources(input, envFiles, 'env secret file', add);
    return secretObject(input, name, str(input, 'type'), data);
  },
};

/** `kubectl create secret docker-registry NAME --docker-username --docker-password --docker-server [--docker-email] | --from-file`. */
export const secretDockerRegistryGenerator: Generator = {
  name: 'secret docker-registry',
  aliases: [],
  commandPath: 'kubectl create secret docker-registry',
  flags: [
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'docker-server', type: 'string' },
    APPEND_HASH,
    FROM_FILE,
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const files = list(input, 'from-file').map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`));
    const [username, password, email, server] = ['username', 'password', 'email', 'server'].map((f) =>
      str(input, `docker-${f}`),
    );
    if (!files.length && (!username || !password || !server)) {
      throw new GeneratorError(
        'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
      );
    }
    const data: Record<string, string> = {};
    if (files.length) addFileSources(input, files, secretAdder(data));
    else {
      // DockerConfigEntry: username, password, email, auth, each omitempty.
      const entry = {
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        ...(email ? { email } : {}),
        auth: base64(encodeUtf8(`${username}:${password}`)),
      };
      data['.dockerconfigjson'] = goJsonCompact({ auths: { [server]: entry } });
    }
    return secretObject(input, name, 'kubernetes.io/dockerconfigjson', data);
  },
};

/** json.Marshal of plain data: compact, with Go's HTML-safe escapes. */
function goJsonCompact(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** tls.X509KeyPair's first checks: both inputs must hold PEM blocks of the right kinds. */
function checkKeyPair(cert: string, key: string): void {
  const blocks = (text: string): string[] => [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]);
  const certBlocks = blocks(cert);
  if (!certBlocks.length) throw new GeneratorError('tls: failed to find any PEM data in certificate input');
  if (!certBlocks.includes('CERTIFICATE')) {
    throw new GeneratorError(
      'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [' +
        certBlocks.join(' ') +
        ']',
    );
  }
  const keyBlocks = blocks(key);
  if (!keyBlocks.length) throw new GeneratorError('tls: failed to find any PEM data in key input');
  if (!keyBlocks.some((b) => b === 'PRIVATE KEY' || b.endsWith(' PRIVATE KEY'))) {
    throw new GeneratorError(
      'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [' +
        keyBlocks.join(' ') +
        ']',
    );
  }
}

/** `kubectl create secret tls NAME --cert=… --key=…` (the key pair's match is not verified). */
export const secretTlsGenerator: Generator = {
  name: 'secret tls',
  aliases: [],
  commandPath: 'kubectl create secret tls',
  flags: [{ name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, APPEND_HASH],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const certPath = str(input, 'cert');
    const keyPath = str(input, 'key');
    if (!certPath || !keyPath) throw new GeneratorError('key and cert must be specified');
    const cert = readSource(input, certPath, (e) => `Cannot read file ${certPath}, ${e}`);
    const key = readSource(input, keyPath, (e) => `Cannot read file ${keyPath}, ${e}`);
    checkKeyPair(cert, key);
    return secretObject(input, name, 'kubernetes.io/tls', { 'tls.crt': cert, 'tls.key': key });
  },
};
