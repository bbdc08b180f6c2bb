// End-to-end tests of the promises made to seminar rooms and to patients:
// the app talks to no one but its own origin, works offline after one
// visit (reload included), and offers an updated build cleanly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { AppPage, VIEWS } from './pages/app-page.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const env = withAppServer();

async function serviceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

describe('privacy and offline', () => {
  test('no request goes to any origin but the app’s own, through every view and a plan', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const foreign = [];
    const origin = new URL(env.server.url).origin;
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
    });
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/');
    for (const view of VIEWS) {
      await app.navLink(view).click();
      await app.viewHeading().waitFor();
    }
    await app.goto('/?f=miki-family-clinic&t=hokudai,hakodate-municipal');
    assert.ok((await app.planTitles()).length > 0);
    await app.switchLanguage('en');
    await app.switchLanguage('ja');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreign, []);
    // The page declares its Content-Security-Policy, and nothing broke it.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('after one visit the app works with the network off, reload included', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/');
    await serviceWorkerControls(page);
    await context.setOffline(true);
    await page.reload();
    await app.banner().waitFor();
    await app.goto('/?f=miki-family-clinic&t=hokudai');
    // 北海道大学病院 hosts only ICTネットワーク, which みき is not in.
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    await app.navLink('wards').click();
    await app.viewHeading().filter({ hasText: '地域' }).waitFor();
    await context.setOffline(false);
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
  });

  test('the app can be installed: a manifest with icons', async () => {
    const { context, page } = await openPage(env.browser);
    await page.goto(env.server.url);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]').href;
      return (await fetch(href)).json();
    });
    assert.equal(manifest.short_name, 'つなぐ');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    await context.close();
  });

  test('a new build is offered, and taking it reloads into it', async () => {
    const { context, page } = await openPage(env.browser);
    const app = new AppPage(page, env.server.url);
    await app.goto('/');
    await serviceWorkerControls(page);
    const before = await page.evaluate(() => caches.keys());
    // The server now plays a new release: its service worker differs.
    env.server.rewrite('/sw.js', (body) => body.replace(/const CACHE = '([^']+)'/, "const CACHE = '$1-next'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByRole('alert').filter({ hasText: '新しいバージョン' });
    await notice.waitFor();
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: '再読み込みして更新' }).click();
    await reloaded;
    await app.banner().waitFor();
    const after = await page.evaluate(() => caches.keys());
    assert.ok(after.some((k) => k.endsWith('-next')), `${before} → ${after}`);
    assert.ok(!after.some((k) => before.includes(k)), 'the old cache is gone');
    env.server.rewrite('/sw.js', (body) => body);
    await context.close();
  });
});
