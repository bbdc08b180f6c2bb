// The ネットワーク view: the Hokkaido and Sapporo maps, search, details with
// sources, filters, keyboard pan and zoom, the table twin, and exports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { AppPage } from './pages/app-page.mjs';

const env = withAppServer();

async function open(viewport) {
  const { context, page, problems } = await openPage(env.browser, viewport ? { viewport } : undefined);
  const app = new AppPage(page, env.server.url);
  await app.goto('/network');
  return { context, page, problems, app };
}

const map = (page) => page.getByRole('group', { name: 'ネットワーク図', exact: true });
const node = (page, name) => map(page).getByRole('button', { name, exact: true });

/** The rows of the table twin whose caption starts with `caption`. */
async function twinRows(page, caption) {
  await page.getByText('図の内容を表で見る').click();
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table.locator('tbody tr').count();
}

describe('the network view', () => {
  test('Hokkaido shows every hospital and union, placed true to geography', async () => {
    const { context, page, problems } = await open();
    // The report: 24 hospitals (7 on ID-Link) and 7 unions; no facilities at this level.
    assert.equal(await twinRows(page, '図の点'), 24 + 7);
    // 8 agreements, 8 ID-Link partner entries, 7 unions each with one host.
    assert.equal(await twinRows(page, '図の線'), 8 + 8 + 7);
    // 函館 lies south-west of 札幌, 釧路 far east: compare the drawn positions.
    const box = async (name) => node(page, name).boundingBox();
    const [sapporo, hakodate, kushiro] = [await box('北海道大学病院'), await box('市立函館病院'), await box('市立釧路総合病院')];
    assert.ok(hakodate.x < sapporo.x && hakodate.y > sapporo.y, 'Hakodate is south-west of Sapporo');
    assert.ok(kushiro.x > sapporo.x + 200, 'Kushiro is east of Sapporo');
    assert.deepEqual(await seriousViolations(page), []);
    // The 14 振興局 and the four cities the report names, from 国土数値情報 N03, with its credit.
    assert.equal(await map(page).locator('[data-region]').count(), 14);
    const cities = await map(page).locator('[data-city]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')).sort());
    assert.deepEqual(cities, ['01202', '01206', '01213', '01236']);
    await page.getByText('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('search, details with sources, neighbours and filters on the Sapporo map', async () => {
    const { context, page, problems } = await open();
    await page.getByLabel('札幌市（区ごと）').check();
    // Wards carry the report's counts of viewing facilities: 手稲区 42.
    await node(page, '手稲区 42').waitFor();
    await page.getByRole('searchbox', { name: '名前で探す' }).fill('北海道大学');
    await page.getByText('1 件が一致').waitFor();
    await page.getByRole('searchbox', { name: '名前で探す' }).press('Enter');
    const details = page.getByRole('complementary', { name: '詳細' });
    await details.getByRole('heading', { name: '北海道大学病院' }).waitFor();
    // Both readings of its linked institutions, and the report's sections as sources.
    await details.getByText('1,714 / 1,719').waitFor();
    assert.ok((await details.locator('.sources li').count()) >= 3);
    // Its links to other hospitals are listed as sharing between hospitals,
    // never as a way in for a union's members.
    await details.getByRole('heading', { name: '病院間の連携（参考：閲覧の経路ではありません）' }).waitFor();
    await details.getByText('施設がこの病院の記録を閲覧できるのは、この病院がホストするユニオンに加入したときだけです。', { exact: false }).waitFor();
    // Hovering a union lights its neighbours and dims the rest.
    await node(page, 'ICTネットワーク').hover();
    assert.equal(await node(page, '北海道大学病院').getAttribute('opacity'), '1');
    assert.equal(await node(page, '天使病院').getAttribute('opacity'), '0.2');
    // Esc closes the details.
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    // Filters: only 救命救急センター hospitals, and no membership lines.
    const before = await twinRows(page, '図の線');
    await page.getByLabel('病院の指定').selectOption({ label: '救命救急センター' });
    await page.getByLabel('加入（施設 → ユニオン）').uncheck();
    await node(page, '天使病院').waitFor({ state: 'detached' });
    assert.ok((await twinRows(page, '図の線')) < before);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on the Sapporo map at the default zoom no two visible labels overlap (1366×768)', async () => {
    const { context, page, problems } = await open({ width: 1366, height: 768 });
    await page.getByLabel('札幌市（区ごと）').check();
    await node(page, /^中央区/).waitFor();
    const boxes = await map(page).locator('text').evaluateAll((texts) =>
      texts
        .filter((t) => t.getClientRects().length > 0 && getComputedStyle(t).visibility !== 'hidden')
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        })
        .filter((b) => b.right > b.left && b.bottom > b.top),
    );
    assert.ok(boxes.length >= 15, `only ${boxes.length} labels are drawn`);
    // The ten wards are drawn as their outlines, each named with its figure.
    const codes = await map(page).locator('[data-ward]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ward')));
    assert.deepEqual([...new Set(codes)].sort(), ['01101', '01102', '01103', '01104', '01105', '01106', '01107', '01108', '01109', '01110']);
    assert.equal(await map(page).locator('[data-ward="01109"]').getAttribute('aria-label'), '手稲区：ID-Link 閲覧施設 42');
    await page.getByText('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成').waitFor();
    const overlapping = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping.push(`${a.text} × ${b.text}`);
      }
    }
    assert.deepEqual(overlapping, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('pan and zoom work from the keyboard, the mouse wheel and dragging', async () => {
    const { context, page, problems } = await open();
    const level = page.locator('.map-zoom-level');
    const transform = () => map(page).locator(':scope > g').first().getAttribute('transform');
    await map(page).focus();
    await page.keyboard.press('+');
    await level.filter({ hasNotText: '×1.0' }).waitFor();
    const zoomed = await transform();
    await page.keyboard.press('ArrowLeft');
    assert.notEqual(await transform(), zoomed, 'arrow keys pan');
    await page.keyboard.press('0');
    await level.filter({ hasText: '×1.0' }).waitFor();
    const box = await map(page).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await level.filter({ hasNotText: '×1.0' }).waitFor();
    const wheeled = await transform();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await transform(), wheeled, 'dragging pans');
    // Two touch points moving apart zoom in (a pinch).
    await page.keyboard.press('0');
    await map(page).evaluate((svg) => {
      const b = svg.getBoundingClientRect();
      const touch = (type, id, x) => new PointerEvent(type, {
        pointerId: id, pointerType: 'touch', clientX: x, clientY: b.y + b.height / 2, bubbles: true, cancelable: true,
      });
      const mid = b.x + b.width / 2;
      svg.dispatchEvent(touch('pointerdown', 11, mid - 20));
      svg.dispatchEvent(touch('pointerdown', 12, mid + 20));
      for (let d = 25; d <= 80; d += 5) svg.dispatchEvent(touch('pointermove', 12, mid + d));
      svg.dispatchEvent(touch('pointerup', 11, mid - 20));
      svg.dispatchEvent(touch('pointerup', 12, mid + 80));
    });
    const pinched = Number((await level.textContent()).replace('×', ''));
    assert.ok(pinched >= 1.5, `pinch zoomed to ×${pinched}`);
    // Tab reaches one node; the arrows then move between nodes, not the page.
    await page.getByRole('button', { name: '全体を表示' }).click();
    await map(page).focus();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.ok(first && second && first !== second, `${first} → ${second}`);
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary', { name: '詳細' });
    await details.getByRole('heading', { name: second }).waitFor();
    // Its close button gives focus back to the point, not to the page.
    await details.locator('.details-close').focus();
    await page.keyboard.press('Enter');
    await details.waitFor({ state: 'detached' });
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, second);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the current view exports as SVG and as PNG', async () => {
    const { context, page, problems } = await open();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG で保存' }).click()]);
    assert.equal(svg.suggestedFilename(), 'tsunagu-network-hokkaido.svg');
    const text = await readFile(await svg.path(), 'utf8');
    assert.match(text, /^<\?xml/);
    assert.match(text, /<svg width="1000" height="890"/);
    assert.match(text, /北海道大学病院/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG で保存' }).click()]);
    assert.equal(png.suggestedFilename(), 'tsunagu-network-hokkaido.png');
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the map's size, for slides.
    assert.equal(bytes.readUInt32BE(16), 2000);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
