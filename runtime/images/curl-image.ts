// curlimages/curl: curl on Alpine (busybox's sh), run through an entrypoint that puts `curl`
// in front of arguments starting with `-` (so `kubectl run c --image=curlimages/curl -- -s URL`).
import { containerCurl, CURLIMAGES_CURL } from './container-curl';
import { BASE_PROGRAMS } from './programs';
import type { ImageModule, Program } from './types';

const entrypoint: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const argv = args.length === 0 || args[0].startsWith('-') ? ['curl', ...args] : args;
  const program = ctx.program(argv[0]);
  if (!program) {
    ctx.stderr.write(`/entrypoint.sh: exec: line 11: ${argv[0]}: not found\n`);
    return Promise.resolve(127);
  }
  return program({ ...ctx, argv });
};

export const CURL_IMAGE: ImageModule = {
  repository: 'docker.io/curlimages/curl',
  tags: /^(latest|8\.\d+\.\d+)$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 24_000_000,
  config: {
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      CURL_VERSION: CURLIMAGES_CURL.version,
    },
    workingDir: '/home/curl_user',
  },
  files: () => ({ '/etc/alpine-release': '3.22.2\n' }),
  // The working directory exists in the image; here the kubelet makes it on first use.
  programs: { ...BASE_PROGRAMS, '/entrypoint.sh': entrypoint, curl: containerCurl(CURLIMAGES_CURL) },
};
