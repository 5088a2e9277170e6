import type { ApiError } from './kubectl-client';

/** The reasons client-go gives replies without a Status (errors.NewGenericServerResponse). */
const GENERIC: Record<number, { reason: string; message: (verb: string, target: string) => string }> = {
  400: { reason: 'BadRequest', message: () => 'the server rejected our request for an unknown reason' },
  401: { reason: 'Unauthorized', message: () => 'the server has asked for the client to provide credentials' },
  403: { reason: 'Forbidden', message: () => 'Forbidden' },
  404: { reason: 'NotFound', message: () => 'the server could not find the requested resource' },
  405: { reason: 'MethodNotAllowed', message: () => 'the server does not allow this method on the requested resource' },
  409: { reason: 'Conflict', message: () => 'the server reported a conflict' },
  415: {
    reason: 'UnsupportedMediaType',
    message: () => 'the server responded with the status code 415 but did not return more information',
  },
  422: { reason: 'Invalid', message: () => 'the server rejected our request due to an error in our request' },
  429: {
    reason: 'TooManyRequests',
    message: () => 'the server has received too many requests and has asked us to try again later',
  },
  500: {
    reason: 'InternalError',
    message: () => 'an error on the server ("{body}") has prevented the request from succeeding',
  },
  503: { reason: 'ServiceUnavailable', message: () => 'the server is currently unable to handle the request' },
  504: {
    reason: 'Timeout',
    message: () =>
      'the server was unable to return a response in the time allotted, but may still be processing the request',
  },
};

/**
 * What kubectl prints on stderr for a failed request (cmdutil.CheckErr's StandardErrorMessage and
 * the invalid-object form), each line ending in a newline.
 */
export function errorText(error: ApiError): string {
  const status = error.status;
  if (status) {
    if (status.reason === 'Unauthorized')
      return `error: You must be logged in to the server (${status.message ?? ''})\n`;
    if (status.reason === 'Invalid') return invalidText(status.details, status.message ?? '');
    return `Error from server${status.reason ? ` (${status.reason})` : ''}: ${status.message ?? ''}\n`;
  }
  const generic = GENERIC[error.code];
  const suffix = error.target ? ` (${error.verb} ${error.target})` : '';
  if (!generic) {
    return `Error from server: the server responded with the status code ${error.code} but did not return more information${suffix}\n`;
  }
  const message = generic.message(error.verb, error.target).replace('{body}', error.text.trim());
  if (error.code === 401) return `error: You must be logged in to the server (${message}${suffix})\n`;
  return `Error from server (${generic.reason}): ${message}${suffix}\n`;
}

function invalidText(details: NonNullable<ApiError['status']>['details'], message: string): string {
  let head = 'The request is invalid';
  if (!details) return `${head}${message ? `: ${message}` : ''}\n`;
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (details.kind || details.name) head = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  else if (message && causes.length === 0) head += `: ${message}`;
  if (causes.length === 0) return `${head}\n`;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/**
 * What kubectl prints for the errors one command collected (cmdutil.CheckErr): one error alone
 * as its standard message (`error: ` before plain ones), several as one line each.
 */
export function errorsText(errors: ReadonlyArray<ApiError | string>): string {
  if (errors.length === 1) {
    const only = errors[0];
    if (typeof only !== 'string') return errorText(only);
    return `${only.startsWith('error: ') ? only : `error: ${only}`}\n`;
  }
  return errors.map((e) => (typeof e === 'string' ? `${e}\n` : errorText(e))).join('');
}
