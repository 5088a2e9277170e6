import { ApiError } from './kubectl-client';

/**
 * The error with the manifest it came from (cmdutil.AddSourceToErr): a Status gets `error when
 * <verb> "<source>": ` before its message; other errors become that plain text. No source, no change.
 */
export function addSourceToError(verb: string, source: string | undefined, error: ApiError): ApiError | string {
  if (!source) return error;
  const prefix = `error when ${verb} ${JSON.stringify(source)}: `;
  if (!error.status) return `${prefix}${error.message}`;
  const status = { ...error.status, message: `${prefix}${error.status.message ?? ''}` };
  return new ApiError(error.code, status, error.text, error.verb, error.target);
}
