// curl's failures: an exit code (a CURLcode) and the message of its error buffer, printed as
// `curl: (CODE) MESSAGE` (src/tool_operate.c), with the CA paragraph after error 60.

/** A failed transfer. */
export interface CurlError {
  code: number;
  message: string;
}

/** What follows `curl: (60) …` (CURL_CA_CERT_ERRORMSG). */
const CA_CERT_ERRORMSG =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** The error as curl prints it on stderr. */
export function errorText(error: CurlError): string {
  return `curl: (${error.code}) ${error.message}\n${error.code === 60 ? CA_CERT_ERRORMSG : ''}`;
}

/** The error curl reports when a transfer was not interrupted but could not proceed. */
export const isCurlError = (value: unknown): value is CurlError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('alpn' in value);
