// The one-file edition under file://: no server, no network, every view, a
// plan (on the page: no worker can start from file://).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser, openPage } from './support/browser.mjs';
import { VIEWS, VIEW_TITLES } from './pages/app-page.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const FILE = resolve(import.meta.dirname, '..', 'dist-one', 'tsunagu.html');
let browser;

before(async () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: scripts/test.sh builds it`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('the one-file edition', () => {
  test('opens from file://, shows every view and runs a plan, with no request at all', async () => {
    const { context, page, problems } = await openPage(browser);
    const requests = [];
    context.on('request', (r) => {
      if (!r.url().startsWith('data:') && !r.url().startsWith('blob:') && r.url() !== pathToFileURL(FILE).href) requests.push(r.url());
    });
    const app = new PlannerPage(page, pathToFileURL(FILE).href.replace(/\/$/, ''));
    await page.goto(`${pathToFileURL(FILE).href}#/?f=miki-family-clinic&t=hokudai`);
    await app.banner().waitFor();
    // 北海道大学病院 hosts only ICTネットワーク, which みき is not in.
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    for (const view of VIEWS) {
      await app.navLink(view).click();
      await app.viewHeading().filter({ hasText: VIEW_TITLES.ja[view] }).waitFor();
    }
    assert.deepEqual(requests.filter((u) => !u.startsWith(pathToFileURL(FILE).href)), []);
    assert.deepEqual(problems, []);
    console.log(`one-file size: ${(statSync(FILE).size / 1024).toFixed(0)} KB`);
    await context.close();
  });
});
