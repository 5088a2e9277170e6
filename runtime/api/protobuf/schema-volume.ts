// k8s.io/api/core/v1: Volume and every volume source a pod spec can carry (inline sources, projected
// volumes, ephemeral claim templates), volume mounts and devices.
import type { MessageDescriptors } from './schema';

export const VOLUME_MESSAGES: MessageDescriptors = {
  Volume: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      volumeSource: { type: 'VolumeSource', id: 2, options: { inline: true } },
    },
  },
  VolumeMount: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 2 },
      recursiveReadOnly: { type: 'string', id: 7, options: { keepZero: true } },
      mountPath: { type: 'string', id: 3, options: { keepZero: true } },
      subPath: { type: 'string', id: 4 },
      mountPropagation: { type: 'string', id: 5, options: { keepZero: true } },
      subPathExpr: { type: 'string', id: 6 },
    },
  },
  VolumeDevice: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      devicePath: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  VolumeSource: {
    fields: {
      hostPath: { type: 'HostPathVolumeSource', id: 1 },
      emptyDir: { type: 'EmptyDirVolumeSource', id: 2 },
      gcePersistentDisk: { type: 'GCEPersistentDiskVolumeSource', id: 3 },
      awsElasticBlockStore: { type: 'AWSElasticBlockStoreVolumeSource', id: 4 },
      gitRepo: { type: 'GitRepoVolumeSource', id: 5 },
      secret: { type: 'SecretVolumeSource', id: 6 },
      nfs: { type: 'NFSVolumeSource', id: 7 },
      iscsi: { type: 'ISCSIVolumeSource', id: 8 },
      glusterfs: { type: 'GlusterfsVolumeSource', id: 9 },
      persistentVolumeClaim: { type: 'PersistentVolumeClaimVolumeSource', id: 10 },
      rbd: { type: 'RBDVolumeSource', id: 11 },
      flexVolume: { type: 'FlexVolumeSource', id: 12 },
      cinder: { type: 'CinderVolumeSource', id: 13 },
      cephfs: { type: 'CephFSVolumeSource', id: 14 },
      flocker: { type: 'FlockerVolumeSource', id: 15 },
      downwardAPI: { type: 'DownwardAPIVolumeSource', id: 16 },
      fc: { type: 'FCVolumeSource', id: 17 },
      azureFile: { type: 'AzureFileVolumeSource', id: 18 },
      configMap: { type: 'ConfigMapVolumeSource', id: 19 },
      vsphereVolume: { type: 'VsphereVirtualDiskVolumeSource', id: 20 },
      quobyte: { type: 'QuobyteVolumeSource', id: 21 },
      azureDisk: { type: 'AzureDiskVolumeSource', id: 22 },
      photonPersistentDisk: { type: 'PhotonPersistentDiskVolumeSource', id: 23 },
      projected: { type: 'ProjectedVolumeSource', id: 26 },
      portworxVolume: { type: 'PortworxVolumeSource', id: 24 },
      scaleIO: { type: 'ScaleIOVolumeSource', id: 25 },
      storageos: { type: 'StorageOSVolumeSource', id: 27 },
      csi: { type: 'CSIVolumeSource', id: 28 },
      ephemeral: { type: 'EphemeralVolumeSource', id: 29 },
      image: { type: 'ImageVolumeSource', id: 30 },
    },
  },
  HostPathVolumeSource: {
    fields: {
      path: { type: 'string', id: 1, options: { keepZero: true } },
      type: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  EmptyDirVolumeSource: { fields: { medium: { type: 'string', id: 1 }, sizeLimit: { type: 'Quantity', id: 2 } } },
  GCEPersistentDiskVolumeSource: {
    fields: {
      pdName: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      partition: { type: 'int32', id: 3 },
      readOnly: { type: 'bool', id: 4 },
    },
  },
  AWSElasticBlockStoreVolumeSource: {
    fields: {
      volumeID: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      partition: { type: 'int32', id: 3 },
      readOnly: { type: 'bool', id: 4 },
    },
  },
  GitRepoVolumeSource: {
    fields: {
      repository: { type: 'string', id: 1, options: { keepZero: true } },
      revision: { type: 'string', id: 2 },
      directory: { type: 'string', id: 3 },
    },
  },
  SecretVolumeSource: {
    fields: {
      secretName: { type: 'string', id: 1 },
      items: { type: 'KeyToPath', id: 2, rule: 'repeated' },
      defaultMode: { type: 'int32', id: 3, options: { keepZero: true } },
      optional: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  NFSVolumeSource: {
    fields: {
      server: { type: 'string', id: 1, options: { keepZero: true } },
      path: { type: 'string', id: 2, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 3 },
    },
  },
  ISCSIVolumeSource: {
    fields: {
      targetPortal: { type: 'string', id: 1, options: { keepZero: true } },
      iqn: { type: 'string', id: 2, options: { keepZero: true } },
      lun: { type: 'int32', id: 3, options: { keepZero: true } },
      iscsiInterface: { type: 'string', id: 4 },
      fsType: { type: 'string', id: 5 },
      readOnly: { type: 'bool', id: 6 },
      portals: { type: 'string', id: 7, rule: 'repeated' },
      chapAuthDiscovery: { type: 'bool', id: 8 },
      chapAuthSession: { type: 'bool', id: 11 },
      secretRef: { type: 'LocalObjectReference', id: 10 },
      initiatorName: { type: 'string', id: 12, options: { keepZero: true } },
    },
  },
  GlusterfsVolumeSource: {
    fields: {
      endpoints: { type: 'string', id: 1, options: { keepZero: true } },
      path: { type: 'string', id: 2, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 3 },
    },
  },
  PersistentVolumeClaimVolumeSource: {
    fields: {
      claimName: { type: 'string', id: 1, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 2 },
    },
  },
  RBDVolumeSource: {
    fields: {
      monitors: { type: 'string', id: 1, rule: 'repeated' },
      image: { type: 'string', id: 2, options: { keepZero: true } },
      fsType: { type: 'string', id: 3 },
      pool: { type: 'string', id: 4 },
      user: { type: 'string', id: 5 },
      keyring: { type: 'string', id: 6 },
      secretRef: { type: 'LocalObjectReference', id: 7 },
      readOnly: { type: 'bool', id: 8 },
    },
  },
  FlexVolumeSource: {
    fields: {
      driver: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      secretRef: { type: 'LocalObjectReference', id: 3 },
      readOnly: { type: 'bool', id: 4 },
      options: { keyType: 'string', type: 'string', id: 5 },
    },
  },
  CinderVolumeSource: {
    fields: {
      volumeID: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      readOnly: { type: 'bool', id: 3 },
      secretRef: { type: 'LocalObjectReference', id: 4 },
    },
  },
  CephFSVolumeSource: {
    fields: {
      monitors: { type: 'string', id: 1, rule: 'repeated' },
      path: { type: 'string', id: 2 },
      user: { type: 'string', id: 3 },
      secretFile: { type: 'string', id: 4 },
      secretRef: { type: 'LocalObjectReference', id: 5 },
      readOnly: { type: 'bool', id: 6 },
    },
  },
  FlockerVolumeSource: { fields: { datasetName: { type: 'string', id: 1 }, datasetUUID: { type: 'string', id: 2 } } },
  DownwardAPIVolumeSource: {
    fields: {
      items: { type: 'DownwardAPIVolumeFile', id: 1, rule: 'repeated' },
      defaultMode: { type: 'int32', id: 2, options: { keepZero: true } },
    },
  },
  FCVolumeSource: {
    fields: {
      targetWWNs: { type: 'string', id: 1, rule: 'repeated' },
      lun: { type: 'int32', id: 2, options: { keepZero: true } },
      fsType: { type: 'string', id: 3 },
      readOnly: { type: 'bool', id: 4 },
      wwids: { type: 'string', id: 5, rule: 'repeated' },
    },
  },
  AzureFileVolumeSource: {
    fields: {
      secretName: { type: 'string', id: 1, options: { keepZero: true } },
      shareName: { type: 'string', id: 2, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 3 },
    },
  },
  ConfigMapVolumeSource: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      items: { type: 'KeyToPath', id: 2, rule: 'repeated' },
      defaultMode: { type: 'int32', id: 3, options: { keepZero: true } },
      optional: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  VsphereVirtualDiskVolumeSource: {
    fields: {
      volumePath: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      storagePolicyName: { type: 'string', id: 3 },
      storagePolicyID: { type: 'string', id: 4 },
    },
  },
  QuobyteVolumeSource: {
    fields: {
      registry: { type: 'string', id: 1, options: { keepZero: true } },
      volume: { type: 'string', id: 2, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 3 },
      user: { type: 'string', id: 4 },
      group: { type: 'string', id: 5 },
      tenant: { type: 'string', id: 6 },
    },
  },
  AzureDiskVolumeSource: {
    fields: {
      diskName: { type: 'string', id: 1, options: { keepZero: true } },
      diskURI: { type: 'string', id: 2, options: { keepZero: true } },
      cachingMode: { type: 'string', id: 3, options: { keepZero: true } },
      fsType: { type: 'string', id: 4, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 5, options: { keepZero: true } },
      kind: { type: 'string', id: 6, options: { keepZero: true } },
    },
  },
  PhotonPersistentDiskVolumeSource: {
    fields: {
      pdID: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
    },
  },
  ProjectedVolumeSource: {
    fields: {
      sources: { type: 'VolumeProjection', id: 1, rule: 'repeated' },
      defaultMode: { type: 'int32', id: 2, options: { keepZero: true } },
    },
  },
  PortworxVolumeSource: {
    fields: {
      volumeID: { type: 'string', id: 1, options: { keepZero: true } },
      fsType: { type: 'string', id: 2 },
      readOnly: { type: 'bool', id: 3 },
    },
  },
  ScaleIOVolumeSource: {
    fields: {
      gateway: { type: 'string', id: 1, options: { keepZero: true } },
      system: { type: 'string', id: 2, options: { keepZero: true } },
      secretRef: { type: 'LocalObjectReference', id: 3 },
      sslEnabled: { type: 'bool', id: 4 },
      protectionDomain: { type: 'string', id: 5 },
      storagePool: { type: 'string', id: 6 },
      storageMode: { type: 'string', id: 7 },
      volumeName: { type: 'string', id: 8 },
      fsType: { type: 'string', id: 9 },
      readOnly: { type: 'bool', id: 10 },
    },
  },
  StorageOSVolumeSource: {
    fields: {
      volumeName: { type: 'string', id: 1 },
      volumeNamespace: { type: 'string', id: 2 },
      fsType: { type: 'string', id: 3 },
      readOnly: { type: 'bool', id: 4 },
      secretRef: { type: 'LocalObjectReference', id: 5 },
    },
  },
  CSIVolumeSource: {
    fields: {
      driver: { type: 'string', id: 1, options: { keepZero: true } },
      readOnly: { type: 'bool', id: 2, options: { keepZero: true } },
      fsType: { type: 'string', id: 3, options: { keepZero: true } },
      volumeAttributes: { keyType: 'string', type: 'string', id: 4 },
      nodePublishSecretRef: { type: 'LocalObjectReference', id: 5 },
    },
  },
  EphemeralVolumeSource: { fields: { volumeClaimTemplate: { type: 'PersistentVolumeClaimTemplate', id: 1 } } },
  ImageVolumeSource: { fields: { reference: { type: 'string', id: 1 }, pullPolicy: { type: 'string', id: 2 } } },
  KeyToPath: {
    fields: {
      key: { type: 'string', id: 1, options: { keepZero: true } },
      path: { type: 'string', id: 2, options: { keepZero: true } },
      mode: { type: 'int32', id: 3, options: { keepZero: true } },
    },
  },
  DownwardAPIVolumeFile: {
    fields: {
      path: { type: 'string', id: 1, options: { keepZero: true } },
      fieldRef: { type: 'ObjectFieldSelector', id: 2 },
      resourceFieldRef: { type: 'ResourceFieldSelector', id: 3 },
      mode: { type: 'int32', id: 4, options: { keepZero: true } },
    },
  },
  VolumeProjection: {
    fields: {
      secret: { type: 'SecretProjection', id: 1 },
      downwardAPI: { type: 'DownwardAPIProjection', id: 2 },
      configMap: { type: 'ConfigMapProjection', id: 3 },
      serviceAccountToken: { type: 'ServiceAccountTokenProjection', id: 4 },
      clusterTrustBundle: { type: 'ClusterTrustBundleProjection', id: 5 },
      podCertificate: { type: 'PodCertificateProjection', id: 6 },
    },
  },
  PersistentVolumeClaimTemplate: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'PersistentVolumeClaimSpec', id: 2 },
    },
  },
  SecretProjection: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      items: { type: 'KeyToPath', id: 2, rule: 'repeated' },
      optional: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  DownwardAPIProjection: { fields: { items: { type: 'DownwardAPIVolumeFile', id: 1, rule: 'repeated' } } },
  ConfigMapProjection: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      items: { type: 'KeyToPath', id: 2, rule: 'repeated' },
      optional: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  ServiceAccountTokenProjection: {
    fields: {
      audience: { type: 'string', id: 1 },
      expirationSeconds: { type: 'int64', id: 2, options: { keepZero: true } },
      path: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
  ClusterTrustBundleProjection: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      signerName: { type: 'string', id: 2, options: { keepZero: true } },
      labelSelector: { type: 'LabelSelector', id: 3 },
      optional: { type: 'bool', id: 5, options: { keepZero: true } },
      path: { type: 'string', id: 4, options: { keepZero: true } },
    },
  },
  PodCertificateProjection: {
    fields: {
      signerName: { type: 'string', id: 1 },
      keyType: { type: 'string', id: 2 },
      maxExpirationSeconds: { type: 'int32', id: 3, options: { keepZero: true } },
      credentialBundlePath: { type: 'string', id: 4 },
      keyPath: { type: 'string', id: 5 },
      certificateChainPath: { type: 'string', id: 6 },
    },
  },
  PersistentVolumeClaimSpec: {
    fields: {
      accessModes: { type: 'string', id: 1, rule: 'repeated' },
      selector: { type: 'LabelSelector', id: 4 },
      resources: { type: 'VolumeResourceRequirements', id: 2 },
      volumeName: { type: 'string', id: 3 },
      storageClassName: { type: 'string', id: 5, options: { keepZero: true } },
      volumeMode: { type: 'string', id: 6, options: { keepZero: true } },
      dataSource: { type: 'TypedLocalObjectReference', id: 7 },
      dataSourceRef: { type: 'TypedObjectReference', id: 8 },
      volumeAttributesClassName: { type: 'string', id: 9, options: { keepZero: true } },
    },
  },
  VolumeResourceRequirements: {
    fields: {
      limits: { keyType: 'string', type: 'Quantity', id: 1 },
      requests: { keyType: 'string', type: 'Quantity', id: 2 },
    },
  },
  TypedLocalObjectReference: {
    fields: {
      apiGroup: { type: 'string', id: 1, options: { keepZero: true } },
      kind: { type: 'string', id: 2, options: { keepZero: true } },
      name: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
  TypedObjectReference: {
    fields: {
      apiGroup: { type: 'string', id: 1, options: { keepZero: true } },
      kind: { type: 'string', id: 2, options: { keepZero: true } },
      name: { type: 'string', id: 3, options: { keepZero: true } },
      namespace: { type: 'string', id: 4, options: { keepZero: true } },
    },
  },
};
