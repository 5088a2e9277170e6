import { dnsSubdomainErrors } from '../../api/validation';
import type { FlagSpec } from '../flags';
import {
  checkRequired,
  GeneratorError,
  int,
  list,
  nameFromArgs,
  namespaceOf,
  str,
  type Generator,
  type GeneratorInput,
} from './generator';
import { atoi, portNameErrors, portNumErrors } from './validation';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const TCP: FlagSpec = { name: 'tcp', type: 'stringSlice' };

/** create_service.go parsePorts: `port[:targetPort]`, the target a number or a port name. */
function parsePorts(text: string): { port: number; targetPort: number | string } {
  const parts = text.split(':');
  // utilsnet.ParsePort: strconv.ParseUint(s, 10, 16).
  if (!/^[0-9]+$/.test(parts[0]))
    throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(parts[0])}: invalid syntax`);
  const port = Number(parts[0]);
  if (port > 65535)
    throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(parts[0])}: value out of range`);
  if (parts.length === 1) return { port, targetPort: port };
  const number = atoi(parts[1]);
  if (typeof number === 'string') {
    const errors = portNameErrors(parts[1]);
    if (errors.length) throw new GeneratorError(errors.join(','));
    return { port, targetPort: parts[1] };
  }
  const errors = portNumErrors(number);
  if (errors.length) throw new GeneratorError(errors.join(','));
  return { port, targetPort: number };
}

/** ServiceOptions.Validate then createService. */
function buildService(input: GeneratorInput, type: ServiceType, path: string): unknown {
  const name = nameFromArgs(input, path);
  const tcp = list(input, 'tcp');
  const clusterIP = str(input, 'clusterip');
  const externalName = str(input, 'external-name');
  if (clusterIP === 'None' && type !== 'ClusterIP') {
    throw new GeneratorError('ClusterIP=None can only be used with ClusterIP service type');
  }
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') {
    throw new GeneratorError('at least one tcp port specifier must be provided');
  }
  if (type === 'ExternalName' && dnsSubdomainErrors(externalName).length) {
    throw new GeneratorError(`invalid service external name ${externalName}`);
  }
  const nodePort = int(input, 'node-port', 0);
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    return {
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port,
      targetPort,
      ...(nodePort ? { nodePort } : {}),
    };
  });
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...namespaceOf(input), labels: { app: name } },
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP ? { clusterIP } : {}),
      type,
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** One `kubectl create service <type>` generator. */
function serviceGenerator(word: string, type: ServiceType, flags: FlagSpec[], required: string[] = []): Generator {
  const path = `kubectl create service ${word}`;
  return {
    name: `service ${word}`,
    aliases: [],
    commandPath: path,
    flags,
    required,
    build(input) {
      checkRequired(input, required);
      return buildService(input, type, path);
    },
  };
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME …` (the parent's alias is `svc`). */
export const serviceGenerators: readonly Generator[] = [
  serviceGenerator('clusterip', 'ClusterIP', [TCP, { name: 'clusterip', type: 'string' }]),
  serviceGenerator('nodeport', 'NodePort', [{ name: 'node-port', type: 'int' }, TCP]),
  serviceGenerator('loadbalancer', 'LoadBalancer', [TCP]),
  serviceGenerator('externalname', 'ExternalName', [TCP, { name: 'external-name', type: 'string' }], ['external-name']),
];
