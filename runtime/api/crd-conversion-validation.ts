/** Checks on a CRD's conversion: the strategy, and for Webhook its client config and review versions. */
import type { InternalSpec } from './crd-internal';
import { dns1035LabelErrors } from './custom-resource-validation';
import { fieldEnumErrors, fieldForbidden, fieldInvalid, fieldRequired } from './field-error';
import { isObject } from './object';
import type { FieldError } from './resource';
import { dnsSubdomainErrors } from './validation';

/** validateCustomResourceConversion. */
export function conversionErrors(conversion: InternalSpec['conversion'], path: string): FieldError[] {
  if (!conversion) return [];
  const errors = fieldEnumErrors(`${path}.strategy`, conversion.strategy, ['None', 'Webhook']);
  const config = conversion.webhookClientConfig;
  const versions = conversion.conversionReviewVersions;
  if (conversion.strategy === 'Webhook') {
    const configPath = `${path}.webhookClientConfig`;
    if (!config) errors.push(fieldRequired(configPath, 'required when strategy is set to Webhook'));
    else {
      const hasUrl = typeof config.url === 'string';
      const service = isObject(config.service) ? config.service : undefined;
      if (hasUrl === (service !== undefined))
        errors.push(fieldRequired(configPath, 'exactly one of url or service is required'));
      else if (hasUrl) errors.push(...webhookUrlErrors(`${configPath}.url`, config.url as string));
      else if (service) errors.push(...webhookServiceErrors(`${configPath}.service`, service));
    }
    errors.push(...reviewVersionErrors(versions, `${path}.conversionReviewVersions`));
  } else {
    const detail = 'should not be set when strategy is not set to Webhook';
    if (config) errors.push(fieldForbidden(`${path}.webhookClientConfig`, detail));
    if (versions && versions.length > 0) errors.push(fieldForbidden(`${path}.conversionReviewVersions`, detail));
  }
  return errors;
}

/** conversionReviewVersions: unique DNS labels, at least one of them a version the server speaks. */
function reviewVersionErrors(versions: string[] | undefined, path: string): FieldError[] {
  if (!versions || versions.length === 0) return [fieldRequired(path)];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let accepted = false;
  versions.forEach((v, i) => {
    if (seen.has(v)) return void errors.push(fieldInvalid(`${path}[${i}]`, v, 'duplicate version'));
    seen.add(v);
    for (const problem of dns1035LabelErrors(v)) errors.push(fieldInvalid(`${path}[${i}]`, v, problem));
    if (v === 'v1' || v === 'v1beta1') accepted = true;
  });
  if (!accepted) errors.push(fieldInvalid(path, versions, 'must include at least one of v1, v1beta1'));
  return errors;
}

/** webhook.ValidateWebhookURL with https required. */
function webhookUrlErrors(path: string, url: string): FieldError[] {
  const form = '; desired format: https://host[/path]';
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(url);
  if (!m) return [fieldRequired(path, `url must be a valid URL${form}`)];
  const [, scheme = '', authority, , query, fragment] = m;
  const at = authority?.lastIndexOf('@') ?? -1;
  const host = authority === undefined ? '' : authority.slice(at + 1);
  const errors: FieldError[] = [];
  if (scheme.toLowerCase() !== 'https')
    errors.push(fieldInvalid(path, scheme.toLowerCase(), `'https' is the only allowed URL scheme${form}`));
  if (host === '') errors.push(fieldInvalid(path, host, `host must be specified${form}`));
  if (authority !== undefined && at >= 0) {
    errors.push(fieldInvalid(path, authority.slice(0, at), 'user information is not permitted in the URL'));
  }
  if (fragment) errors.push(fieldInvalid(path, fragment, 'fragments are not permitted in the URL'));
  if (query) errors.push(fieldInvalid(path, query, 'query parameters are not permitted in the URL'));
  return errors;
}

/** webhook.ValidateWebhookService. */
function webhookServiceErrors(path: string, service: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (!service.name) errors.push(fieldRequired(`${path}.name`));
  if (!service.namespace) errors.push(fieldRequired(`${path}.namespace`));
  const port = typeof service.port === 'number' ? service.port : 443;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(fieldInvalid(`${path}.port`, port, 'port is not valid: must be between 1 and 65535, inclusive'));
  }
  const urlPath = typeof service.path === 'string' ? service.path : undefined;
  if (urlPath === undefined || urlPath === '/' || urlPath === '') return errors;
  if (urlPath === '//') return [...errors, fieldInvalid(`${path}.path`, urlPath, 'segment[0] may not be empty')];
  if (!urlPath.startsWith('/')) errors.push(fieldInvalid(`${path}.path`, urlPath, "must start with a '/'"));
  const steps = urlPath.slice(1).replace(/\/$/, '').split('/');
  steps.forEach((step, i) => {
    if (step === '') return void errors.push(fieldInvalid(`${path}.path`, urlPath, `segment[${i}] may not be empty`));
    for (const problem of dnsSubdomainErrors(step))
      errors.push(fieldInvalid(`${path}.path`, urlPath, `segment[${i}]: ${problem}`));
  });
  return errors;
}
