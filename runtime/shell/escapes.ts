/** The one-letter backslash escapes of C strings that `echo -e` knows. */
export const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** C's escapes with the quotes and `?` that `$'…'` and printf also take. */
export const C_ESCAPES_WITH_QUOTES: Readonly<Record<string, string>> = { ...C_ESCAPES, "'": "'", '"': '"', '?': '?' };
