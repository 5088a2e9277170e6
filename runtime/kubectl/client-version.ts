import type { VersionInfo } from '../api/version';

/** The kubectl we reproduce: v1.34.5, as `kubectl version --client -o json` prints it. */
export const CLIENT_VERSION: VersionInfo = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.5',
  gitCommit: 'ebfac057369b21558006b8815821ab2fb1e29f2d',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:06:18Z',
  goVersion: 'go1.24.13',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The kustomize built into kubectl v1.34. */
export const KUSTOMIZE_VERSION = 'v5.7.1';
