// Redis strings are bytes. Here they are byte strings (one character per byte, 0–255): what the
// server stores and counts (STRLEN "café" is 5) and what travels on the wire. Text typed on a
// terminal becomes UTF-8 bytes on the way in and is decoded on the way out in raw mode.
import { decodeUtf8, encodeUtf8 } from '../../util/utf8';

const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};

/** UTF-8 bytes of `text`, as a byte string. */
export function toBytes(text: string): string {
  if (isAscii(text)) return text;
  return String.fromCharCode(...encodeUtf8(text));
}

/** A byte string read as UTF-8 text. */
export function fromBytes(bytes: string): string {
  if (isAscii(bytes)) return bytes;
  return decodeUtf8(Array.from(bytes, (ch) => ch.charCodeAt(0)));
}

/** Text from a peer that may not have sent bytes (nc sends text): bytes as they are, else UTF-8. */
export function asBytes(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return toBytes(text);
  return text;
}
