import { textWidth } from '../../shell/char-width';

/**
 * A table as minikube v1.37 draws it with tablewriter v1.0.9's defaults (its `service` and
 * `addons list` tables): light box-drawing borders, headers upper-cased and centred, cells
 * trimmed and left-aligned, a cell's `\n` starting another line of the same row. `autoFormat`
 * false keeps the headers as written (the audit table's WithHeaderAutoFormat(tw.Off)).
 */
export function renderTable(header: string[], rows: string[][], autoFormat = true): string {
  // WithHeaderAutoFormat: tw.Title upper-cases the header (and turns `_` into spaces).
  const head = autoFormat ? header.map((h) => h.replace(/_/g, ' ').trim().toUpperCase()) : header;
  // Behavior.TrimSpace is on by default: `disabled    ` is printed as `disabled`.
  const cells = rows.map((row) => head.map((_, i) => (row[i] ?? '').trim().split('\n')));
  const widths = head.map((h, i) =>
    Math.max(textWidth(h), ...cells.flatMap((row) => row[i].map((line) => textWidth(line)))),
  );
  const rule = (left: string, mid: string, right: string): string =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}\n`;
  const line = (texts: string[], centre: boolean): string =>
    `│${texts
      .map((text, i) => {
        const gap = widths[i] - textWidth(text);
        const left = centre ? Math.floor(gap / 2) : 0;
        return ` ${' '.repeat(left)}${text}${' '.repeat(gap - left)} `;
      })
      .join('│')}│\n`;
  let out = rule('┌', '┬', '┐') + line(head, true) + rule('├', '┼', '┤');
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let l = 0; l < height; l++)
      out += line(
        row.map((lines) => lines[l] ?? ''),
        false,
      );
  }
  return out + rule('└', '┴', '┘');
}
