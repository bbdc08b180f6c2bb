// End-to-end tests of the 経路プラン view, driven as a user would: search,
// click, keyboard, a shared link, printing; the plans are checked against
// cases worked out by hand from the report, and against the CLI.
// (honest-answers.test.mjs follows one clinic through the confirmed rule,
// the assumption, printing and sharing.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const env = withAppServer();

async function open(route = '/') {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1366, height: 900 } });
  const app = new PlannerPage(page, env.server.url);
  await app.goto(route);
  return { context, app, page, problems };
}

/** The CLI's answer for the same query, built by `cargo test` before the e2e step. */
function cli(args) {
  const root = resolve(import.meta.dirname, '..');
  const binary = ['release', 'debug'].map((p) => resolve(root, 'target', p, 'tsunagu')).find(existsSync);
  assert.ok(binary, 'the tsunagu binary has been built');
  return JSON.parse(execFileSync(binary, ['plan', ...args, '--json'], { encoding: 'utf8' }));
}

describe('the 経路プラン view', () => {
  test('a clinic in the data: search, pick, and see the frontier worked out by hand', async () => {
    const { context, app, page, problems } = await open('/');
    await app.results().getByText('自施設と紹介先を選ぶと').waitFor();
    await app.chooseFacility('みき', 'みきファミリークリニック');
    await app.addTarget('北海道大学', '北海道大学病院');
    // みきファミリークリニック is in TMNIT, 天使病院's union and 市立札幌病院's;
    // 北海道大学病院 hosts only ICTネットワーク, and hospital links are no
    // way in under the confirmed rule: join ICTネットワーク, no relay.
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    await app.card(0).getByText('中継なし（直接開示）').waitFor();
    await app.card(0).getByRole('img', { name: '北海道大学病院 への経路' }).waitFor();
    await app.card(0).getByText('開示病院: 北海道大学病院').waitFor();
    await app.card(0).getByText('閲覧できるのは同意した患者さんの記録だけ').waitFor();
    assert.match(page.url(), /#\/\?f=miki-family-clinic&t=hokudai$/);
    // A screen reader hears one sentence once the plan is done, not the
    // cards: no live region holds them.
    assert.equal(await page.locator('#plan-status[role="status"]').textContent(), '加入プラン 1 件。先頭は「1 ユニオンに加入: ICTネットワーク」。');
    assert.equal(await app.card(0).evaluate((card) => card.closest('[aria-live], [role="status"]') === null), true);
    // The report's network is small: the page planned it at once, without
    // starting the planner's Web Worker (which is for national-scale data).
    assert.equal(page.workers().length, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a shared link reproduces the plan, and the view agrees with the CLI under both rules', async () => {
    const targets = 'shiritsu,hokudai,gan-center,kkr,teine,sapmed';
    const names = '市立札幌病院,北海道大学病院,北海道がんセンター,KKR札幌医療センター,手稲溪仁会病院,札幌医科大学附属病院';
    const five = 'TMNIT in Hokkaido、ICTネットワーク、北海道がんセンター連携システム、KKR札幌医療センター、市立札幌病院 地域医療情報ネットワークシステム';
    // Worked by hand. Confirmed rule: each of the five 開示病院 hosts its
    // own union, so join all five, with no relay. Assuming hospital links
    // count: TMNIT reaches 北大 and がんセンター over 手稲溪仁会's agreements
    // (1 relay) while KKR and 市立札幌 have no links, so TMNIT, KKR and
    // すずらん (marked), or all five. 札幌医大 hosts no union: out of reach.
    const cases = [
      { query: '', args: [], titles: [`5 ユニオンに加入: ${five}`], marks: [''] },
      {
        query: '&a=agreements',
        args: ['--assume', 'agreements'],
        titles: [`5 ユニオンに加入: ${five}`, '仮定のもとで 3 ユニオンに加入: TMNIT in Hokkaido、KKR札幌医療センター、市立札幌病院 地域医療情報ネットワークシステム'],
        marks: ['', 'agreements'],
      },
    ];
    for (const { query, args, titles, marks } of cases) {
      const { context, app } = await open(`/?m=&t=${targets}${query}`);
      assert.deepEqual(await app.planTitles(), titles);
      assert.deepEqual(await app.planAssumptions(), marks);
      const answer = cli(['--member-of', '', '--to', names, ...args]);
      // The view puts the plans on confirmed steps first, in the CLI's order otherwise.
      const expected = { ...answer, plans: [...answer.plans.filter((p) => !p.assumptions.length), ...answer.plans.filter((p) => p.assumptions.length)] };
      // The CLI's plans, titled as the card titles them: hedged where they rest on an assumption.
      assert.deepEqual(titles, expected.plans.map((plan) => `${plan.assumptions.length ? '仮定のもとで ' : ''}${plan.join.length} ユニオンに加入: ${plan.join.join('、')}`));
      assert.deepEqual(marks, expected.plans.map((plan) => plan.assumptions.join(',')));
      assert.deepEqual(expected.unreachable.map((u) => [u.target, u.reason]), [['札幌医科大学附属病院', 'hosts_no_union']]);
      assert.equal(await app.unreachableTarget('札幌医科大学附属病院').getAttribute('data-reason'), 'hosts_no_union');
      await context.close();
    }
  });

  test('a shared link draws its plan first beside the form, or opens at the plan above a stacked form; later visits, partly ignored links and what-if links neither', async () => {
    // Records, frame by frame, whether the plan card and the hospital search are in the page.
    const watch = () => {
      window.__order = [];
      const look = () => {
        const card = !!document.querySelector('article.plan-card');
        const form = !!document.getElementById('target-search');
        const last = window.__order[window.__order.length - 1];
        if ((card || form) && (!last || last.card !== card || last.form !== form)) window.__order.push({ card, form });
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    };
    // Where the plans' heading is: focused, on screen, the page scrolled.
    const where = (page) => page.evaluate(() => {
      const heading = document.getElementById('results-heading');
      const card = document.querySelector('article.plan-card');
      const top = heading.getBoundingClientRect().top;
      return {
        focused: document.activeElement === heading,
        atPlans: window.scrollY > 0 && top >= 0 && top < window.innerHeight / 2 && (!card || card.getBoundingClientRect().top < window.innerHeight),
      };
    });
    const opening = async (width, link) => {
      const { context, page, problems } = await openPage(env.browser, { viewport: { width, height: 800 } });
      await page.addInitScript(watch);
      const app = new PlannerPage(page, env.server.url);
      await app.goto(link);
      await app.hospitalSearch().waitFor();
      return { context, page, problems, app, order: await page.evaluate(() => window.__order), opened: await where(page) };
    };
    const link = '/?f=miki-family-clinic&t=hokudai';
    // 1100 px is the stylesheet's breakpoint: side by side from there.
    for (const [width, first, atPlans] of [[1366, { card: true, form: false }, false], [1100, { card: true, form: false }, false], [1024, { card: true, form: true }, true]]) {
      const { context, page, problems, app, order, opened } = await opening(width, link);
      assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
      // Side by side, the plan comes first; stacked, the form above it would
      // push it down, so both come in the same frame.
      assert.deepEqual(order[0], first, `${width} px: ${JSON.stringify(order)}`);
      assert.deepEqual(order[order.length - 1], { card: true, form: true });
      // Stacked, the page opens at the plans, with focus there so that Tab
      // goes on from them; side by side, everything is in view already.
      assert.deepEqual(opened, { focused: atPlans, atPlans }, `${width} px`);
      // The form, when it comes, shows the link's facility and hospital.
      await app.step('1. 自施設を選ぶ').getByText('みきファミリークリニック').first().waitFor();
      await app.step('2. 紹介先の病院を選ぶ').getByText('北海道大学病院').first().waitFor();
      // Back from another view, the planner is not the page's first view: both at once.
      await app.navLink('network').click();
      await app.viewHeading().filter({ hasText: 'ネットワーク' }).waitFor();
      await page.evaluate(() => { window.__order = []; });
      await app.navLink('planner').click();
      await app.hospitalSearch().waitFor();
      assert.deepEqual((await page.evaluate(() => window.__order))[0], { card: true, form: true });
      assert.equal((await where(page)).focused, false, 'back through the nav, focus goes to the view title, not the plans');
      assert.deepEqual(problems, []);
      await context.close();
    }
    // A tab opened in the background draws no frames: the form still comes.
    {
      const { context, page } = await openPage(env.browser, { viewport: { width: 1366, height: 800 } });
      await page.addInitScript(() => { window.requestAnimationFrame = () => 0; });
      const app = new PlannerPage(page, env.server.url);
      await app.goto(link);
      await page.locator('article.plan-card').waitFor({ state: 'attached' });
      await page.locator('#target-search').waitFor({ state: 'attached', timeout: 5000 });
      await context.close();
    }
    // A link partly ignored, or naming a what-if this device does not have:
    // the notice above the form comes first, so the page opens at the top.
    for (const [partly, notice] of [['/?f=miki-family-clinic&t=hokudai,no-such-hospital', 'リンクの一部'], [`${link}&p=no-such-what-if`, 'リンクにある提案はこの端末に保存されていない']]) {
      const { context, page, order, opened } = await opening(1024, partly);
      assert.deepEqual(order[0], { card: true, form: true }, partly);
      assert.deepEqual(opened, { focused: false, atPlans: false }, partly);
      assert.equal(await page.evaluate(() => window.scrollY), 0, partly);
      await page.getByText(notice).first().waitFor();
      await context.close();
    }
  });

  test('an unlisted facility with no union, direct disclosure only, is told what cannot be reached', async () => {
    const { context, app, page } = await open('/');
    await app.describeNewFacility('北区');
    await app.addTarget('王子', '王子総合病院');
    await page.getByRole('combobox', { name: '中継の上限' }).selectOption({ label: '0 回（直接開示のみ）' });
    await page.getByText('この条件で届く加入プランはありません。', { exact: true }).waitFor();
    // 王子総合病院 hosts no union; its only link is an ID-Link one with 北海道大学病院.
    const oji = app.unreachableTarget('王子総合病院');
    await oji.getByText(/王子総合病院がホストするユニオンは報告書にない.*連携している開示病院（北海道大学病院）/).waitFor();
    assert.equal(await oji.getAttribute('data-reason'), 'hosts_no_union');
    assert.match(page.url(), /m=&w=kita&t=oji&r=0$/);
    // Assuming hospital links count, ICTネットワーク reaches it with one
    // relay: the relay limit is then what stops it.
    await app.assumption().check();
    await app.assumptionBanner().waitFor();
    // No plan goes through a link, so none is said to.
    await app.assumptionBanner().getByText('この条件のプランはどれも病院間の連携を経由していません。', { exact: false }).waitFor();
    assert.equal(await page.getByText('印のついたプランは').count(), 0);
    await app.unreachableTarget('王子総合病院').getByText('最短でも 1 回の中継が必要で、上限の 0 回を超えます。').waitFor();
    assert.equal(await app.unreachableTarget('王子総合病院').getAttribute('data-reason'), 'too_many_relays');
    assert.match(page.url(), /m=&w=kita&t=oji&r=0&a=agreements$/);
    await context.close();
  });

  test('targets can be added by designation, and excluded unions change the plan', async () => {
    const { context, app, page } = await open('/?m=');
    const filter = app.step('2. 紹介先の病院を選ぶ');
    await filter.getByRole('combobox', { name: '指定' }).selectOption({ label: '救命救急センター' });
    await filter.getByRole('button', { name: '5 病院を追加' }).click();
    await app.step('加入先から除くユニオン').getByRole('checkbox', { name: 'TMNIT in Hokkaido' }).check();
    const titles = await app.planTitles();
    assert.ok(titles.length > 0);
    assert.ok(titles.every((t) => !t.includes('TMNIT')), titles.join(' | '));
    const url = new URL(page.url().replace('#/', ''));
    assert.equal(url.searchParams.get('x'), 'tmnit');
    await context.close();
  });

  test('works from the keyboard alone', async () => {
    const { context, app, page } = await open('/');
    await app.tabTo(app.facilitySearch());
    await page.keyboard.type('たかだ');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('選択中の施設').waitFor();
    // The pick moves focus on to the hospital search, not back to the page.
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');
    assert.equal(await app.hospitalSearch().evaluate((e) => e === document.activeElement), true);
    await page.keyboard.type('手稲溪仁会');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: TMNIT in Hokkaido']);
    // Adding a hospital returns focus to the search, ready for the next one.
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');
    await context.close();
  });

  test('Back steps through the choices made, and Forward brings them back', async () => {
    const { context, app, page, problems } = await open('/');
    await app.chooseFacility('みき', 'みきファミリークリニック');
    await app.addTarget('北海道大学', '北海道大学病院');
    await app.addTarget('がんセンター', '北海道がんセンター');
    assert.match(page.url(), /#\/\?f=miki-family-clinic&t=hokudai,gan-center$/);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/?f=miki-family-clinic&t=hokudai');
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/?f=miki-family-clinic');
    await app.removeTarget('北海道大学病院').waitFor({ state: 'detached' });
    await page.goForward();
    await app.removeTarget('北海道大学病院').waitFor();
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone, a tap on a name does not move focus to a search box (its keyboard would open over the plan)', async () => {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width: 390, height: 844 }, touch: true });
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/');
    await app.facilitySearch().fill('みき');
    await app.facilitySearch().evaluate((e) => e.blur());
    await app.facilityOption('みきファミリークリニック').tap();
    await page.getByText('選択中の施設').waitFor();
    await app.hospitalSearch().fill('北海道大学');
    await app.hospitalSearch().evaluate((e) => e.blur());
    await app.hospitalOption('北海道大学病院').tap();
    await app.removeTarget('北海道大学病院').waitFor();
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    // Give the focus move a pick makes from the keyboard (after a render) its chance.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    assert.notEqual(focused, 'INPUT');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('search finds names by kana, Latin letters and abbreviations, says when nothing matches, and keeps focus where the next step is', async () => {
    const { context, app, page, problems } = await open('/');
    const facilities = () => page.locator('.planner-controls .pick-list').first().locator('.name').allTextContents();
    // Katakana for hiragana, and the facility's romanised name.
    for (const query of ['ミキ', 'miki family', 'CLINIC']) {
      await app.facilitySearch().fill(query);
      assert.ok((await facilities()).includes('みきファミリークリニック'), query);
    }
    await app.facilitySearch().fill('存在しない施設');
    await page.getByRole('status').filter({ hasText: '該当する施設はありません' }).waitFor();
    assert.deepEqual(await facilities(), []);
    await app.chooseFacility('みき', 'みきファミリークリニック');
    // 「選び直す」 brings the search back, and focus with it.
    await page.getByRole('button', { name: '選び直す' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'facility-search');
    await app.chooseFacility('みき', 'みきファミリークリニック');

    // Abbreviations people say: 北大, 札医大.
    await app.hospitalSearch().fill('北大');
    await app.hospitalOption('北海道大学病院').waitFor();
    await app.hospitalSearch().fill('札医大');
    await app.hospitalOption('札幌医科大学附属病院').waitFor();
    // The list of 20-odd hospitals is one Tab stop; the arrow keys move in it.
    await app.hospitalSearch().fill('');
    await app.hospitalSearch().focus();
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.equal(await focused(), '＋ 市立札幌病院');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), '＋ NTT東日本札幌病院');
    await page.keyboard.press('End');
    const last = await focused();
    await page.keyboard.press('Home');
    assert.equal(await focused(), '＋ 市立札幌病院');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');
    // Esc in the list goes back to the search too, its words selected.
    await app.hospitalSearch().fill('病院');
    await page.keyboard.press('ArrowDown');
    assert.ok((await focused()).startsWith('＋'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');
    assert.equal(await page.evaluate(() => document.activeElement.selectionEnd - document.activeElement.selectionStart), '病院'.length);
    await app.hospitalSearch().fill('');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), '＋ 市立札幌病院');
    await page.keyboard.press('Tab');
    assert.notEqual(await focused(), '＋ NTT東日本札幌病院');
    assert.ok(!(await focused()).startsWith('＋'), `Tab leaves the list (last: ${last})`);
    await app.hospitalSearch().fill('ぜんぜんちがう');
    await page.getByRole('status').filter({ hasText: '該当する病院はありません' }).waitFor();
    // Adding a hospital empties the search for the next name.
    await app.addTarget('北大', '北海道大学病院');
    assert.equal(await app.hospitalSearch().inputValue(), '');
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');
    // 「すべて外す」 goes with the chips: focus goes on to the search.
    await page.getByRole('button', { name: 'すべて外す' }).click();
    await page.getByText('まだ選ばれていません。').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'target-search');

    // In English, the facility search reads Latin letters too.
    await app.switchLanguage('en');
    await page.getByRole('button', { name: 'Choose again' }).click();
    await page.getByRole('searchbox', { name: 'Search by facility name' }).fill('miki');
    await page.getByRole('button', { name: /^みきファミリークリニック/ }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe-core finds nothing serious with plans on screen', async () => {
    const { context, app } = await open('/?f=miki-family-clinic&t=hokudai,hakodate-municipal,oji');
    await app.card(0).waitFor();
    assert.deepEqual(await seriousViolations(app.page), []);
    await context.close();
  });

  test('printing: the form is left out, and each plan’s own button prints it on one A4 page', async () => {
    // Assuming hospital links, みき → 北大 has two plans (worked by hand):
    // nothing to join over 手稲溪仁会's link (1 relay), or ICTネットワーク.
    const { context, app, page } = await open('/?f=miki-family-clinic&t=hokudai&a=agreements');
    const titles = await app.planTitles();
    assert.deepEqual(titles, ['1 ユニオンに加入: ICTネットワーク', '仮定が正しければ加入不要']);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.planner-controls').isVisible(), false);
    assert.equal(await page.getByRole('banner').isVisible(), false);
    // On paper, the link the hypothetical plan rests on keeps its place in
    // the report (手稲溪仁会's page, which lists 北海道大学病院).
    const cited = await app.card(1).locator('.path-lines .path-sources li').allTextContents();
    assert.ok(cited.some((c) => c.includes('出典') && c.includes('北海道大学病院')), JSON.stringify(cited));
    assert.equal(await app.card(1).locator('.path-lines .path-sources').isVisible(), true);
    // The facts from outside the report print with each plan; after the
    // plans, only those the plans' copies leave out; none is lost.
    const facts = page.locator('section.outside li');
    const shownFacts = () => facts.evaluateAll((lis) => lis.filter((li) => li.checkVisibility())
      .map((li) => ({ where: li.closest('article')?.id ?? 'page', fact: li.dataset.fact, topic: li.dataset.topic })));
    const printed = await shownFacts();
    const cards = await page.getByRole('article').evaluateAll((els) => els.map((c) => c.id));
    await page.emulateMedia({ media: null });
    const onScreen = await shownFacts();
    assert.ok(onScreen.length >= 5 && onScreen.every((f) => f.where === 'page'), JSON.stringify(onScreen));
    const inCards = onScreen.filter((f) => f.topic !== 'agreements').map((f) => f.fact);
    for (const card of cards) {
      assert.deepEqual(printed.filter((f) => f.where === card).map((f) => f.fact), inCards, card);
    }
    const after = printed.filter((f) => f.where === 'page');
    assert.ok(after.length >= 1 && after.every((f) => f.topic === 'agreements'), JSON.stringify(after));
    assert.deepEqual(new Set(printed.map((f) => f.fact)), new Set(onScreen.map((f) => f.fact)));
    await app.stubPrint();
    for (const title of titles) {
      await app.printCard(title);
      assert.equal(await app.printedA4Pages(), 1, `${title}: one plan, one page`);
      await app.afterPrint();
    }
    assert.equal(await app.printCalls(), 2);
    await context.close();
  });
});
