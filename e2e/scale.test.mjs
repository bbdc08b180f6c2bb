// Japan's scale: a synthetic network of 8,000 hospitals, 1,000 unions and
// 180,000 facilities, made at test time by `tsunagu synth`, goes in through
// the import path; the planner answers on it, a long run can be cancelled,
// and the views that cannot draw it all aggregate and say so.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const env = withAppServer();
const root = resolve(import.meta.dirname, '..');
let file;
let data;

before(async () => {
  file = join(await mkdtemp(join(tmpdir(), 'tsunagu-japan-')), 'japan.json');
  execFileSync('cargo', ['run', '--quiet', '--bin', 'tsunagu', '--', 'synth', '--scale', 'japan', '--seed', '1', '--out', file], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  data = JSON.parse(await readFile(file, 'utf8'));
});

/** Moves within the app without reloading (the imported data is too big to keep on the device). */
async function go(page, route) {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);
  await page.locator('#view-title').waitFor();
}

describe('a japan-scale network', () => {
  test('imports, plans, cancels, and is drawn by region', { timeout: 600_000 }, async () => {
    assert.equal(data.facilities.length, 180_000);
    assert.equal(data.hospitals.length, 8_000);
    const { context, page } = await openPage(env.browser, { viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(240_000);
    const app = new PlannerPage(page, env.server.url);
    await app.goto('/data');
    await page.getByLabel('ファイルを取り込む（JSON または CSV）').setInputFiles(file);
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    // 42 MB does not fit in the browser's storage: the app says so and keeps going.
    await page.getByText('端末の保存容量が足りないため').waitFor();

    // A facility, one of its unions and that union's host, read from the file:
    // a member sees its union's host directly, with nothing to join.
    const facility = data.facilities[0];
    const union = data.unions.find((u) => u.id === facility.memberships[0].union);
    const host = data.hospitals.find((h) => h.id === union.hosts[0]);
    assert.ok(host.discloses);

    // The first plan also sends the 42 MB dataset to the planner's worker: long enough to cancel.
    await go(page, `#/?f=${facility.id}&t=${host.id}`);
    await page.getByRole('button', { name: '中止' }).click();
    await page.getByText('計算を中止しました。').waitFor();

    // Asked again, it answers.
    await go(page, `#/?f=${facility.id}&t=${host.id}&r=0`);
    assert.deepEqual(await app.planTitles(), ['加入不要']);
    await page.getByText('中継なし（直接開示）').first().waitFor();
    // The pick lists stay short and say how many more there are.
    await go(page, '#/');
    await page.getByText('ほかに 179950 件あります。').waitFor();

    // The network view cannot draw 180,000 facilities: it draws regions and says so.
    await go(page, '#/network');
    await page.getByText('データが大きいため（病院 8,000・ユニオン 1,000・施設 180,000）').waitFor();
    await page.getByText('図の内容を表で見る').click();
    const regions = new Set(data.hospitals.map((h) => h.region));
    assert.equal(await page.locator('.map-tables table').first().locator('tbody tr').count(), regions.size);
    // The data view draws at most 500 rows of a table and says how many more there are.
    await go(page, '#/data');
    await page.getByRole('group', { name: '表の切り替え' }).getByRole('button', { name: /^施設\s*\d+$/ }).click();
    await page.getByText('ほかに 179500 件あります。検索で絞り込んでください。').waitFor();
    assert.equal(await page.getByRole('table', { name: /^施設/ }).locator('tbody tr').count(), 501);
    await context.close();
  });
});
