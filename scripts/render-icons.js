// Renders static/icon.svg to the PNG icons the web app manifest lists, with Debian's Chromium.
// Run it after changing the SVG: node scripts/render-icons.js
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.js';

const svg = await readFile(new URL('../static/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await writeFile(new URL(`../static/icon-${size}.png`, import.meta.url), png);
  await page.close();
}
await browser.close();
