// End-to-end tests of the データ and 地域 views: the bundled data as tables,
// search, sorting from the keyboard, sources, and the ward coverage figures
// checked against the report's printed numbers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { TablePage } from './pages/data-page.mjs';

const env = withAppServer();

async function open(route) {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1366, height: 900 } });
  const app = new TablePage(page, env.server.url);
  await app.goto(route);
  return { context, app, page, problems };
}

describe('the データ view', () => {
  test('lists the seven disclosing hospitals among the others, each with a source', async () => {
    const { context, app, problems } = await open('/data');
    const names = await app.rowNames('病院');
    for (const name of ['市立札幌病院', 'NTT東日本札幌病院', '北海道大学病院', '天使病院', '北海道がんセンター', 'KKR札幌医療センター', '手稲溪仁会病院']) {
      assert.ok(names.some((n) => n.startsWith(name)), `${name} in ${names}`);
    }
    const hokudai = app.bodyRows('病院').filter({ hasText: '北海道大学病院' }).first();
    // Both printed readings of 連携医療機関数, and the discrepancy flag.
    await hokudai.getByText('1,714 / 1,719').waitFor();
    await hokudai.getByText('記載に食い違いあり').waitFor();
    await hokudai.getByText('北海道大学病院の紹介').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('search narrows the rows, and full-width letters match', async () => {
    const { context, app } = await open('/data');
    await app.search().fill('函館');
    assert.deepEqual(
      (await app.rowNames('病院')).sort(),
      ['函館中央病院', '函館五稜郭病院', '国立函館病院', '市立函館病院'],
    );
    await app.search().fill('ＫＫＲ');
    assert.equal(await app.bodyRows('病院').count(), 1);
    await app.search().fill('存在しない病院');
    await app.page.getByText('一致する行はありません。').waitFor();
    await context.close();
  });

  test('columns sort from the keyboard, and say how they are sorted', async () => {
    const { context, app, page } = await open('/data');
    const beds = app.sortButton('病院', '病床数');
    await beds.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const header = app.table('病院').getByRole('columnheader', { name: '病床数' });
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const names = await app.rowNames('病院');
    // 944 beds, then 672, 670: typed in from the report's table.
    assert.ok(names[0].startsWith('北海道大学病院'), names[0]);
    assert.ok(names[1].startsWith('市立札幌病院'), names[1]);
    assert.ok(names[2].startsWith('手稲溪仁会病院'), names[2]);
    await context.close();
  });

  test('every table is reachable and passes axe-core', async () => {
    const { context, app } = await open('/data');
    for (const [button, caption, rows] of [
      ['ユニオン', 'ユニオン', 7],
      ['病院間の連携', '病院間の連携', 16],
      ['施設', '施設', 9],
      ['記載の食い違い', '記載の食い違い', null],
      ['病院', '病院', null],
    ]) {
      await app.tableSwitch(button).click();
      await app.table(caption).waitFor();
      if (rows !== null) assert.equal(await app.bodyRows(caption).count(), rows, caption);
      assert.deepEqual(await seriousViolations(app.page), [], caption);
    }
    await app.tableSwitch('ユニオン').click();
    const unions = await app.rowNames('ユニオン');
    assert.ok(unions.some((n) => n.includes('すずらんネット')), unions.join());
    await context.close();
  });
});

describe('the 地域 view', () => {
  test('shows every ward and the printed totals', async () => {
    const { context, app, problems } = await open('/wards');
    const caption = '区ごとの ID-Link 閲覧施設';
    assert.equal(await app.bodyRows(caption).count(), 10);
    const total = app.table(caption).locator('tfoot tr');
    // 合計 row of the report: 1,959,512 people, 1,308 institutions, 145 viewing facilities.
    for (const figure of ['1,959,512', '1,096,729', '1,308', '145']) {
      await total.getByText(figure, { exact: true }).waitFor();
    }
    const teine = app.bodyRows(caption).filter({ hasText: '手稲区' });
    await teine.getByText('56.0', { exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('wrapped headings keep each sort arrow with its label and break Japanese between phrases', async () => {
    // At 1100 px the nine columns' headings wrap onto two lines.
    const { context, page } = await openPage(env.browser, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.server.url}/#/wards`);
    const table = page.locator('.wards-table table');
    await table.waitFor();
    const headings = await table.locator('thead button.sort').evaluateAll((buttons) =>
      buttons.map((button) => {
        const label = button.firstChild;
        const range = document.createRange();
        // The label's last line: where its last character sits.
        range.setStart(label, label.length - 1);
        range.setEnd(label, label.length);
        const last = range.getClientRects()[0];
        const arrow = button.querySelector('.sort-arrow').getBoundingClientRect();
        // Each line of the label, as the text on it.
        const lines = new Map();
        for (let i = 0; i < label.length; i += 1) {
          range.setStart(label, i);
          range.setEnd(label, i + 1);
          const top = Math.round(range.getClientRects()[0]?.top ?? -1);
          lines.set(top, (lines.get(top) ?? '') + label.data[i]);
        }
        return { label: label.data, lines: [...lines.values()].map((l) => l.trim()), apart: Math.abs(arrow.top - last.top) > last.height / 2 };
      }),
    );
    assert.ok(headings.some((h) => h.lines.length > 1), `some heading wraps at 1100 px: ${JSON.stringify(headings)}`);
    for (const heading of headings) {
      assert.equal(heading.apart, false, `${heading.label}'s arrow is on a line of its own`);
      for (const word of ['あたり', '閲覧施設', '医療機関', '世帯数']) {
        if (heading.label.includes(word)) assert.ok(heading.lines.some((l) => l.includes(word)), `${word} split in ${JSON.stringify(heading.lines)}`);
      }
    }
    await context.close();
  });

  test('the chart follows the chosen measure, and has a text twin', async () => {
    const { context, app, page } = await open('/wards');
    const chart = page.getByRole('img', { name: /区ごとの閲覧施設の割合/ });
    assert.match(await chart.getAttribute('aria-label'), /医療機関 100 あたり/);
    await page.getByRole('radio', { name: '人口 10 万人あたり' }).check();
    assert.match(await chart.getAttribute('aria-label'), /人口 10 万人あたり/);
    await page.getByText('棒グラフの値（表と同じ）').click();
    // 42 viewing facilities among 141,260 people.
    await page.getByText('手稲区: 29.7').waitFor();
    await context.close();
  });

  test('the ward map: ten wards by JIS code, named with their figure, shaded by the chosen measure, and a pick lights up the row', async () => {
    const { context, app, page, problems } = await open('/wards');
    const map = page.getByRole('group', { name: /^区ごとの地図/ });
    const codes = await map.locator('[data-ward]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ward')));
    assert.deepEqual([...new Set(codes)].sort(), ['01101', '01102', '01103', '01104', '01105', '01106', '01107', '01108', '01109', '01110']);
    // 手稲区 (01109): 56.0 viewing facilities per 100 institutions, the most; 南区 1.4, the least.
    const teine = map.getByRole('button', { name: '手稲区：医療機関 100 あたり 56.0' });
    assert.equal(await teine.getAttribute('data-ward'), '01109');
    const minami = map.getByRole('button', { name: '南区：医療機関 100 あたり 1.4' });
    assert.notEqual(await teine.getAttribute('fill'), await minami.getAttribute('fill'));
    // The raw count: 手稲区 has 42.
    await page.getByRole('radio', { name: 'ID-Link 閲覧施設' }).check();
    await map.getByRole('button', { name: '手稲区：ID-Link 閲覧施設 42' }).waitFor();
    // A click picks the ward: its row lights up; Enter on another moves it.
    await map.getByRole('button', { name: /^手稲区：/ }).click();
    const caption = '区ごとの ID-Link 閲覧施設';
    await app.table(caption).locator('tr.highlighted').filter({ hasText: '手稲区' }).waitFor();
    await map.getByRole('button', { name: /^中央区：/ }).focus();
    await page.keyboard.press('Enter');
    await app.table(caption).locator('tr.highlighted').filter({ hasText: '中央区' }).waitFor();
    assert.equal(await app.table(caption).locator('tr.highlighted').count(), 1);
    // The credit line the boundary data requires, inside the picture so that
    // it travels with an export.
    await map.getByText('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成').waitFor();
    // Zoom and pan, by the buttons and the keys, and back.
    const box = async () => (await map.getAttribute('viewBox')).split(' ').map(Number);
    const [, , whole] = await box();
    await page.getByRole('button', { name: '拡大' }).click();
    assert.ok((await box())[2] < whole, 'zoomed in');
    const [x] = await box();
    await map.getByRole('button', { name: /^手稲区：/ }).focus();
    await page.keyboard.press('ArrowRight');
    assert.ok((await box())[0] > x, 'panned right');
    await page.keyboard.press('0');
    assert.equal((await box())[2], whole);
    // SVG and PNG exports.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG で保存' }).click()]);
    const text = await readFile(await svg.path(), 'utf8');
    assert.equal((text.match(/data-ward="0110/g) ?? []).length, 9);
    assert.ok(text.includes('data-ward="01110"') && text.includes('国土数値情報'));
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG で保存' }).click()]);
    assert.deepEqual([...(await readFile(await png.path())).subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('designation coverage matches the report and names who is missing', async () => {
    const { context, page } = await open('/wards');
    const emergency = page.getByRole('listitem').filter({ hasText: '救命救急センター' });
    await emergency.getByText('3/5').waitFor();
    await emergency.getByText(/札幌医科大学附属病院/).waitFor();
    await emergency.getByText(/北海道医療センター/).waitFor();
    const perinatal = page.getByRole('listitem').filter({ hasText: '周産期母子医療センター' });
    await perinatal.getByText('5/8').waitFor();
    await context.close();
  });
});
