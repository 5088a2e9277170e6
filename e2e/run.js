// Browser tests: the built site in Debian's Chromium, used as a learner would use it.
// Builds first unless SKIP_BUILD=1. Prints "browser: N passed, M failed" and exits non-zero on failure.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, buildSite } from '../scripts/build-site.js';
import { serveStatic } from '../scripts/serve.js';
import { launchFreshContext } from './browser.js';
import { openHarness, startIdbHarness } from './idb-harness.js';
import { terminalText, typeLine, waitForText } from './page.js';

buildSite();

const PROMPT = 'learner@kubeplay:~$ ';
const { server, url } = await serveStatic(BUILD_DIR);
const context = await launchFreshContext();
let page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

const results = [];
async function test(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
    console.log(`    terminal:\n${(await terminalText(page).catch(() => '')).replace(/^/gm, '      | ')}`);
  }
}
function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

console.log('browser tests');
await test('the page loads and the terminal shows a prompt', async () => {
  await page.goto(url);
  await waitForText(page, PROMPT);
});

await test('kubectl version answers from the cluster in the worker', async () => {
  await typeLine(page, 'kubectl version');
  // The reply ends with the next prompt (the line after Server Version), which may come a moment later.
  await page.waitForFunction((prompt) => {
    const rows = [...document.querySelectorAll('[data-testid="terminal"][data-active="true"] .xterm-rows > div')].map(
      (row) => row.textContent.trimEnd(),
    );
    const at = rows.findIndex((row) => row.startsWith('Server Version'));
    return at >= 0 && rows[at + 1] === prompt.trimEnd();
  }, PROMPT);
  const text = await terminalText(page);
  const lines = text.split('\n');
  const at = lines.indexOf(`${PROMPT}kubectl version`);
  expectEqual(
    lines.slice(at, at + 5),
    [
      `${PROMPT}kubectl version`,
      'Client Version: v1.34.5',
      'Kustomize Version: v5.7.1',
      'Server Version: v1.34.0',
      PROMPT.trimEnd(),
    ],
    'the reply',
  );
});

await test('the cluster comes alive in the worker: CoreDNS is Running, kept in IndexedDB', async () => {
  // No kubectl get in the tab yet: read what the worker's API server stored.
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('kubeplay');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('records').objectStore('records').getAll();
          all.onsuccess = () => {
            db.close();
            const texts = all.result.map((record) => JSON.stringify(record));
            resolve(texts.some((t) => t.includes('"name":"coredns-') && t.includes('"phase":"Running"')));
          };
          all.onerror = () => resolve(false);
        };
      }),
    undefined,
    { timeout: 60_000, polling: 1_000 },
  );
});

await test("an unknown command gets bash's answer", async () => {
  await typeLine(page, 'foo');
  await waitForText(page, 'bash: foo: command not found');
});

await test('line editing: left arrow, backspace, Ctrl-C abandons the line', async () => {
  await page.keyboard.type('echo helo');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('l');
  await page.keyboard.press('End');
  await page.keyboard.type('!x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await waitForText(page, '\nhello!');
  await page.keyboard.type('never run');
  await page.keyboard.press('Control+C');
  await waitForText(page, 'never run^C');
});

await test('the web app manifest and its icons are served', async () => {
  const href = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'));
  const manifest = await (await page.request.get(new URL(href, url).href)).json();
  expectEqual(manifest.display, 'standalone', 'display');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, url).href);
    expectEqual(response.status(), 200, `icon ${icon.src}`);
  }
});

await test("after a reload, Up recalls the previous session's command from IndexedDB", async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await waitForText(page, PROMPT);
  await page.locator('[data-testid="terminal"][data-active="true"] .xterm-helper-textarea').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await waitForText(page, `${PROMPT}foo`);
  await page.keyboard.press('ArrowUp');
  await waitForText(page, `${PROMPT}kubectl version`);
  await page.keyboard.press('Enter');
  await waitForText(page, 'Server Version: v1.34.0');
});

await test('the cluster clock pauses, steps a minute, changes speed, and a reload keeps it', async () => {
  const time = () => page.locator('.clock .time').textContent();
  const seconds = (t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  await page.getByRole('button', { name: 'pause the cluster clock' }).click();
  await page.getByRole('button', { name: 'resume the cluster clock' }).waitFor();
  const paused = await time();
  await page.getByRole('button', { name: 'step the cluster clock forward one minute' }).click();
  await page.waitForFunction((before) => document.querySelector('.clock .time')?.textContent !== before, paused);
  expectEqual((seconds(await time()) - seconds(paused) + 86400) % 86400, 60, 'seconds stepped while paused');
  await page.getByRole('button', { name: 'run the cluster clock at 60× speed' }).click();
  await page.locator('button[aria-pressed="true"]', { hasText: '×60' }).waitFor();
  const stepped = await time();
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/clock.png', import.meta.url)) });
  await page.reload();
  await waitForText(page, PROMPT);
  await page.getByRole('button', { name: 'resume the cluster clock' }).waitFor();
  await page.locator('button[aria-pressed="true"]', { hasText: '×60' }).waitFor();
  expectEqual(await time(), stepped, 'a paused clock shows the same time after a reload');
  await page.getByRole('button', { name: 'resume the cluster clock' }).click();
  await page.getByRole('button', { name: 'run the cluster clock at 1× speed' }).click();
  await page.getByRole('button', { name: 'pause the cluster clock' }).waitFor();
});

await test('minikube clock in the terminal moves the clock in the page header', async () => {
  await page.locator('[data-testid="terminal"][data-active="true"] .xterm-helper-textarea').focus();
  await typeLine(page, 'minikube clock speed 10');
  await waitForText(page, 'running at ×10');
  await page.locator('button[aria-pressed="true"]', { hasText: '×10' }).waitFor();
  await typeLine(page, 'minikube clock pause');
  await waitForText(page, 'Paused the cluster clock at');
  await page.getByRole('button', { name: 'resume the cluster clock' }).waitFor();
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/minikube-clock.png', import.meta.url)) });
  await typeLine(page, 'minikube clock resume');
  await typeLine(page, 'minikube clock speed 1');
  await page.getByRole('button', { name: 'pause the cluster clock' }).waitFor();
  await page.locator('button[aria-pressed="true"]', { hasText: /^×1$/ }).waitFor();
});

await test('terminal tabs: each its own shell (working directory), sharing the host and its files', async () => {
  await typeLine(page, 'clear');
  await page.getByRole('button', { name: 'New terminal' }).click();
  await page.getByRole('tab', { name: 'Terminal 2' }).waitFor();
  await waitForText(page, PROMPT);
  await typeLine(page, 'cd /tmp && echo "from tab 2" > /home/learner/note.txt && pwd');
  await waitForText(page, '/tmp');
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/terminal-tabs.png', import.meta.url)) });
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await typeLine(page, 'pwd; echo "$(< note.txt)"');
  await waitForText(page, 'from tab 2');
  const lines = (await terminalText(page)).split('\n');
  const at = lines.indexOf(`${PROMPT}pwd; echo "$(< note.txt)"`);
  expectEqual(lines.slice(at + 1, at + 3), ['/home/learner', 'from tab 2'], 'the first tab after the second wrote');
  await page.getByRole('button', { name: 'Close Terminal 2' }).click();
  expectEqual(await page.getByRole('tab').count(), 1, 'tabs left after closing one');
});

await test('minikube service opens the service in a browser tab, whose links and address bar work', async () => {
  await typeLine(page, 'clear');
  await typeLine(page, 'minikube clock speed 60');
  await typeLine(
    page,
    'kubectl create deployment web --image=nginx && kubectl expose deployment web --type=NodePort --port=80 && kubectl wait --for=condition=Available deployment/web',
  );
  await waitForText(page, 'deployment.apps/web condition met', 1, 60_000);
  await typeLine(page, 'minikube clock speed 1');
  await typeLine(page, 'minikube service web');
  const pane = page.locator('.pane:not(.hidden) [data-testid="browser"]');
  const frame = pane.frameLocator('iframe[title="Page"]');
  await frame.locator('h1', { hasText: 'Welcome to nginx!' }).waitFor();
  const address = await pane.getByRole('textbox', { name: 'Address' }).inputValue();
  if (!/^http:\/\/192\.168\.49\.2:3\d{4}$/.test(address)) throw new Error(`address bar: ${address}`);
  await page.locator('.tab-title.browser-tab', { hasText: 'Welcome to nginx!' }).waitFor();
  await frame.getByRole('link', { name: 'nginx.org' }).click();
  await frame.getByText('ERR_NAME_NOT_RESOLVED').waitFor();
  await pane.getByRole('button', { name: 'Back' }).click();
  await frame.locator('h1', { hasText: 'Welcome to nginx!' }).waitFor();
  await pane.getByRole('textbox', { name: 'Address' }).fill(`${address}/nothing`);
  await pane.getByRole('textbox', { name: 'Address' }).press('Enter');
  await frame.locator('h1', { hasText: '404 Not Found' }).waitFor();
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/minikube-service.png', import.meta.url)) });
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await waitForText(page, 'Opening service default/web in default browser...');
  await typeLine(page, 'kubectl logs deploy/web --tail=1');
  await waitForText(page, '"GET /nothing HTTP/1.1" 404 153');
  await page.getByRole('button', { name: /^Close Browser/ }).click();
  expectEqual(await page.getByRole('tab').count(), 1, 'tabs left after closing the browser');
});

await test('minikube dashboard opens the dashboard in a browser tab: lists, details and its forms', async () => {
  await typeLine(page, 'clear');
  await typeLine(page, 'minikube clock speed 60');
  await typeLine(page, 'minikube dashboard');
  const pane = page.locator('.pane:not(.hidden) [data-testid="browser"]');
  const frame = pane.frameLocator('iframe[title="Page"]');
  await frame.getByRole('link', { name: 'web', exact: true }).first().waitFor({ timeout: 60_000 });
  const address = await pane.getByRole('textbox', { name: 'Address' }).inputValue();
  if (!address.endsWith('/api/v1/namespaces/kubernetes-dashboard/services/http:kubernetes-dashboard:/proxy/'))
    throw new Error(`address bar: ${address}`);
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/minikube-dashboard.png', import.meta.url)) });
  await frame.getByRole('link', { name: 'web', exact: true }).first().click();
  await frame.getByRole('button', { name: 'Scale' }).waitFor();
  await frame.locator('input[name="replicas"]').fill('3');
  await frame.getByRole('button', { name: 'Scale' }).click();
  await frame
    .getByText(/^\d \/ 3$/)
    .first()
    .waitFor();
  // The page is a snapshot (scripts are off): reload until the new pods are up.
  for (let tries = 0; !(await frame.getByText('3 / 3').count()); tries++) {
    if (tries === 30) throw new Error('the deployment never showed 3 / 3');
    await pane.getByRole('button', { name: 'Reload' }).click();
    await frame.getByRole('button', { name: 'Scale' }).waitFor();
  }
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/dashboard-deployment.png', import.meta.url)) });
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await waitForText(page, 'Verifying proxy health ...');
  await page.keyboard.press('Control+C');
  await typeLine(page, 'minikube clock speed 1');
  await typeLine(page, 'kubectl get deploy web');
  await waitForText(page, 'web    3/3     3            3');
  await page.getByRole('button', { name: /^Close Browser/ }).click();
});

await test('a second tab waits while the first one holds the cluster, then takes over', async () => {
  const second = await context.newPage();
  second.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await second.goto(url);
    await waitForText(second, 'kubeplay is open in another tab of this browser');
    const early = await terminalText(second);
    expectEqual(early.includes(PROMPT), false, 'no prompt in the second tab while the first holds the cluster');
  } catch (error) {
    await second.close();
    throw error;
  }
  await page.close();
  page = second;
  await waitForText(page, PROMPT);
  await typeLine(page, 'kubectl version --client');
  await waitForText(page, 'Kustomize Version: v5.7.1');
});

await test('offline: the page reloads from the service worker and the terminal still answers', async () => {
  expectEqual(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'controlled by the SW');
  await context.setOffline(true);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await page.reload();
  await waitForText(page, PROMPT);
  await typeLine(page, 'kubectl version');
  await waitForText(page, 'Server Version: v1.34.0');
  const reachable = await page.evaluate(() =>
    fetch('/not-cached-anywhere').then(
      () => true,
      () => false,
    ),
  );
  expectEqual(reachable, false, 'an uncached request while offline');
  await mkdir(new URL('../test-results/', import.meta.url), { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL('../test-results/offline.png', import.meta.url)) });
});

await test("the storage contract holds on Chromium's real IndexedDB", async () => {
  const harness = await startIdbHarness();
  try {
    const harnessContext = await launchFreshContext();
    const harnessPage = await openHarness(harnessContext, harness.url);
    const results = await harnessPage.evaluate(() => window.harness.runContract());
    await harnessContext.close();
    const failures = results.filter((r) => r.error);
    expectEqual(failures, [], 'contract cases that failed');
    expectEqual(results.length > 0, true, 'contract cases run');
  } finally {
    await harness.close();
  }
});

await test('no uncaught errors in the page', async () => {
  expectEqual(pageErrors, [], 'page errors');
});

await context.close();
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`browser: ${passed} passed, ${failed} failed`);
await mkdir(new URL('../test-results/', import.meta.url), { recursive: true });
await writeFile(new URL('../test-results/browser.json', import.meta.url), JSON.stringify({ passed, failed, results }));
process.exit(failed === 0 ? 0 : 1);
