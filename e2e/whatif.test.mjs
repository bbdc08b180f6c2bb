// The もしも view: compose a what-if, see the reach matrix and the plans
// change, save it on the device, export and import it, compare what-ifs
// side by side, and plan under one (marked hypothetical); the report's next
// step in figures, and the reach matrix under the unconfirmed assumption.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { ASSUME_AGREEMENTS, PlannerPage } from './pages/planner-page.mjs';

const env = withAppServer();

const SUZURAN = '市立札幌病院 地域医療情報ネットワークシステム';

/** Adds one change through the composer. */
async function addChange(page, kind, first, second) {
  await page.getByLabel('変更の種類').selectOption({ label: kind });
  const [a, b] = kind === 'ユニオン同士を接続' ? ['ユニオン A', 'ユニオン B'] : ['施設', 'ユニオン'];
  await page.getByLabel(a, { exact: true }).selectOption({ label: first });
  await page.getByLabel(b, { exact: true }).selectOption({ label: second });
  await page.getByRole('button', { name: 'この変更を追加' }).click();
}

/** The reach-matrix cell of `union`'s row under `hospital`'s column. */
async function matrixCell(page, union, hospital) {
  const table = page.locator('table.reach-matrix');
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf(hospital);
  assert.ok(column >= 0, `column ${hospital} in ${headers}`);
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: union, exact: true }) });
  return row.locator('td').nth(column).textContent();
}

describe('what-ifs', () => {
  test('a what-if changes the matrix and the plans, is saved, compared, exported and imported', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/whatif');
    // Today TMNIT's members cannot see 市立札幌病院's records without joining.
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '市立札幌病院'), '—');
    await page.getByLabel('提案の名前').fill('TMNIT と すずらん を接続、みきが ICT に加入');
    await addChange(page, 'ユニオン同士を接続', 'TMNIT in Hokkaido', SUZURAN);
    await addChange(page, '施設がユニオンに加入', 'みきファミリークリニック', 'ICTネットワーク');
    // One union link: one relay from TMNIT to 市立札幌病院.
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '市立札幌病院'), '—→1');
    assert.equal(await matrixCell(page, SUZURAN, '手稲溪仁会病院'), '—→1');
    // Worked by hand: today みき must join ICTネットワーク to view 北大 (its
    // three unions do not open it); as an ICT member it joins nothing.
    const shorter = page.locator('table.shorter tbody tr').filter({ hasText: 'みきファミリークリニック' }).filter({ hasText: '北海道大学病院' });
    assert.deepEqual(await shorter.locator('td').allTextContents(), [
      'みきファミリークリニック', '北海道大学病院', '1 ユニオンに加入（中継なし）', '加入不要（中継なし）',
    ]);
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByRole('button', { name: '端末に保存' }).click();
    await page.getByText('保存しました。').waitFor();
    // A second what-if, saved as new.
    await page.getByRole('button', { name: '新しい提案' }).click();
    await page.getByLabel('提案の名前').fill('ICT と 協議会 を接続');
    await addChange(page, 'ユニオン同士を接続', 'ICTネットワーク', '札幌医療情報共有システム協議会');
    await page.getByRole('button', { name: '端末に保存' }).click();

    // Saved on the device: still there after a reload.
    await page.reload();
    await app.viewHeading().waitFor();
    const saved = page.getByRole('region', { name: '保存した提案' });
    await saved.getByText('ICT と 協議会 を接続').waitFor();
    await saved.getByText('TMNIT と すずらん を接続、みきが ICT に加入').waitFor();

    // Side by side.
    await page.getByRole('checkbox', { name: '比較：TMNIT と すずらん を接続、みきが ICT に加入' }).check();
    await page.getByRole('checkbox', { name: '比較：ICT と 協議会 を接続' }).check();
    const compare = page.locator('.compare table');
    assert.deepEqual(await compare.locator('thead th').allTextContents(), [
      '項目', 'TMNIT と すずらん を接続、みきが ICT に加入', 'ICT と 協議会 を接続',
    ]);
    assert.equal(await compare.locator('tbody tr').count(), 4);

    // Export, then import the file back.
    await page.getByRole('button', { name: '開く：TMNIT と すずらん を接続、みきが ICT に加入' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON で書き出す' }).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.name, 'TMNIT と すずらん を接続、みきが ICT に加入');
    assert.deepEqual(exported.changes[0], { kind: 'connect_unions', a: 'tmnit', b: 'shiritsu-suzuran' });
    await page.getByRole('button', { name: '新しい提案' }).click();
    await page.getByLabel('提案の JSON を読み込む').setInputFiles(await download.path());
    await page.waitForFunction(
      (name) => document.getElementById('what-if-name')?.value === name,
      'TMNIT と すずらん を接続、みきが ICT に加入',
    );
    assert.equal(await page.locator('ol.changes li').count(), 2);

    // A file naming a union the data lacks is refused, saying where; nothing changes.
    const bad = join(tmpdir(), 'tsunagu-bad-what-if.json');
    await writeFile(bad, JSON.stringify({ name: 'typo', changes: [{ kind: 'connect_unions', a: 'tmnit', b: 'tmmit' }] }));
    await page.getByLabel('提案の JSON を読み込む').setInputFiles(bad);
    const alert = page.getByRole('alert');
    await alert.getByText('tsunagu-bad-what-if.json: /changes/0/b: 「tmmit」はデータにありません / “tmmit” is not in the data').waitFor();
    assert.equal(await page.locator('ol.changes li').count(), 2);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unsaved what-if survives a reload and a visit to another view', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/whatif');
    await page.getByLabel('提案の名前').fill('保存していない提案');
    await addChange(page, 'ユニオン同士を接続', 'TMNIT in Hokkaido', SUZURAN);
    assert.equal(await page.locator('ol.changes li').count(), 1);
    await page.reload();
    await page.locator('ol.changes li').first().waitFor();
    assert.equal(await page.getByLabel('提案の名前').inputValue(), '保存していない提案');
    assert.equal(await page.locator('ol.changes li').count(), 1);
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '市立札幌病院'), '—→1');
    await app.navLink('network').click();
    await app.navLink('whatif').click();
    await page.locator('ol.changes li').first().waitFor();
    assert.equal(await page.getByLabel('提案の名前').inputValue(), '保存していない提案');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the planner runs under a saved what-if and says it is hypothetical', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/whatif');
    await page.getByLabel('提案の名前').fill('みきが ICT に加入');
    await addChange(page, '施設がユニオンに加入', 'みきファミリークリニック', 'ICTネットワーク');
    await page.getByRole('button', { name: '端末に保存' }).click();
    // Today: 北海道大学病院 hosts only ICTネットワーク, so join it.
    await app.goto('/?f=miki-family-clinic&t=hokudai');
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    await app.goto('/whatif');
    await page.getByRole('button', { name: '開く：みきが ICT に加入' }).click();
    await page.getByRole('link', { name: 'この提案の下で経路プランを見る（仮定）' }).click();
    await page.getByText('仮定のプラン：提案「みきが ICT に加入」を適用した結果です。').waitFor();
    await app.chooseFacility('みき', 'みきファミリークリニック');
    // The form lists the membership the what-if gives as the what-if's, not
    // as one みき has today.
    await page.locator('.chosen-facility').getByText('ICTネットワーク（もしも：提案された加入）', { exact: false }).waitFor();
    await app.addTarget('北海道大学', '北海道大学病院');
    // Today's plan on the report's data comes first, whole and said to be
    // confirmed; then, under the what-if, みき is an ICT member: nothing to
    // join, no relay, and the title says that holds only if the proposal
    // comes true (a proposal, not a reading of today that may be right).
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク', '提案が実現すれば加入不要']);
    await app.card(0).getByText('確認済みのプラン：報告書のデータと確認済みの規則だけで作ったプランです。').waitFor();
    await page.getByText('中継なし（直接開示）').first().waitFor();
    // The card says which what-if it rests on, itself (it prints alone),
    // with the confirmed answer, and its printed rules say the data is not
    // the report's.
    await app.card(1).getByRole('note').filter({ hasText: '仮定のプラン：提案「みきが ICT に加入」を適用した結果です。' }).waitFor();
    await app.card(1).getByText('確認済みの規則での答え：1 ユニオンに加入: ICTネットワーク。').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await app.card(1).getByText('仮定のプラン：提案「みきが ICT に加入」').isVisible(), true);
    await app.card(1).getByText('（ただしデータは提案「みきが ICT に加入」を適用した仮定のものです）', { exact: false }).waitFor();
    await page.emulateMedia({ media: null });
    // The link names the what-if by its id and its contents.
    assert.match(page.url(), /p=p1&ph=[0-9a-f]{16}/);
    const shared = page.url();
    assert.deepEqual(await seriousViolations(page), []);
    // Leaving the hypothesis gives today's plans again.
    await page.getByRole('link', { name: '仮定を外す' }).click();
    assert.deepEqual(await app.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    assert.deepEqual(problems, []);
    await context.close();

    // Another device has a what-if of its own saved as p1: the shared link
    // is not applied to it, and the planner says so.
    const other = await openPage(env.browser);
    const elsewhere = new PlannerPage(other.page, env.server.url);
    await elsewhere.goto('/whatif');
    await other.page.getByLabel('提案の名前').fill('別の提案');
    await addChange(other.page, '施設がユニオンに加入', 'みきファミリークリニック', 'ICTネットワーク');
    await other.page.getByRole('button', { name: '端末に保存' }).click();
    await other.page.goto(shared);
    await other.page.getByText('リンクにある提案はこの端末に保存されていないため、実際のデータで計算しています。').waitFor();
    assert.equal(await other.page.getByText('提案「別の提案」を適用した結果です', { exact: false }).count(), 0);
    assert.deepEqual(await elsewhere.planTitles(), ['1 ユニオンに加入: ICTネットワーク']);
    assert.deepEqual(other.problems, []);
    await other.context.close();
  });

  test('a what-if file that cannot be read is refused by name, and the draft stays as it was', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/whatif');
    // The add button is off while A and B are the same, and says why.
    assert.equal(await page.getByRole('button', { name: 'この変更を追加' }).isDisabled(), true);
    await page.getByText('A と B に同じものを選んでいるため、追加できません。').waitFor();
    await page.getByLabel('提案の名前').fill('下書き');
    await page.locator('#what-if-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x", "changes": [') });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json を読み込めませんでした（何も変わっていません）：' });
    await alert.waitFor();
    assert.equal(await page.getByLabel('提案の名前').inputValue(), '下書き');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the report’s next step in figures, tried as a what-if, and the reach matrix under the assumption', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/whatif');
    const next = page.getByRole('region', { name: '報告書の次のステップ「全体でユニオンを繋げる」' });
    // Worked by hand: the seven 開示病院 each host one union, and nothing
    // connects the unions today. A facility in no union joins all seven, a
    // TMNIT member the other six; with every union connected to every
    // other, any one union reaches the rest with one relay.
    await next.getByText('開示病院 7 か所すべて').waitFor();
    const row = (name) => next.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
    assert.deepEqual(await row('どのユニオンにも入っていない施設').allTextContents(), [
      '7 ユニオンに加入（中継なし）', '1 ユニオンに加入（中継 最大 1 回）',
    ]);
    assert.deepEqual(await row('TMNIT in Hokkaido の会員').allTextContents(), [
      '6 ユニオンに加入（中継なし）', '加入不要（中継 最大 1 回）',
    ]);

    // The assumption changes the matrix: TMNIT's host 手稲溪仁会 has an
    // agreement with 北大 and with がんセンター (1 relay), and 北大 an ID-Link
    // link with 天使病院 (2); 市立札幌 and KKR have no links at all.
    const assume = page.getByRole('checkbox', { name: ASSUME_AGREEMENTS });
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '北海道大学病院'), '—');
    await assume.check();
    await page.getByRole('note').filter({ hasText: '未確認の仮定' }).waitFor();
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '北海道大学病院'), '1');
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '北海道がんセンター'), '1');
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '天使病院'), '2');
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '市立札幌病院'), '—');
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', 'KKR札幌医療センター'), '—');
    // Every table says so itself, not only the note above them: read alone,
    // or cropped into minutes, 「現在」 must not pass for today's fact.
    const captions = await page.locator('.whatif-results table caption').allTextContents();
    assert.ok(captions.length >= 2, captions.join(' | '));
    for (const caption of captions) assert.match(caption, /（未確認の仮定のもとで）$/);
    await page.locator('table.pairs').getByRole('columnheader', { name: '現在（仮定）', exact: true }).waitFor();
    await assume.uncheck();
    await page.getByRole('note').filter({ hasText: '未確認の仮定' }).waitFor({ state: 'detached' });
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '北海道大学病院'), '—');
    assert.equal(await page.locator('.whatif-results table caption').filter({ hasText: '仮定' }).count(), 0);

    // 「この提案を試す」 loads the what-if: every pair of the 7 unions, 21 links.
    await next.getByRole('button', { name: 'この提案を試す' }).click();
    await page.waitForFunction(() => document.getElementById('what-if-name')?.value === '全体でユニオンを繋げる');
    assert.equal(await page.locator('ol.changes li').count(), 21);
    assert.equal(await matrixCell(page, 'TMNIT in Hokkaido', '市立札幌病院'), '—→1');
    assert.equal(await matrixCell(page, 'KKR札幌医療センター', '手稲溪仁会病院'), '—→1');
    assert.deepEqual(await seriousViolations(page), []);

    // The name the app gave an unsaved draft follows the language; a name
    // the user typed, or a saved what-if's, stays.
    const name = page.locator('#what-if-name');
    const nameIs = (value) => page.waitForFunction((v) => document.getElementById('what-if-name')?.value === v, value);
    await page.getByRole('button', { name: 'English' }).click();
    await nameIs('Connect every union');
    await page.getByRole('button', { name: 'New what-if', exact: true }).click();
    await nameIs('New what-if');
    await page.getByRole('button', { name: '日本語' }).click();
    await nameIs('新しい提案');
    await page.getByRole('button', { name: '端末に保存' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'What if (connecting the unions)' }).waitFor();
    assert.equal(await name.inputValue(), '新しい提案');
    await page.getByRole('button', { name: 'New what-if', exact: true }).click();
    await nameIs('New what-if');
    await name.fill('東区の案');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'もしも（つながったら）' }).waitFor();
    assert.equal(await name.inputValue(), '東区の案');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
