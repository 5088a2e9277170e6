// The texts bash 5.2's `jobs` printed for these background jobs (recorded in a pty).
import { describe, expect, it } from 'vitest';
import { Parser } from '../syntax/parser';
import { processTexts } from './command-text';

const cases: Array<[string, string[]]> = [
  ['sleep 100   >/dev/null 2>&1', ['sleep 100 > /dev/null 2>&1']],
  ['sleep 100 2>/dev/null <  /dev/null >>/tmp/x', ['sleep 100 2> /dev/null < /dev/null >> /tmp/x']],
  ['(sleep 100;echo  "a  b")', ['( sleep 100; echo "a  b" )']],
  ['{ sleep 100; }', ['{ sleep 100; }']],
  ['{ sleep 100; echo a; } > /dev/null', ['{ sleep 100; echo a; } > /dev/null']],
  ['sleep 100 | cat', ['sleep 100', 'cat']],
  ['! sleep 100 |& cat', ['sleep 100 2>&1', 'cat']],
  ["sleep 100 && echo 'x' || echo y", ["sleep 100 && echo 'x' || echo y"]],
  ['(( 1 )) && sleep 100', ['(( 1 )) && sleep 100']],
  ['[[ -n x ]] && sleep 100', ['[[ -n x ]] && sleep 100']],
  ['X=1 sleep 100', ['X=1 sleep 100']],
  ['echo $(sleep 100)', ['echo $(sleep 100)']],
  ['(sleep 100 & wait)', ['( sleep 100 & wait )']],
  ['while true; do sleep 100; done', ['while true; do\n    sleep 100;\ndone']],
  ['while sleep 100; do echo a; echo b; done', ['while sleep 100; do\n    echo a; echo b;\ndone']],
  ['until false; do sleep 100; done', ['until false; do\n    sleep 100;\ndone']],
  ['for i in 1 2; do sleep 100; done', ['for i in 1 2;\ndo\n    sleep 100;\ndone']],
  [
    'for i in 1; do for j in 2; do sleep 100; done; done',
    ['for i in 1;\ndo\n    for j in 2;\n    do\n        sleep 100;\n    done;\ndone'],
  ],
  ['for ((i=0;i<1;i++)); do sleep 100; done', ['for ((i=0; i<1; i++))\ndo\n    sleep 100;\ndone']],
  ['if true; then sleep 100; fi', ['if true; then\n    sleep 100;\nfi']],
  [
    'if false; then echo x; elif sleep 100; then echo y; else echo z; fi',
    [
      'if false; then\n    echo x;\nelse\n    if sleep 100; then\n        echo y;\n    else\n        echo z;\n    fi;\nfi',
    ],
  ],
  [
    'case x in x) sleep 100;; y|z) echo;; esac',
    ['case x in \n    x)\n        sleep 100\n    ;;\n    y | z)\n        echo\n    ;;\nesac'],
  ],
];

describe('commands as bash prints them for jobs', () => {
  it.each(cases)('%s', (line, texts) => {
    const list = new Parser(line).nextCommand();
    expect(list && processTexts(list[0].andOr)).toEqual(texts);
  });
});
