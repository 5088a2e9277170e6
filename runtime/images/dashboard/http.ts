// The dashboard's side of HTTP: the request target split into path segments and query, the
// relative prefix back to the dashboard's root, form bodies, and the responses it writes.
import type { HttpResponse } from '../types';

/** A request target as the pages use it. */
export interface Target {
  /** The path's segments, decoded (`/pod/default/web` → `['pod', 'default', 'web']`). */
  segments: string[];
  query: Record<string, string>;
  /**
   * What leads from the requested page back to the dashboard's root, relatively (`../../` from
   * `/pod/default/web`): the dashboard is reached behind proxies, so it never writes a path that
   * starts with `/`.
   */
  prefix: string;
}

/** Splits a request target (`/pods?namespace=default`). */
export function parseTarget(target: string): Target {
  const mark = target.indexOf('?');
  const path = mark < 0 ? target : target.slice(0, mark);
  const raw = path.split('/').slice(1);
  return {
    segments: raw.filter((segment) => segment !== '').map(decode),
    query: parseForm(mark < 0 ? '' : target.slice(mark + 1)),
    prefix: '../'.repeat(Math.max(0, raw.length - 1)),
  };
}

/** Decodes `application/x-www-form-urlencoded` text (the first value of each name wins). */
export function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A query string from `fields` (empty values left out), with its `?`. */
export function query(fields: Record<string, string | undefined>): string {
  const parts = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A page path from segments, each encoded (`['pod', 'default', 'web']` → `pod/default/web`). */
export const pagePath = (...segments: string[]): string => segments.map(encodeURIComponent).join('/');

/** An HTML page. */
export const htmlResponse = (status: number, body: string): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});

/** A 303 See Other to `location`, which must be relative. */
export const redirect = (location: string): HttpResponse => ({
  status: 303,
  headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
  body: '',
});

/** A plain-text answer. */
export const textResponse = (status: number, text: string): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: text,
});
