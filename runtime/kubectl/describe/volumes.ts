import { quantityText } from '../../api/resources/printer-cells';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer';
import type { Volume } from './types';

type Source = Record<string, unknown>;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const bool = (v: unknown): string => String(v === true);

/** A source's `Type:` line and its `    Field:\tvalue` lines, as the print*VolumeSource helpers write them. */
function fields(w: PrefixWriter, type: string, rows: Array<[string, string]>): void {
  w.write(LEVEL_2, `Type:\t${type}\n${rows.map(([k, v]) => `    ${k}:\t${v}\n`).join('')}`);
}

/** How each volume source kind is described, in describeVolumes' order of precedence. */
const SOURCES: Array<[string, (s: Source, w: PrefixWriter) => void]> = [
  [
    'hostPath',
    (s, w) =>
      fields(w, 'HostPath (bare host directory volume)', [
        ['Path', str(s.path)],
        ['HostPathType', s.type === undefined || s.type === null ? '<none>' : str(s.type)],
      ]),
  ],
  [
    'emptyDir',
    (s, w) => {
      const limit =
        s.sizeLimit === undefined || quantityText(s.sizeLimit) === '0' ? '<unset>' : quantityText(s.sizeLimit);
      fields(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
        ['Medium', str(s.medium)],
        ['SizeLimit', limit],
      ]);
    },
  ],
  [
    'secret',
    (s, w) =>
      fields(w, 'Secret (a volume populated by a Secret)', [
        ['SecretName', str(s.secretName)],
        ['Optional', bool(s.optional)],
      ]),
  ],
  [
    'configMap',
    (s, w) =>
      fields(w, 'ConfigMap (a volume populated by a ConfigMap)', [
        ['Name', str(s.name)],
        ['Optional', bool(s.optional)],
      ]),
  ],
  [
    'nfs',
    (s, w) =>
      fields(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
        ['Server', str(s.server)],
        ['Path', str(s.path)],
        ['ReadOnly', bool(s.readOnly)],
      ]),
  ],
  [
    'persistentVolumeClaim',
    (s, w) =>
      fields(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
        ['ClaimName', str(s.claimName)],
        ['ReadOnly', bool(s.readOnly)],
      ]),
  ],
  [
    'downwardAPI',
    (s, w) => {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of (s.items ?? []) as Array<Record<string, Source | undefined>>) {
        if (item.fieldRef) w.write(LEVEL_3, `${str(item.fieldRef.fieldPath)} -> ${str(item.path)}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${str(item.resourceFieldRef.resource)} -> ${str(item.path)}\n`);
      }
    },
  ],
  ['projected', printProjected],
  [
    'csi',
    (s, w) => {
      fields(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
        ['Driver', str(s.driver)],
        ['FSType', str(s.fsType)],
        ['ReadOnly', bool(s.readOnly)],
      ]);
      printAttributes(w, 'VolumeAttributes', s.volumeAttributes as Record<string, string> | undefined);
    },
  ],
  [
    'image',
    (s, w) =>
      fields(w, 'Image (a container image or OCI artifact)', [
        ['Reference', str(s.reference)],
        ['PullPolicy', str(s.pullPolicy)],
      ]),
  ],
];

function printProjected(s: Source, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of (s.sources ?? []) as Array<Record<string, Source | undefined>>) {
    if (source.secret)
      w.write(LEVEL_2, `SecretName:\t${str(source.secret.name)}\n    Optional:\t${bool(source.secret.optional)}\n`);
    else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (source.configMap)
      w.write(
        LEVEL_2,
        `ConfigMapName:\t${str(source.configMap.name)}\n    Optional:\t${bool(source.configMap.optional)}\n`,
      );
    else if (source.serviceAccountToken)
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(source.serviceAccountToken.expirationSeconds)}\n`);
  }
}

/**
 * printCSIPersistentVolumeAttributesMultiline: `    Title:\t` then sorted `k=v` lines, each
 * written at LEVEL_2 (so indented after the tab too) and cut at 140 bytes.
 */
export function printAttributes(w: PrefixWriter, title: string, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, `${title}:\t`);
  const keys = Object.keys(attributes ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes?.[key]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/**
 * describeVolumes: `Volumes:  <none>`, or each volume's name and its source's fields (`space`
 * is the template indent; its names then get one more space).
 */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    const match = SOURCES.find(([key]) => volume[key] !== undefined && volume[key] !== null);
    if (match) match[1](volume[match[0]] as Source, w);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}
