// curl inside a container: the host's curl (../shell/commands/curl/) over the container's network
// and resolver — plain HTTP and TLS (the API server at https://kubernetes.default.svc with the
// pod's service-account token and ca.crt), -v, -w, redirects — as each image's build words it.
import { containerHostNetwork } from '../network/container-host-network';
import type { CurlBuild } from '../shell/commands/curl/help';
import { runCurl } from '../shell/commands/curl/index';
import { commandContext } from './command-context';
import type { Program } from './types';

/** curlimages/curl's curl (Alpine, musl), whose 8.x strerror and CA texts read differently. */
export const CURLIMAGES_CURL: CurlBuild = {
  version: '8.17.0',
  versionText: 'curl 8.17.0 (x86_64-pc-linux-musl) libcurl/8.17.0\n',
  couldntConnect: 'Could not connect to server',
  caCertErrorMessage:
    'More details here: https://curl.se/docs/sslcerts.html\n\n' +
    'curl failed to verify the legitimacy of the server and therefore could not\n' +
    'establish a secure connection to it. To learn more about this situation and\n' +
    'how to fix it, please visit the webpage mentioned above.\n',
};

/** The curl program of an image that ships `build`. */
export const containerCurl =
  (build: CurlBuild): Program =>
  (ctx) =>
    runCurl(commandContext(ctx), containerHostNetwork(ctx), build);
