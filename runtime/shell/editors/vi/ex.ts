import { utf8Length } from '../../../util/utf8';
import type { ViEditor } from './editor';

/** vim's message after a write: `"pod.yaml" [New] 2L, 11B written`. */
function written(vi: ViEditor, name: string, text: string, isNew: boolean): string {
  return `"${name}"${isNew ? ' [New]' : ''} ${vi.lines.length}L, ${utf8Length(text)}B written`;
}

/** Writes the buffer (to `target`, or the file's name); false when it could not. */
function write(vi: ViEditor, target: string | undefined): boolean {
  const name = target || vi.name;
  if (!name) {
    vi.message('E32: No file name', 'error');
    return false;
  }
  const text = vi.buffer.text();
  const isNew = name !== vi.name || !vi.existed;
  try {
    vi.file.write(name, text);
  } catch {
    vi.message(`"${name}" E212: Can't open file for writing`, 'error');
    return false;
  }
  vi.message(written(vi, name, text, isNew));
  if (!vi.name) vi.name = name;
  if (name === vi.name) {
    vi.existed = true;
    vi.buffer.saved();
  }
  return true;
}

const NO_WRITE = 'E37: No write since last change (add ! to override)';

/** One Ex command typed after `:` (the common ones a learner needs). */
export function runEx(vi: ViEditor, input: string): void {
  const line = input.trim();
  if (line === '') return;
  if (/^\d+$/.test(line) || line === '$') {
    vi.cursor = { row: line === '$' ? vi.lines.length - 1 : Math.max(0, Number(line) - 1), col: 0 };
    vi.clamp();
    return;
  }
  const match = /^(\w+)(!?)\s*(.*)$/.exec(line);
  const [command, bang, argument] = match ? [match[1], match[2] === '!', match[3]] : [line, false, ''];
  switch (command) {
    case 'w':
    case 'write':
      write(vi, argument);
      return;
    case 'q':
    case 'quit':
      if (vi.buffer.modified && !bang) return vi.message(NO_WRITE, 'error');
      vi.done = true;
      return;
    case 'wq':
    case 'x':
    case 'xit':
    case 'exit':
      if ((command === 'wq' || vi.buffer.modified || argument) && !write(vi, argument)) return;
      vi.done = true;
      return;
    case 'set':
    case 'se':
      return setOption(vi, argument);
    default:
      vi.message(`E492: Not an editor command: ${line}`, 'error');
  }
}

function setOption(vi: ViEditor, option: string): void {
  if (option === 'nu' || option === 'number') vi.number = true;
  else if (option === 'nonu' || option === 'nonumber') vi.number = false;
  else if (option !== '') vi.message(`E518: Unknown option: ${option}`, 'error');
}
