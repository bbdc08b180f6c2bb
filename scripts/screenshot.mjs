// Takes screenshots of the release build in dist/ with headless Chromium, to
// look at what was built (not a test). Prints any console error it saw.
//
//   node scripts/screenshot.mjs OUT_DIR [route ...]      e.g. '#/network'
//   WIDTHS=1366x768,1920x1080 node scripts/screenshot.mjs /tmp/shots '#/growth'
//   node scripts/screenshot.mjs /tmp/shots '#/network|札幌市（区ごと）'   clicks that label first
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openPage } from '../e2e/support/browser.mjs';
import { startServer } from '../e2e/support/server.mjs';

const [out = '/tmp/shots', ...routes] = process.argv.slice(2);
const sizes = (process.env.WIDTHS ?? '1366x768,1920x1080').split(',').map((s) => s.split('x').map(Number));
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const route of routes.length ? routes : ['#/']) {
    for (const [width, height] of sizes) {
      const { context, page, problems } = await openPage(browser, { viewport: { width, height } });
      const [path, ...clicks] = route.split('|');
      await page.goto(`${server.url}/${path}`);
      await page.waitForSelector('#view-title');
      for (const text of clicks) await page.getByText(text, { exact: true }).first().click();
      await page.waitForTimeout(Number(process.env.WAIT ?? 500));
      const name = `${out}/${route.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${width}x${height}.png`;
      await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
      console.log(name, problems.length ? problems : '');
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
