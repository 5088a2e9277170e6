// Replays tests/fixtures/kubectl/templates.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-templates.ts): each case's template is parsed from its args and
// applied to the recorded `kubectl get <target> -o json` output; stdout and stderr must match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './custom-columns';
import { parseGoTemplate, printGoTemplate } from './go-template';
import { PrinterError } from './jsonpath-error';
import { parseJsonPath, printJsonPath } from './jsonpath';

interface Case {
  target: string;
  args: string[];
  file?: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/kubectl/templates.json', import.meta.url), 'utf8'),
) as { sources: Record<string, string>; cases: Case[] };

/** What kubeplay prints for a case: the printer's output, or kubectl's `error: …` on stderr. */
function replay(c: Case): { stdout: string; stderr: string } {
  const output = c.args[c.args.indexOf('-o') + 1];
  const equals = output.indexOf('=');
  const format = output.slice(0, equals);
  const template = format.endsWith('-file') ? (c.file ?? '') : output.slice(equals + 1);
  const value = JSON.parse(fixture.sources[c.target]) as unknown;
  try {
    switch (format) {
      case 'jsonpath':
      case 'jsonpath-file':
        return { stdout: printJsonPath(parseJsonPath(template), value), stderr: '' };
      case 'go-template':
      case 'go-template-file':
        return { stdout: printGoTemplate(parseGoTemplate(template), value), stderr: '' };
      case 'custom-columns':
        return {
          stdout: printCustomColumns(parseCustomColumns(template), [value], {
            noHeaders: c.args.includes('--no-headers'),
          }),
          stderr: '',
        };
      case 'custom-columns-file':
        // kubectl's file form never hides the header, --no-headers or not.
        return {
          stdout: printCustomColumns(parseCustomColumnsFile(template), [value], { noHeaders: false }),
          stderr: '',
        };
    }
    throw new Error(`no printer for ${format}`);
  } catch (error) {
    if (!(error instanceof PrinterError)) throw error;
    const message = `error: ${error.message}`;
    return { stdout: error.output, stderr: message.endsWith('\n') ? message : `${message}\n` };
  }
}

describe('template printers against the real kubectl', () => {
  it('has the recorded cases', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(120);
  });
  for (const [index, c] of fixture.cases.entries()) {
    it(`#${index} kubectl ${c.args.join(' ')}`, () => {
      expect(replay(c)).toEqual({ stdout: c.stdout, stderr: c.stderr });
    });
  }
});
