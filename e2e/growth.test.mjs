// The 成長 view: the timeline plays, pauses and steps; the network and the
// running totals follow the report's dates; undated records are listed, not
// placed; every frame saves as PNG.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { AppPage } from './pages/app-page.mjs';

const env = withAppServer();

describe('the growth view', () => {
  test('plays, pauses and steps, and the totals follow the report', async () => {
    const { context, page, problems } = await openPage(env.browser);
    // The page's clock is Playwright's: time moves only when the test says.
    await page.clock.install();
    const app = new AppPage(page, env.server.url);
    await app.goto('/growth');
    const frame = page.locator('.frame-heading');
    // The first dated founding: TMNIT in Hokkaido, 2012年2月; nothing live yet.
    await frame.filter({ hasText: '2012年2月 時点' }).waitFor();
    await page.getByText('稼働した開示病院 0・発足したユニオン 1').first().waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    // Each frame draws Sapporo's ten wards as their outlines.
    const codes = await page.locator('svg [data-ward]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ward')));
    assert.deepEqual([...new Set(codes)].sort(), ['01101', '01102', '01103', '01104', '01105', '01106', '01107', '01108', '01109', '01110']);

    await page.getByRole('button', { name: '▶ 再生' }).click();
    // Playing moves a month every 300 ms: 12 steps of it reach 2013.
    await page.clock.runFor(12 * 300);
    await frame.filter({ hasText: '2013年2月 時点' }).waitFor();
    await page.getByRole('button', { name: '⏸ 一時停止' }).click();
    await page.getByRole('button', { name: '▶ 再生' }).waitFor();
    const paused = await frame.textContent();
    await page.clock.runFor(10 * 300);
    assert.equal(await frame.textContent(), paused, 'paused stays put');

    // Keyboard: Home, → and ←, End.
    await page.locator('.frame-totals').click();
    await page.keyboard.press('Home');
    await frame.filter({ hasText: '2012年2月 時点' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await frame.filter({ hasText: '2012年3月 時点' }).waitFor();
    // 手稲溪仁会病院 and KKR札幌医療センター went live in 2012-03.
    await page.getByText('稼働した開示病院 2・発足したユニオン 1').first().waitFor();
    await page.locator('.events li').filter({ hasText: '手稲溪仁会病院 が ID-Link を稼働' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await frame.filter({ hasText: '2012年2月 時点' }).waitFor();
    await page.keyboard.press('End');
    await frame.filter({ hasText: '2023年10月 時点' }).waitFor();
    // All seven disclosing hospitals; six unions (KKR's founding month is not in the report).
    await page.getByText('稼働した開示病院 7・発足したユニオン 6').first().waitFor();
    await page.getByRole('listitem').filter({ hasText: 'ユニオン: KKR札幌医療センター' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '病院間の連携: 16' }).waitFor();

    // The hint's keys work from the play button too (Space stays its own).
    await page.getByRole('button', { name: '▶ 再生' }).focus();
    await page.keyboard.press('Home');
    await frame.filter({ hasText: '2012年2月 時点' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await frame.filter({ hasText: '2012年3月 時点' }).waitFor();

    // The slider sets the month too.
    await page.getByRole('slider', { name: '表示する月' }).fill('52');
    await frame.filter({ hasText: '2016年6月 時点' }).waitFor();
    await page.getByText('稼働した開示病院 5・発足したユニオン 5').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a frame saves as PNG, and a milestone jumps to its month', async () => {
    const { context, page, problems } = await openPage(env.browser);
    const app = new AppPage(page, env.server.url);
    await app.goto('/growth');
    await page.getByRole('button', { name: /^2016-06: 北海道大学病院 が ID-Link を稼働|^2016年6月: 北海道大学病院 が ID-Link を稼働/ }).click();
    await page.locator('.frame-heading').filter({ hasText: '2016年6月 時点' }).waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'このコマを PNG で保存' }).click(),
    ]);
    assert.equal(png.suggestedFilename(), 'tsunagu-growth-2016-06.png');
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
