// Takes the README's screenshot (docs/screenshot.png) of the built site in Chromium.
//   npm run build && node scripts/screenshot.js
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchFreshContext } from '../e2e/browser.js';
import { typeLine, waitForText } from '../e2e/page.js';
import { BUILD_DIR } from './build-site.js';
import { serveStatic } from './serve.js';

const { server, url } = await serveStatic(BUILD_DIR);
const context = await launchFreshContext({ viewport: { width: 960, height: 540 } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await waitForText(page, '$ ');
for (const line of ['kubectl version', 'kubectl gte', 'sleep 1 && echo "a second later"']) {
  await typeLine(page, line);
  await page.waitForTimeout(1500);
}
await page.keyboard.type('kubectl ver');
await mkdir(new URL('../docs/', import.meta.url), { recursive: true });
await page.screenshot({ path: fileURLToPath(new URL('../docs/screenshot.png', import.meta.url)) });
await context.close();
server.close();
