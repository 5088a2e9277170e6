// One format specifier (or macro) as the columns it makes, with the width procps gives them.
import { formatSpec } from './format-specs';
import type { FormatNode } from './ps-state';

/** Digits of /proc/sys/kernel/pid_max (4194304 on Ubuntu 24.04): the PID columns' width. */
const PID_WIDTH = 7;

export type Macros = Record<string, string>;

/** One specifier or macro as nodes, with an optional header; undefined when unknown. */
export function oneSpec(spec: string, macros: Macros, override?: string): FormatNode[] | undefined {
  const fs = formatSpec(spec);
  if (fs) {
    const width = fs.pidmax ? Math.max(PID_WIDTH, fs.head.length) : fs.width;
    if (override === undefined) return [{ name: fs.head, width, spec: fs }];
    return [{ name: override, width: Math.max(width, override.length), spec: fs }];
  }
  const macro = Object.hasOwn(macros, spec) ? macros[spec] : undefined;
  return macro?.split(/[, ]/).flatMap((s) => oneSpec(s, macros, override) ?? []);
}
