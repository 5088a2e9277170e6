// Whether a command's address selects the current line: GNU's match_address_p, including its
// range states (a range stays open across lines, closes on its second address, and a line-number
// first address can start a range late when a jump skipped it).
import { type Addr, type Command, RANGE_ACTIVE, RANGE_CLOSED, RANGE_INACTIVE } from './program';

/** What addresses look at: the line number, `$`, and regex matches on the pattern space. */
export interface AddressContext {
  lineNumber: number;
  atEnd(): Promise<boolean>;
  matches(regex: Addr['regex']): boolean;
}

async function matchOne(addr: Addr, c: AddressContext): Promise<boolean> {
  const line = c.lineNumber;
  switch (addr.type) {
    case 'null':
      return true;
    case 'regex':
      return c.matches(addr.regex);
    case 'numMod':
      return line >= addr.number && (line - addr.number) % addr.step === 0;
    case 'step':
    case 'stepMod':
      return addr.number <= line;
    case 'last':
      return c.atEnd();
    case 'num':
      return addr.number === line;
  }
}

/** Whether `cmd`'s address matches now (before its `!`); updates the range state. */
export async function matchAddress(cmd: Command, c: AddressContext): Promise<boolean> {
  const { a1, a2 } = cmd;
  if (!a1) return true;
  const line = c.lineNumber;
  if (cmd.rangeState !== RANGE_ACTIVE) {
    if (!a2) return matchOne(a1, c);
    if (a1.type === 'num') {
      if (cmd.rangeState === RANGE_CLOSED || line < a1.number) return false;
    } else if (!(await matchOne(a1, c))) return false;
    cmd.rangeState = RANGE_ACTIVE;
    switch (a2.type) {
      case 'regex':
        // A regex ends the range on a later line only.
        return true;
      case 'num':
        if (line >= a2.number) cmd.rangeState = RANGE_CLOSED;
        return line <= a2.number || matchOne(a1, c);
      case 'step':
        a2.number = line + a2.step;
        return true;
      case 'stepMod':
        a2.number = line + a2.step - (line % a2.step);
        return true;
    }
  }
  if (a2?.type === 'num') {
    if (line >= a2.number) cmd.rangeState = RANGE_CLOSED;
    return line <= a2.number;
  }
  if (await matchOne(a2 as Addr, c)) cmd.rangeState = RANGE_CLOSED;
  return true;
}

/** Ranges back to their start (a new file with -s or -i): 0,/re/ starts open. */
export function resetRanges(commands: Command[]): void {
  for (const cmd of commands)
    cmd.rangeState = cmd.a1?.type === 'num' && cmd.a1.number === 0 ? RANGE_ACTIVE : RANGE_INACTIVE;
}
