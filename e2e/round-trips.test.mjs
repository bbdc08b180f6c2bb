// Round trips a user makes again and again: leaving the planner and coming
// back through the nav (the report's plans made on the page, a large
// network's on one worker for the whole app, the plan kept in the nav
// link), copying the plan's link, picking from the keyboard alone with
// focus moving on after each pick, the English words for counts and lists,
// and 発表モード opened straight from a link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { watchWorkers } from './support/workers.mjs';
import { VIEW_TITLES } from './pages/app-page.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const env = withAppServer();
const root = resolve(import.meta.dirname, '..');

/** みきファミリークリニック → 北海道大学病院, worked by hand in planner.test.mjs. */
const MIKI_TO_HOKUDAI = '/?f=miki-family-clinic&t=hokudai';
const JOIN_ICT = '1 ユニオンに加入: ICTネットワーク';

async function open(route = '/') {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1366, height: 900 } });
  const app = new PlannerPage(page, env.server.url);
  await app.goto(route);
  return { context, app, page, problems };
}

/** Chromium's own figure for the page's JS heap (coarse unless precise memory info is on). */
function usedJSHeapSize(page) {
  return page.evaluate(() => performance.memory.usedJSHeapSize);
}

describe('round trips', () => {
  test('the plan survives 20 trips through the nav, planned on the page with no worker started', async (t) => {
    const { context, app, page, problems } = await open(MIKI_TO_HOKUDAI);
    await app.cardTitled(JOIN_ICT).waitFor();
    const workers = await watchWorkers(context, page);
    const heapBefore = await usedJSHeapSize(page);
    const gcHeapBefore = await workers.heapAfterGc();

    const others = ['network', 'growth', 'whatif', 'wards', 'data'];
    for (let visit = 0; visit < 20; visit += 1) {
      const view = others[visit % others.length];
      await app.navLink(view).click();
      await app.viewHeading().filter({ hasText: VIEW_TITLES.ja[view] }).waitFor();
      await app.navLink('planner').click();
      await app.cardTitled(JOIN_ICT).waitFor();
      assert.ok(page.url().includes('f=miki-family-clinic&t=hokudai'), `visit ${visit + 1} (${view}): ${page.url()}`);
      assert.deepEqual(await app.planTitles(), [JOIN_ICT], `visit ${visit + 1} (${view})`);
    }

    // The report's network is small enough to plan on the page: no view
    // started the planner's worker, so nothing was compiled twice.
    assert.equal((await workers.alive()).length, 0, 'workers alive');
    assert.equal(workers.started(), 0, 'workers started');
    const heapAfter = await usedJSHeapSize(page);
    const gcHeapAfter = await workers.heapAfterGc();
    t.diagnostic(`performance.memory.usedJSHeapSize: before ${heapBefore}, after ${heapAfter}`);
    t.diagnostic(`JS heap after a forced GC (Runtime.getHeapUsage): before ${gcHeapBefore}, after ${gcHeapAfter}`);
    await workers.detach();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a Hokkaido-scale network plans on one worker for the whole app, through 10 trips through the nav', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'tsunagu-hokkaido-'));
    const file = join(dir, 'hokkaido.json');
    execFileSync('cargo', ['run', '--quiet', '--bin', 'tsunagu', '--', 'synth', '--scale', 'hokkaido', '--seed', '1', '--out', file], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const data = JSON.parse(await readFile(file, 'utf8'));
    // A facility, one of its unions and that union's host: nothing to join.
    const facility = data.facilities[0];
    const union = data.unions.find((u) => u.id === facility.memberships[0].union);
    const host = data.hospitals.find((h) => h.id === union.hosts[0]);

    const { context, app, page, problems } = await open('/data');
    const workers = await watchWorkers(context, page);
    // Every request for the wasm, the worker's included (Playwright reports
    // those to the context); not the service worker's precache, which now
    // starts once the app is up and idle, and fetches every file by design.
    let wasmFetches = 0;
    context.on('request', (request) => {
      if (request.url().endsWith('.wasm') && !request.serviceWorker()) wasmFetches += 1;
    });
    await page.getByLabel('ファイルを取り込む（JSON または CSV）').setInputFiles(file);
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    const route = `#/?f=${facility.id}&t=${host.id}`;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, route);
    await app.cardTitled('加入不要').waitFor();
    // Reading the file and the first plan both ran on the worker: one in all.
    assert.equal((await workers.alive()).length, 1, 'the first plan ran on one worker');
    // The worker was handed the page's compiled module: it fetched no wasm.
    assert.equal(wasmFetches, 0, 'wasm fetched after the page had loaded');
    const gcHeapBefore = await workers.heapAfterGc();

    const others = ['network', 'growth', 'whatif', 'wards', 'data'];
    for (let visit = 0; visit < 10; visit += 1) {
      const view = others[visit % others.length];
      await app.navLink(view).click();
      await app.viewHeading().filter({ hasText: VIEW_TITLES.ja[view] }).waitFor();
      await app.navLink('planner').click();
      await app.cardTitled('加入不要').waitFor();
      assert.ok(page.url().endsWith(route), `visit ${visit + 1} (${view}): ${page.url()}`);
    }

    const alive = await workers.alive();
    assert.ok(alive.length <= 1, `workers alive after 10 visits: ${alive.map((w) => w.url).join(', ')}`);
    // Made once by the app, not once per visit (nor stopped and replaced).
    assert.equal(workers.started(), 1, 'workers started');
    const gcHeapAfter = await workers.heapAfterGc();
    t.diagnostic(`dedicated workers alive after 10 visits: ${alive.length}; started: ${workers.started()}`);
    t.diagnostic(`JS heap after a forced GC (Runtime.getHeapUsage): before ${gcHeapBefore}, after ${gcHeapAfter}`);
    await workers.detach();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the copy button copies the plan’s link and says so; a new plan clears what it said', async () => {
    const { context, app, page, problems } = await open(MIKI_TO_HOKUDAI);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await app.cardTitled(JOIN_ICT).waitFor();
    assert.equal(await app.copyStatus().textContent(), '');
    await app.copyLinkButton().click();
    await app.copyStatus().filter({ hasText: 'リンクをコピーしました' }).waitFor();
    const link = await app.shareLink().inputValue();
    assert.ok(link.endsWith('#/?f=miki-family-clinic&t=hokudai'), link);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // 手稲溪仁会病院 hosts TMNIT, which みき is in: the plan stays the same,
    // but the link is a new one, not yet copied.
    await app.addTarget('手稲溪仁会', '手稲溪仁会病院');
    assert.deepEqual(await app.planTitles(), [JOIN_ICT]);
    assert.ok((await app.shareLink().inputValue()).endsWith('#/?f=miki-family-clinic&t=hokudai,teine'));
    assert.equal(await app.copyStatus().textContent(), '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('from the keyboard alone, focus moves on to the hospital search after each pick', async () => {
    const { context, app, page, problems } = await open('/');
    await app.tabTo(app.facilitySearch());
    await page.keyboard.type('みき');
    await page.keyboard.press('Tab');
    assert.ok(await app.hasFocus(app.facilityOption('みきファミリークリニック')), 'Tab reaches the first result');
    // The ring is drawn inside the button, so the scrolling list cannot clip it.
    const ring = await app.focusRing();
    assert.notEqual(ring.style, 'none', JSON.stringify(ring));
    assert.ok(parseFloat(ring.width) > 0, JSON.stringify(ring));
    assert.ok(parseFloat(ring.offset) < 0, `outline-offset ${ring.offset}`);
    await page.keyboard.press('Enter');
    await page.getByText('選択中の施設').waitFor();
    await app.focused(app.hospitalSearch());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'target-search');

    await page.keyboard.type('北海道大学');
    await page.keyboard.press('Tab');
    assert.ok(await app.hasFocus(app.hospitalOption('北海道大学病院')), 'Tab reaches the first result');
    await page.keyboard.press('Enter');
    await app.removeTarget('北海道大学病院').waitFor();
    await app.focused(app.hospitalSearch());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'target-search');
    assert.deepEqual(await app.planTitles(), [JOIN_ICT]);

    // Back past すべて外す to the chip, and remove it.
    await app.backTabTo(app.removeTarget('北海道大学病院'), 3);
    await page.keyboard.press('Enter');
    await app.results().getByText('自施設と紹介先を選ぶと、ここに加入プランが表示されます。').waitFor();
    await app.focused(app.hospitalSearch());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'target-search');
    assert.equal(await page.getByRole('article').count(), 0);
    assert.equal(await app.removeTarget('北海道大学病院').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in English, counts and lists read as English', async () => {
    const { context, app, problems } = await open('/');
    await app.switchLanguage('en');
    // Assuming hospital links: nothing to join over 手稲溪仁会's link (one
    // relay), or ICTネットワーク with none (worked by hand in planner.test.mjs).
    await app.goto('/?f=miki-family-clinic&t=hokudai&a=agreements');
    assert.equal(app.lang, 'en');
    await app.card(1).waitFor();
    assert.deepEqual(await app.planTitles(), ['Join 1 union: ICT Network', 'Nothing to join, if the assumption holds']);
    await app.card(1).getByText('At most 1 relay', { exact: true }).waitFor();
    await app.card(0).getByText('Direct, no relay', { exact: true }).waitFor();
    // Hospitals go by their English names, and the office to apply to by both.
    await app.page.locator('.chip').filter({ hasText: 'Hokkaido University Hospital' }).waitFor();
    await app.card(0).getByText('Apply to: Hokkaido University Hospital (北海道大学病院)', { exact: true }).waitFor();
    await app.card(0).getByText('The report does not name the office that handles it: ask the hospital.', { exact: false }).waitFor();
    await app.card(0).getByText('To Hokkaido University Hospital', { exact: false }).first().waitFor();
    // Unions too: the English rendering, and both names on the checklist,
    // since the union's own forms carry the Japanese.
    await app.card(0).getByRole('heading', { level: 6, name: 'ICT Network (ICTネットワーク)' }).waitFor();

    // A facility in no union, to 北大 and 市立札幌: join both hosts' unions.
    await app.goto('/?m=&t=hokudai,shiritsu');
    await app.card(0).getByRole('heading', { level: 4, name: /^Join 2 unions: / }).waitFor();
    const [title] = await app.planTitles();
    assert.equal(title, 'Join 2 unions: ICT Network, Sapporo City General Hospital Regional Medical Information Network System');
    assert.ok(!title.includes('、'), title);
    // The unlisted facility's own unions are ticked by both names, as the
    // union's papers give them.
    await app.page
      .getByRole('group', { name: /^1\. Your facility/ })
      .getByRole('checkbox', { name: 'Sapporo Medical Information Sharing System Council (札幌医療情報共有システム協議会)', exact: true })
      .waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('発表モード opened straight from a link has one h1 and logs no error', async () => {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1920, height: 1080 } });
    // Without a click there is no user gesture: the browser refuses full
    // screen, and the app is expected to take that quietly.
    await page.goto(`${env.server.url}/#/present`);
    const count = page.getByText(/^1 \/ \d+$/);
    await count.waitFor();
    const total = (await count.textContent()).split('/')[1].trim();
    await page.getByRole('heading', { level: 1, name: '2012年2月' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await page.keyboard.press('Space');
    await page.getByText(`2 / ${total}`, { exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
