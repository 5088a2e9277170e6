import { NGINX_VERSION } from './version';

/** The reason phrases nginx writes in its status lines (ngx_http_header_filter_module.c). */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  206: 'Partial Content',
  301: 'Moved Permanently',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  416: 'Requested Range Not Satisfiable',
  500: 'Internal Server Error',
};

/** nginx's built-in error page for `status` (ngx_http_special_response.c, `server_tokens on`). */
export function errorPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status]}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`
  );
}
