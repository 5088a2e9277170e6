// Reading and typing into kubeplay's terminal from Playwright.

/** The terminal's visible rows, one string per row, trailing blanks trimmed. */
export function terminalText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="terminal"][data-active="true"] .xterm-rows > div')]
      .map((row) => row.textContent.trimEnd())
      .join('\n'),
  );
}

/** Waits until the terminal shows `text` (a string) at least `count` times. */
export async function waitForText(page, text, count = 1, timeout = 10_000) {
  await page.waitForFunction(
    ([wanted, times]) => {
      const rows = [...document.querySelectorAll('[data-testid="terminal"][data-active="true"] .xterm-rows > div')]
        .map((row) => row.textContent)
        .join('\n');
      return rows.split(wanted).length - 1 >= times;
    },
    [text, count],
    { timeout },
  );
}

/** Types `line` into the terminal and presses Enter. */
export async function typeLine(page, line) {
  await page.locator('[data-testid="terminal"][data-active="true"] .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
