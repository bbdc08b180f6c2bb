// End-to-end tests of the app's frame against the release build: it renders
// cleanly, every view is reachable from the keyboard, the language switch
// works and is remembered, and axe-core finds nothing serious.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { AppPage, VIEWS, VIEW_TITLES, WORDS } from './pages/app-page.mjs';

const env = withAppServer();

async function open(options) {
  const { context, page, problems } = await openPage(env.browser, options);
  return { context, app: new AppPage(page, env.server.url), page, problems };
}

describe('the app shell', () => {
  test('renders in Japanese with no console error or failed request', async () => {
    const { context, app, page, problems } = await open();
    await app.goto('/');
    assert.equal(await app.appTitle().textContent(), WORDS.ja.title);
    // The title names the view, so tabs, bookmarks and history tell them apart.
    assert.equal(await page.title(), `${WORDS.ja.views.planner} — ${WORDS.ja.title}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await app.viewHeading().textContent(), VIEW_TITLES.ja.planner);
    // Let late requests (the favicon) finish before judging.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a loading frame shows before the wasm arrives, says what to do if it never does, and goes when the app runs', async () => {
    const { context, page } = await openPage(env.browser);
    // The wasm never answers: the frame stays.
    await page.route('**/*.wasm', () => {});
    const cdp = await context.newCDPSession(page);
    await cdp.send('Animation.enable');
    // The hint waits 10 s (a CSS animation's delay); run animations 50× faster.
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 50 });
    await page.goto(`${env.server.url}/#/?f=miki-family-clinic&t=hokudai`, { waitUntil: 'domcontentloaded' });
    const status = page.getByRole('status');
    await status.getByText('読み込んでいます…').waitFor();
    const hint = page.getByText('表示されない場合は、ページを再読み込みしてください。');
    await hint.waitFor({ state: 'visible' });
    await context.close();

    // With the wasm: the app takes the frame away, and one banner is left.
    const { context: second, app, page: ready, problems } = await open();
    await app.goto('/?f=miki-family-clinic&t=hokudai');
    await ready.locator('article.plan-card').first().waitFor();
    assert.equal(await ready.locator('#boot').count(), 0);
    assert.equal(await ready.locator('header.site-header').count(), 1);
    assert.deepEqual(problems, []);
    await second.close();
  });

  test('every view is reachable with the keyboard alone', async () => {
    const { context, app, page, problems } = await open();
    await app.goto('/');
    for (const view of VIEWS) {
      await page.locator('body').focus();
      await app.tabTo(app.navLink(view));
      await page.keyboard.press('Enter');
      await app.viewHeading().filter({ hasText: VIEW_TITLES.ja[view] }).waitFor();
      assert.equal(await app.navLink(view).getAttribute('aria-current'), 'page', view);
      // Focus moves to the new view's heading, so a screen reader announces it.
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, VIEW_TITLES.ja[view], `focus after opening ${view}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the language switch changes the visible text, and is remembered after a reload', async () => {
    const { context, app, page, problems } = await open();
    await app.goto('/network');
    assert.equal(await app.viewHeading().textContent(), VIEW_TITLES.ja.network);

    await app.switchLanguage('en');
    assert.equal(await app.appTitle().textContent(), WORDS.en.title);
    assert.equal(await app.viewHeading().textContent(), VIEW_TITLES.en.network);
    assert.equal(await page.title(), `${WORDS.en.views.network} — ${WORDS.en.title}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    for (const view of VIEWS) assert.equal(await app.navLink(view).count(), 1, view);

    await page.reload();
    await app.goto('/network');
    assert.equal(app.lang, 'en');
    assert.equal(await app.appTitle().textContent(), WORDS.en.title);
    assert.equal(await app.languageButton('en').getAttribute('aria-pressed'), 'true');

    await app.switchLanguage('ja');
    assert.equal(await app.viewHeading().textContent(), VIEW_TITLES.ja.network);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unknown address says so and offers the way back', async () => {
    const { context, app, page } = await open();
    await app.goto('/no-such-view');
    assert.equal(await app.viewHeading().textContent(), 'ページが見つかりません');
    // The address stays as typed, so that it can be corrected.
    assert.equal(await page.evaluate(() => location.hash), '#/no-such-view');
    await page.getByRole('link', { name: '経路プランへ戻る' }).click();
    await app.viewHeading().filter({ hasText: VIEW_TITLES.ja.planner }).waitFor();
    await context.close();
  });

  test('the skip link focuses the view and keeps its address; Back and Forward walk the views', async () => {
    const { context, app, page, problems } = await open();
    await app.goto('/network');
    const hash = () => page.evaluate(() => location.hash);
    const heading = (view) => app.viewHeading().filter({ hasText: VIEW_TITLES.ja[view] }).waitFor();

    // The first Tab reaches the skip link; Enter moves focus into the view.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // The fragment is the route: the skip link must not replace it.
    assert.equal(await hash(), '#/network');
    await page.reload();
    await heading('network');

    await app.navLink('growth').click();
    await heading('growth');
    await app.navLink('data').click();
    await heading('data');
    await page.goBack();
    await heading('growth');
    await page.goBack();
    await heading('network');
    await page.goForward();
    await heading('growth');
    assert.equal(await hash(), '#/growth');

    // A fragment that is no route (an anchor typed or followed) leaves the
    // view, and the address is set back to the view's, so a reload keeps it.
    await page.evaluate(() => { location.hash = 'main'; });
    await page.waitForFunction(() => location.hash === '#/growth');
    assert.equal(await app.viewHeading().textContent(), VIEW_TITLES.ja.growth);
    await page.reload();
    await heading('growth');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an address written another way opens its view and is set right, so Back agrees with the screen', async () => {
    // Each address in a page of its own: between fragments alone, goto would not load a new document.
    for (const [address, view, settled] of [
      ['/#/network/', 'network', '#/network'],
      ['/#foo', 'planner', '#/'],
      ['/', 'planner', '#/'],
    ]) {
      const { context, app, page, problems } = await open();
      const heading = (v) => app.viewHeading().filter({ hasText: VIEW_TITLES.ja[v] }).waitFor();
      const hash = () => page.evaluate(() => location.hash);
      await page.goto(`${env.server.url}${address}`);
      await heading(view);
      assert.equal(await hash(), settled, address);
      await app.navLink('growth').click();
      await heading('growth');
      await page.goBack();
      await heading(view);
      assert.equal(await hash(), settled, `${address}, back`);
      assert.deepEqual(problems, [], address);
      await context.close();
    }
  });

  for (const lang of ['ja', 'en']) {
    test(`axe-core finds no serious or critical violation on any view (${lang})`, async () => {
      const { context, app } = await open();
      await app.goto('/');
      if (lang === 'en') await app.switchLanguage('en');
      for (const view of VIEWS) {
        await app.navLink(view).click();
        await app.viewHeading().filter({ hasText: VIEW_TITLES[lang][view] }).waitFor();
        assert.deepEqual(await seriousViolations(app.page), [], `${view} (${lang})`);
      }
      await context.close();
    });
  }

  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
    test(`nothing overflows sideways at ${viewport.width}×${viewport.height}`, async () => {
      const { context, app, page } = await open({ viewport });
      await app.goto('/');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
      for (const view of VIEWS) assert.ok(await app.navLink(view).isVisible(), view);
      await context.close();
    });
  }
});
