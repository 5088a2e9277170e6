import { nginxTime } from '../log-time';
import type { OutputStream } from '../types';

/** The image's error log (a link to /dev/stderr): `2026/01/01 00:00:00 [notice] 1#1: …`. */
export function logLine(stderr: OutputStream, now: number, level: string, pid: number, message: string): void {
  stderr.write(`${nginxTime(now)} [${level}] ${pid}#${pid}: ${message}\n`);
}

/**
 * An error before the configured log is open: written to the log file (/dev/stderr) and, as
 * nginx does for `[warn]` and worse while it starts, once more as `nginx: [level] …`.
 */
export function startupError(stderr: OutputStream, now: number, level: string, pid: number, message: string): void {
  logLine(stderr, now, level, pid, message);
  stderr.write(`nginx: [${level}] ${message}\n`);
}
