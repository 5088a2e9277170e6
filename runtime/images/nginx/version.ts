import { KERNEL } from '../../shell/commands/uname';

/**
 * The nginx the official image's `latest`/`mainline` tag ran in late 2025: 1.29.3 from nginx.org's
 * packages for Debian 13 (trixie), with njs 0.9.4 (docker-library/official-images#20177).
 */
export const NGINX_VERSION = '1.29.3';
export const NJS_VERSION = '0.9.4';
export const PKG_RELEASE = '1~trixie';

/** `built by …` as NGX_COMPILER reads for trixie's gcc (the trailing space is nginx's). */
export const BUILT_BY = 'gcc 14.2.0 (Debian 14.2.0-19) ';

/** The kernel the node's containers share (`OS: Linux …` in the start-up notices). */
export const OS_LINE = `${KERNEL.sysname} ${KERNEL.release}`;

/**
 * The configure arguments of nginx.org's Debian package (pkg-oss debian/Makefile at "Updated
 * nginx to 1.29.3") with trixie's dpkg-buildflags; `nginx -V` of nginx:1.29.3 is 1679 bytes.
 */
const CONFIGURE_ARGUMENTS = [
  '--prefix=/etc/nginx',
  '--sbin-path=/usr/sbin/nginx',
  '--modules-path=/usr/lib/nginx/modules',
  '--conf-path=/etc/nginx/nginx.conf',
  '--error-log-path=/var/log/nginx/error.log',
  '--http-log-path=/var/log/nginx/access.log',
  '--pid-path=/run/nginx.pid',
  '--lock-path=/run/nginx.lock',
  '--http-client-body-temp-path=/var/cache/nginx/client_temp',
  '--http-proxy-temp-path=/var/cache/nginx/proxy_temp',
  '--http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp',
  '--http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp',
  '--http-scgi-temp-path=/var/cache/nginx/scgi_temp',
  '--user=nginx',
  '--group=nginx',
  '--with-compat',
  '--with-file-aio',
  '--with-threads',
  '--with-http_addition_module',
  '--with-http_auth_request_module',
  '--with-http_dav_module',
  '--with-http_flv_module',
  '--with-http_gunzip_module',
  '--with-http_gzip_static_module',
  '--with-http_mp4_module',
  '--with-http_random_index_module',
  '--with-http_realip_module',
  '--with-http_secure_link_module',
  '--with-http_slice_module',
  '--with-http_ssl_module',
  '--with-http_stub_status_module',
  '--with-http_sub_module',
  '--with-http_v2_module',
  '--with-http_v3_module',
  '--with-mail',
  '--with-mail_ssl_module',
  '--with-stream',
  '--with-stream_realip_module',
  '--with-stream_ssl_module',
  '--with-stream_ssl_preread_module',
  `--with-cc-opt='-g -O2 -Werror=implicit-function-declaration -ffile-prefix-map=/home/builder/debuild/nginx-${NGINX_VERSION}/debian/debuild-base/nginx-${NGINX_VERSION}=. -fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security -fcf-protection -Wp,-D_FORTIFY_SOURCE=2 -fPIC'`,
  "--with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'",
];

/** `nginx -v`, then what `-V` adds (nginx.c ngx_show_version_info; all on stderr). */
export const VERSION_LINE = `nginx version: nginx/${NGINX_VERSION}\n`;
export const BUILD_INFO =
  `built by ${BUILT_BY}\n` +
  'built with OpenSSL 3.5.1 1 Jul 2025 (running with OpenSSL 3.5.4 30 Sep 2025)\n' +
  'TLS SNI support enabled\n' +
  `configure arguments: ${CONFIGURE_ARGUMENTS.join(' ')}\n`;
