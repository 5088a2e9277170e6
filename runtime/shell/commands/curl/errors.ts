// curl's failures: an exit code (a CURLcode) and the message of its error buffer, printed as
// `curl: (CODE) MESSAGE` (src/tool_operate.c), with the CA paragraph after error 60.
import { DEBIAN_CURL, type CurlBuild } from './help';

/** A failed transfer. */
export interface CurlError {
  code: number;
  message: string;
}

/** The error as `build` prints it on stderr. */
export function errorText(error: CurlError, build: CurlBuild = DEBIAN_CURL): string {
  return `curl: (${error.code}) ${error.message}\n${error.code === 60 ? build.caCertErrorMessage : ''}`;
}

/** The error curl reports when a transfer was not interrupted but could not proceed. */
export const isCurlError = (value: unknown): value is CurlError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('alpn' in value);
