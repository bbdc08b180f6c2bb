// End-to-end tests of the 経路プラン view, driven as a user would: search,
// click, keyboard, a shared link, printing; the plans are checked against
// cases worked out by hand from the report, and against the CLI.
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
    // みきファミリークリニック is in TMNIT; its host 手稲溪仁会 is on Hokudai's
    // ID-Link list: one relay with nothing joined, or join ICTネットワーク for none.
    assert.deepEqual(await app.planTitles(), ['加入不要', '1ユニオンに加入: ICTネットワーク']);
    await app.card(0).getByText('中継は最大 1 回').waitFor();
    await app.card(1).getByText('中継は最大 0 回').waitFor();
    await app.card(0).getByRole('img', { name: '北海道大学病院 への経路' }).waitFor();
    await app.card(0).getByText('ID-Link 連携病院: 北海道大学病院').waitFor();
    await app.card(0).getByText('患者さんごとの同意が必要').waitFor();
    assert.match(page.url(), /#\/\?f=miki-family-clinic&t=hokudai$/);
    // The plan came from the planner's Web Worker, not the UI thread.
    assert.equal(page.workers().length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a shared link reproduces the plan, and the view agrees with the CLI', async () => {
    const targets = ['shiritsu', 'hokudai', 'gan-center', 'kkr', 'teine', 'sapmed'];
    const { context, app } = await open(`/?m=&t=${targets.join(',')}`);
    const titles = await app.planTitles();
    const expected = cli(['--member-of', '', '--to', '市立札幌病院,北海道大学病院,北海道がんセンター,KKR札幌医療センター,手稲溪仁会病院,札幌医科大学附属病院']);
    assert.equal(titles.length, expected.plans.length);
    expected.plans.forEach((plan, i) => {
      assert.equal(titles[i], `${plan.join.length}ユニオンに加入: ${plan.join.join('、')}`);
    });
    // Worked by hand: TMNIT, KKR and すずらんネット (1 relay), or five unions for none.
    assert.equal(titles[0], '3ユニオンに加入: TMNIT in Hokkaido、KKR札幌医療センター、市立札幌病院 地域医療情報ネットワークシステム');
    assert.equal(expected.unreachable[0].target, '札幌医科大学附属病院');
    await app.page.getByRole('region', { name: '届かない紹介先' }).getByText('札幌医科大学附属病院').waitFor();
    await context.close();
  });

  test('an unlisted facility with no union, direct disclosure only, is told what cannot be reached', async () => {
    const { context, app, page } = await open('/');
    await page.getByRole('radio', { name: /一覧にない施設/ }).check();
    await page.getByRole('combobox', { name: '所在の区' }).selectOption({ label: '北区' });
    await app.addTarget('王子', '王子総合病院');
    await page.getByRole('combobox', { name: '病院間の中継の上限' }).selectOption({ label: '0 回（直接開示のみ）' });
    await page.getByText('この条件で届く加入プランはありません。').waitFor();
    await page.getByText(/中継なし（直接開示）では届きません/).waitFor();
    assert.match(page.url(), /m=&w=kita&t=oji&r=0/);
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
    await app.tabTo(app.hospitalSearch());
    await page.keyboard.type('手稲溪仁会');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await app.planTitles(), ['加入不要']);
    await context.close();
  });

  test('axe-core finds nothing serious with plans on screen', async () => {
    const { context, app } = await open('/?f=miki-family-clinic&t=hokudai,hakodate-municipal,oji');
    await app.card(0).waitFor();
    assert.deepEqual(await seriousViolations(app.page), []);
    await context.close();
  });

  test('printing puts each plan on its own A4 page, without the form', async () => {
    const { context, app, page } = await open('/?f=miki-family-clinic&t=hokudai');
    await app.card(1).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.planner-controls').isVisible(), false);
    assert.equal(await page.getByRole('banner').isVisible(), false);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 2, 'two plans, two pages');
    await context.close();
  });
});
