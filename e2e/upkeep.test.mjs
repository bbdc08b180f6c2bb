// End-to-end tests of data upkeep in the データ view: importing the
// council's files (with a preview to confirm, or every problem listed and
// nothing changed), editing with undo and redo, and what is kept on the
// device: reloads, a damaged copy, a full quota. Names from imported files
// are always text, never markup.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { TablePage } from './pages/data-page.mjs';
import { PlannerPage } from './pages/planner-page.mjs';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

const env = withAppServer();

async function open(route = '/data', { initScript } = {}) {
  const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1366, height: 900 } });
  if (initScript) await context.addInitScript(initScript);
  const app = new TablePage(page, env.server.url);
  await app.goto(route);
  return { context, app, page, problems };
}

function fileInput(page) {
  return page.getByLabel('ファイルを取り込む（JSON または CSV）');
}

async function facilityNames(app) {
  await app.tableSwitch('施設').click();
  return app.rowNames('施設');
}

describe('data upkeep', () => {
  test('a column the importer does not read is named in the preview, with its place, instead of being dropped silently', async () => {
    const { context, page, problems } = await open();
    const csv = '施設名,種別,区名,備考\nしろいし薬局,薬局,白石区,新規\n';
    await fileInput(page).setInputFiles({ name: 'misspelt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByRole('region', { name: /misspelt\.csv を取り込むと/ });
    await preview.waitFor();
    await preview.getByText('「区名」の列は読み取らないため、その値は取り込みません（見出しのつづりを確かめてください）').waitFor();
    await preview.getByText('「備考」の列は読み取らないため').waitFor();
    // The ward is then not given, and not guessed: said too.
    await preview.getByText('「区」が書かれていないため、推測せず空のままにします').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a partial Shift_JIS CSV adds and keeps; replacing lists the deletions first; a roster changes one union; a reload keeps it', async () => {
    const { context, app, page, problems } = await open();
    const unionsOf = async (name) => {
      await app.tableSwitch('施設').click();
      const row = app.bodyRows('施設').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      return (await row.locator('td').nth(2).textContent()).split('、').filter(Boolean).sort();
    };

    // 1. The default mode adds the two new facilities and removes nothing.
    await fileInput(page).setInputFiles(resolve(FIXTURES, 'members-sjis.csv'));
    const preview = page.getByRole('region', { name: /members-sjis\.csv を取り込むと/ });
    await preview.waitFor();
    assert.equal(await preview.getByRole('radio', { name: /^追加・更新/ }).isChecked(), true);
    // みき is matched by name and ward: kind, ward and TMNIT are as the data has them.
    await preview.getByText('追加 2・更新 0・変更なし 1・ユニオンから外れる 0・削除 0').waitFor();
    // Each added facility says the ward and the unions its row was matched
    // to: 「すずらんネット」 in the file is 市立札幌病院's union.
    const added = await preview.locator('details.added li').allTextContents();
    assert.deepEqual(added, [
      'さっぽろ内科, 循環器科（区：手稲区、ユニオン：TMNIT in Hokkaido、市立札幌病院 地域医療情報ネットワークシステム）',
      'みなみ薬局\n本店（区：南区、ユニオン：ICTネットワーク）',
    ]);
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal((await facilityNames(app)).length, 9, 'nothing changes before confirming');
    await preview.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    const afterAdd = await facilityNames(app);
    assert.equal(afterAdd.length, 11);
    for (const name of ['札幌秀友会病院', 'ていね泌尿器科', 'みきファミリークリニック']) assert.ok(afterAdd.includes(name), name);
    // Freshness: the file's three are confirmed today; the report's other eight
    // are as of the report (2023-10-31), more than 12 months ago.
    await page.getByLabel(/か月以上確認されていない記録だけを表示/).check();
    const stale = await app.rowNames('施設');
    assert.equal(stale.length, 8);
    assert.ok(!stale.includes('みきファミリークリニック') && !stale.includes('さっぽろ内科, 循環器科'));
    await page.getByLabel(/か月以上確認されていない記録だけを表示/).uncheck();

    // 2. Replacing: the eight the file leaves out are listed, expanded, before anything else,
    // and applying needs the box ticked and names the count.
    await fileInput(page).setInputFiles(resolve(FIXTURES, 'members-sjis.csv'));
    await preview.waitFor();
    // The preview takes focus at its heading (reading turned the input off).
    await page.waitForFunction(() => document.activeElement?.id === 'preview-heading');
    await preview.getByRole('radio', { name: /^置き換え/ }).check();
    const removed = preview.locator('details.removed');
    await removed.getByText('削除される施設（8 件）').waitFor();
    assert.notEqual(await removed.getAttribute('open'), null, 'the list of deletions is expanded');
    assert.equal(await removed.locator('li').count(), 8);
    const firstDetails = preview.locator('details').first();
    assert.equal(await firstDetails.getAttribute('class'), 'removed');
    const replace = preview.getByRole('button', { name: '8 件を削除して置き換える' });
    assert.equal(await replace.isDisabled(), true);
    await preview.getByLabel('削除される 8 件を確認しました').check();
    await replace.click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    // The preview is gone: focus is back on the file input, not lost to the page.
    await page.waitForFunction(() => document.activeElement?.id === 'data-import');
    assert.deepEqual((await facilityNames(app)).sort(), ['さっぽろ内科, 循環器科', 'みきファミリークリニック', 'みなみ薬局\n本店'].sort());

    // 3. ICTネットワーク's roster lists only みき: みなみ薬局 leaves ICT, みき joins it,
    // and さっぽろ内科's unions do not change.
    const before = await unionsOf('さっぽろ内科, 循環器科');
    await fileInput(page).setInputFiles(resolve(FIXTURES, 'ict-roster.csv'));
    const rosterPreview = page.getByRole('region', { name: /ict-roster\.csv を取り込むと/ });
    await rosterPreview.getByRole('radio', { name: /^ユニオンの名簿/ }).check();
    await rosterPreview.getByLabel('名簿のユニオン').selectOption({ label: 'ICTネットワーク' });
    await rosterPreview.getByText('追加 0・更新 1・変更なし 0・ユニオンから外れる 1・削除 0').waitFor();
    await rosterPreview.locator('details.left-union').getByText('みなみ薬局').waitFor();
    await rosterPreview.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    assert.deepEqual(await unionsOf('さっぽろ内科, 循環器科'), before);
    assert.deepEqual(await unionsOf('みなみ薬局\n本店'), []);
    assert.ok((await unionsOf('みきファミリークリニック')).includes('ICTネットワーク'));

    // 4. A reload keeps the result.
    await page.reload();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    assert.deepEqual((await facilityNames(app)).sort(), ['さっぽろ内科, 循環器科', 'みきファミリークリニック', 'みなみ薬局\n本店'].sort());
    assert.ok((await unionsOf('みきファミリークリニック')).includes('ICTネットワーク'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a union’s roster exports as CSV with a BOM and prints alone', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('施設').click();
    await page.getByLabel('名簿のユニオン').selectOption({ label: '札幌医療情報共有システム協議会' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '名簿を CSV で書き出す（Excel 用）' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    // 天使病院's union: the report names one member, みきファミリークリニック.
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^miki-family-clinic,みきファミリークリニック,診療所,東区,/);
    // The A4 sheet: made only when printing is asked for (a union of a
    // national file has tens of thousands of members), then the only thing
    // printed. The browser's print dialog is replaced by a note of what
    // the page held when it was called.
    const sheet = page.locator('#roster-sheet');
    assert.equal(await sheet.count(), 0, 'no sheet in the page until printing');
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = { mark: document.body.dataset.print, sheet: document.getElementById('roster-sheet')?.textContent };
      };
    });
    await page.getByRole('button', { name: '名簿を印刷（A4）' }).click();
    await page.waitForFunction(() => window.__printed);
    const printed = await page.evaluate(() => window.__printed);
    assert.equal(printed.mark, 'roster-sheet');
    assert.match(printed.sheet, /札幌医療情報共有システム協議会 会員名簿/);
    assert.equal(await sheet.isVisible(), false, 'hidden on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await sheet.isVisible(), true);
    assert.equal(await page.getByRole('heading', { name: 'データの管理' }).isVisible(), false);
    await sheet.getByRole('heading', { name: '札幌医療情報共有システム協議会 会員名簿' }).waitFor();
    assert.deepEqual(await sheet.locator('tbody th').allTextContents(), ['みきファミリークリニック']);
    // The dialog closed: the mark and the sheet go.
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await sheet.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.body.dataset.print), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('TMNIT’s roster keeps the eight facilities only on its 幹事一覧 apart from its members, in the CSV and on paper', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('施設').click();
    await page.getByLabel('名簿のユニオン').selectOption({ label: 'TMNIT in Hokkaido' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '名簿を CSV で書き出す（Excel 用）' }).click(),
    ]);
    const rows = (await readFile(await download.path())).toString('utf8').slice(1).trim().split(/\r?\n/).map((l) => l.split(','));
    assert.deepEqual(rows[0], ['ID', '施設名', '種別', '区', 'ユニオン', '幹事一覧のみ（加入は要確認）', '確認日']);
    // The report (p. TMNIT's 幹事一覧) lists eight facilities' officers;
    // only みきファミリークリニック's page carries TMNIT's UNION label.
    const said = rows.slice(1).filter((r) => r[4].includes('TMNIT'));
    const listed = rows.slice(1).filter((r) => r[5] === 'TMNIT in Hokkaido');
    assert.deepEqual(said.map((r) => r[0]), ['miki-family-clinic']);
    assert.equal(listed.length, 8);
    assert.ok(listed.every((r) => r[4] === ''), 'no officer-list row in the ユニオン column');
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.getByRole('button', { name: '名簿を印刷（A4）' }).click();
    await page.waitForFunction(() => window.__printed);
    const names = await page.locator('#roster-sheet tbody th').allTextContents();
    assert.equal(names.length, 9);
    assert.equal(names.filter((n) => n.endsWith('（幹事一覧のみ・加入は要確認）')).length, 8);
    assert.ok(names.includes('みきファミリークリニック'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a broken file is refused with every problem listed, and the data stays as it was', async () => {
    const { context, app, page } = await open();
    // A good file's preview first: the broken file chosen next replaces it,
    // so no 「この内容で取り込む」 of the earlier file is left under the errors.
    const good = '施設名,種別,区\nしろいし薬局,薬局,白石区\n';
    await fileInput(page).setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('region', { name: /good\.csv を取り込むと/ }).waitFor();
    await fileInput(page).setInputFiles(resolve(FIXTURES, 'broken.csv'));
    const alert = page.getByRole('alert').filter({ hasText: 'broken.csv を取り込めませんでした（3 件の問題）' });
    await alert.waitFor();
    // Each row's facility is named beside its line (the nameless row cannot be).
    await alert.getByText('3 行目（わるい内科）2 列（区）').waitFor();
    await alert.getByText('4 行目 1 列（施設名）').waitFor();
    await alert.getByText('5 行目（ふつう内科）3 列（ユニオン）').waitFor();
    await alert.getByText('「火星区」という区はありません').waitFor();
    await alert.getByText('"火星区" names no ward').waitFor();
    await alert.getByText('データは変更していません。').waitFor();
    assert.equal(await page.getByRole('region', { name: /good\.csv を取り込むと/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'この内容で取り込む' }).count(), 0);
    assert.equal((await facilityNames(app)).length, 9);
    await page.getByText('報告書のデータを表示しています。').waitFor();
    // Once the data changes (an edit here; an undo alike), the refusal's
    // 「データは変更していません」 is no longer true, and it is not shown.
    await page.getByRole('button', { name: '＋ 施設を追加' }).click();
    const form = page.getByRole('form', { name: '施設を追加' });
    await form.getByRole('textbox', { name: '名称' }).fill('てすと診療所');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal(await alert.count(), 0);
    await context.close();
  });

  test('an edit can be undone and redone, and a reload keeps it', async () => {
    const { context, app, page } = await open();
    await app.tableSwitch('施設').click();
    await page.getByRole('button', { name: '＋ 施設を追加' }).click();
    const form = page.getByRole('form', { name: '施設を追加' });
    await form.getByRole('textbox', { name: '名称' }).fill('テスト在宅クリニック');
    await form.getByRole('combobox', { name: '所在の区' }).selectOption({ label: '北区' });
    await form.getByRole('checkbox', { name: 'ICTネットワーク' }).check();
    await form.getByRole('button', { name: '保存' }).click();
    await app.bodyRows('施設').filter({ hasText: 'テスト在宅クリニック' }).waitFor();
    assert.equal(await app.bodyRows('施設').count(), 10);

    await page.getByRole('button', { name: '元に戻す' }).click();
    await page.getByText('報告書のデータを表示しています。').waitFor();
    assert.equal(await app.bodyRows('施設').count(), 9);
    // Redo from the keyboard.
    await page.getByRole('button', { name: 'やり直す' }).focus();
    await page.keyboard.press('Control+y');
    await app.bodyRows('施設').filter({ hasText: 'テスト在宅クリニック' }).waitFor();
    // The shortcuts work with focus on the page itself too, as after 保存.
    await page.evaluate(() => document.activeElement?.blur());
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.keyboard.press('Control+z');
    await page.getByText('報告書のデータを表示しています。').waitFor();
    await page.keyboard.press('Control+y');
    await app.bodyRows('施設').filter({ hasText: 'テスト在宅クリニック' }).waitFor();

    await page.reload();
    await app.goto('/data');
    const names = await facilityNames(app);
    assert.ok(names.includes('テスト在宅クリニック'), names.join());
    // The planner uses the edited data too.
    await app.goto('/?f=' + (await page.evaluate(() => JSON.parse(localStorage.getItem('tsunagu.dataset')).dataset.facilities.at(-1).id)) + '&t=hokudai');
    await page.locator('[data-state="done"]').waitFor();
    assert.deepEqual(await page.getByRole('article').getByRole('heading', { level: 4 }).allTextContents(), ['加入不要']);
    // Every view says the data is this device's, not the report's as printed.
    const strip = page.locator('p.edited-data[role="note"]');
    await strip.getByText('この端末で変更したデータを表示しています。報告書に印刷されたままではありません。').waitFor();
    for (const route of ['/wards', '/network']) {
      await app.goto(route);
      await strip.waitFor();
    }
    // 発表モード, without the page frame, says it on its slides.
    await page.evaluate(() => { location.hash = '#/present'; });
    await page.locator('.slide.current .present-edited').getByText('この端末で変更したデータを表示しています。').waitFor();
    await context.close();
  });

  test('the edit form takes focus when it opens, and Esc closes it and gives focus back to its button', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('施設').click();
    const edit = page.getByRole('button', { name: 'みきファミリークリニック を編集' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /みきファミリークリニック/ });
    await form.waitFor();
    const name = form.getByRole('textbox', { name: '名称' });
    await page.waitForFunction(() => document.activeElement?.closest('form.record-form') !== null);
    assert.equal(await name.evaluate((e) => e === document.activeElement), true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.endsWith('を編集') ?? false);
    assert.equal(await edit.evaluate((e) => e === document.activeElement), true);
    assert.equal(await app.bodyRows('施設').count(), 9, 'Esc saved nothing');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a facility saved by hand is confirmed on the form\'s day, by whom it says, and leaves the stale list', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('施設').click();
    const staleFilter = page.getByLabel(/か月以上確認されていない記録だけを表示/);
    await staleFilter.check();
    assert.ok((await app.rowNames('施設')).includes('みきファミリークリニック'), 'as of the report, 2023-10-31');
    await page.getByRole('button', { name: 'みきファミリークリニック を編集' }).click();
    const form = page.getByRole('form', { name: /みきファミリークリニック/ });
    const day = form.getByLabel('確認日');
    // The device's own day, as the form's default.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.equal(await day.inputValue(), today);
    assert.match(await day.evaluate((e) => document.getElementById(e.getAttribute('aria-describedby')).textContent), /これまでの確認日：2023-10-31/);
    await day.fill('2026-11-30');
    await form.getByLabel('確認した窓口（任意）').fill('ICTネットワーク事務局');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    assert.ok(!(await app.rowNames('施設')).includes('みきファミリークリニック'), 'confirmed since: not stale');
    await staleFilter.uncheck();
    await app.bodyRows('施設').filter({ hasText: 'みきファミリークリニック' }).getByText('2026-11-30').waitFor();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('tsunagu.dataset')).dataset.facilities.find((f) => f.id === 'miki-family-clinic'));
    assert.deepEqual([saved.confirmed, saved.confirmed_by], ['2026-11-30', 'ICTネットワーク事務局']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a facility added under a name the data already has is questioned first, and the planner tells the two apart by ward', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('施設').click();
    const before = await app.bodyRows('施設').count();
    await page.getByRole('button', { name: '＋ 施設を追加' }).click();
    const form = page.getByRole('form', { name: '施設を追加' });
    await form.getByRole('textbox', { name: '名称' }).fill('みきファミリークリニック');
    await form.getByRole('combobox', { name: '所在の区' }).selectOption({ label: '北区' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('alert').getByText('「みきファミリークリニック」という名称の記録がすでにあります。', { exact: false }).waitFor();
    assert.equal(await app.bodyRows('施設').count(), before, 'nothing added yet');
    // Saved again, it is added as another facility, and the page says so.
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal(await app.bodyRows('施設').count(), before + 1);
    const note = page.locator('.saved-note');
    assert.equal(await note.textContent(), '「みきファミリークリニック」を保存しました。「元に戻す」で取り消せます。');
    assert.equal(await note.getAttribute('role'), 'status');
    // Undone, the note no longer claims it.
    await page.getByRole('button', { name: '元に戻す' }).click();
    await page.waitForFunction(() => document.querySelector('.saved-note')?.textContent === '');
    assert.equal(await app.bodyRows('施設').count(), before);
    await page.getByRole('button', { name: 'やり直す' }).click();
    assert.equal(await app.bodyRows('施設').count(), before + 1);
    const planner = new PlannerPage(page, env.server.url);
    await planner.goto('/');
    await planner.facilitySearch().fill('みき');
    const metas = await page.locator('.pick .meta').allTextContents();
    assert.ok(metas.includes('北区 · 加入ユニオンなし'), metas.join(' | '));
    assert.ok(metas.some((m) => m.startsWith('東区 · ')), metas.join(' | '));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the network grows by hand: a hospital starts disclosing, hosts a new union, and the planner sends clinics to it', async () => {
    const { context, app, page, problems } = await open();
    await app.tableSwitch('病院').click();
    await page.getByRole('button', { name: '市立函館病院 を編集' }).click();
    const form = page.getByRole('form', { name: /市立函館病院 を編集/ });
    // A count that is not one, and a month that is not one, are each named
    // beside the buttons and marked, focus goes to the first, and nothing
    // is saved.
    const beds = form.getByRole('textbox', { name: '病床数' });
    const goLive = form.getByRole('textbox', { name: 'ID-Link 稼働（YYYY-MM）' });
    await beds.fill('約600');
    await goLive.fill('2026-13');
    await form.getByRole('button', { name: '保存' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('「病床数」は「1,714」や「300以上」のように数字で入力してください。').waitFor();
    await alert.getByText('「ID-Link 稼働（YYYY-MM）」は「2024-04」や「2024年4月」のように年と月で入力してください。').waitFor();
    assert.deepEqual([await beds.getAttribute('aria-invalid'), await goLive.getAttribute('aria-invalid')], ['true', 'true']);
    await page.waitForFunction(() => document.activeElement?.id === 'record-beds');
    await beds.fill('');
    await form.getByRole('checkbox', { name: /ID-Link の開示病院/ }).check();
    // A month as people write it is taken, and kept as YYYY-MM.
    await goLive.fill('2026/10');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    const row = app.bodyRows('病院').filter({ hasText: '市立函館病院' });
    await row.getByText('2026-10').waitFor();
    // The new host is offered for a new union.
    await app.tableSwitch('ユニオン').click();
    await page.getByRole('button', { name: '＋ ユニオンを追加' }).click();
    const union = page.getByRole('form', { name: 'ユニオンを追加' });
    await union.getByRole('textbox', { name: '名称' }).fill('函館テストネット');
    await union.getByRole('checkbox', { name: '市立函館病院' }).check();
    await union.getByRole('button', { name: '保存' }).click();
    await union.waitFor({ state: 'detached' });
    await app.goto('/?f=miki-family-clinic&t=hakodate-municipal');
    await page.locator('[data-state="done"]').waitFor();
    const card = page.getByRole('article').first();
    await card.getByText('函館テストネット').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit the data cannot take is refused with its reason, and the form keeps what was typed', async () => {
    const { context, app, page } = await open();
    await app.tableSwitch('ユニオン').click();
    await page.getByRole('button', { name: '＋ ユニオンを追加' }).click();
    const form = page.getByRole('form', { name: 'ユニオンを追加' });
    await form.getByRole('textbox', { name: '名称' }).fill('開示病院のないユニオン');
    await form.getByRole('button', { name: '保存' }).click();
    // Said inside the form, above its buttons, where the reader is looking.
    await form.getByRole('alert').filter({ hasText: '保存できませんでした' }).getByText('空にはできません').waitFor();
    assert.equal(await form.getByRole('textbox', { name: '名称' }).inputValue(), '開示病院のないユニオン');
    assert.equal(await app.bodyRows('ユニオン').count(), 7);
    await context.close();
  });

  test('a link can be edited and made one-way', async () => {
    const { context, app, page } = await open();
    await app.tableSwitch('病院間の連携').click();
    await page.getByRole('button', { name: '手稲溪仁会病院 ⇄ 北海道大学病院 を編集' }).first().click();
    const form = page.getByRole('form', { name: /を編集$/ });
    await form.getByRole('checkbox', { name: /片方向/ }).check();
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    const row = app.bodyRows('病院間の連携').filter({ hasText: '病院間協定' }).filter({ hasText: '北海道大学病院' }).first();
    await row.getByText('→').waitFor();
    await context.close();
  });

  test('in English, the edit forms name hospitals, unions and wards in English', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /^Unions/ }).click();
    await page.getByRole('button', { name: /^Edit ICT Network/ }).click();
    const form = page.getByRole('form', { name: 'Edit ICT Network (ICTネットワーク)' });
    assert.equal(await form.getByRole('checkbox', { name: 'Hokkaido University Hospital' }).isChecked(), true);
    assert.equal(await form.getByRole('checkbox', { name: '北海道大学病院' }).count(), 0);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: /^Facilities/ }).click();
    await page.getByRole('button', { name: /^Edit みきファミリークリニック/ }).click();
    const facility = page.getByRole('form', { name: 'Edit みきファミリークリニック' });
    assert.equal(await facility.getByRole('combobox', { name: 'Ward' }).locator('option:checked').textContent(), 'Higashi');
    assert.equal(await facility.getByRole('checkbox', { name: 'ICT Network (ICTネットワーク)' }).isChecked(), false);
    await context.close();
  });

  test('damaged storage: the app starts on the report data, says so, and offers the damaged copy', async () => {
    const { context, page } = await open('/data', {
      initScript: () => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('tsunagu.dataset', '{"storage_version":1,"dataset":{"schema_version":1,');
          sessionStorage.setItem('seeded', '1');
        }
      },
    });
    const notice = page.getByRole('alert').filter({ hasText: '壊れていたため' });
    await notice.waitFor();
    await page.getByText('報告書のデータを表示しています。').waitFor();
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: '壊れたデータをダウンロード' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'tsunagu-damaged-data.json');
    assert.equal(
      await page.evaluate(() => localStorage.getItem('tsunagu.dataset.damaged')),
      '{"storage_version":1,"dataset":{"schema_version":1,',
    );
    await notice.getByRole('button', { name: '閉じる' }).click();
    await notice.waitFor({ state: 'detached' });
    await context.close();
  });

  test('a full quota is reported, and what was saved before is kept', async () => {
    const { context, app, page } = await open('/data');
    // A first edit is saved normally…
    await app.tableSwitch('施設').click();
    await app.bodyRows('施設').first().waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'たかだ小児クリニック を削除' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    const saved = await page.evaluate(() => localStorage.getItem('tsunagu.dataset'));
    assert.ok(saved.includes('ていね泌尿器科') && !saved.includes('たかだ小児クリニック'));
    // …then the storage fills up.
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'ていね泌尿器科 を削除' }).click();
    await page.getByRole('alert').filter({ hasText: '保存容量が足りない' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('tsunagu.dataset')), saved);
    await context.close();
  });

  test('a refused JSON file names the record of each problem and says it in plain Japanese', async () => {
    const { context, page } = await open();
    const data = JSON.parse(await readFile(resolve(import.meta.dirname, '..', 'assets', 'data', 'sapporo.json'), 'utf8'));
    const second = data.hospitals[1].name;
    data.hospitals[1].beds = '三百';
    await fileInput(page).setInputFiles({ name: 'beds.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    const alert = page.getByRole('alert').filter({ hasText: 'beds.json を取り込めませんでした' });
    await alert.waitFor();
    // Counted from 1, as the council counts records, the pointer after.
    await alert.getByText(`病院 2 件目（${second}）の「beds」（/hospitals/1/beds）`, { exact: true }).waitFor();
    await alert.getByText('文字列 "三百"が書かれていますが、整数が必要です').waitFor();
    await alert.getByText('データは変更していません。').waitFor();
    await context.close();
  });

  test('names in an imported dataset are shown as text and never run', async () => {
    const { context, app, page, problems } = await open();
    const data = await page.evaluate(async () => (await fetch(location.href)).ok);
    assert.ok(data);
    const bundled = JSON.parse(await page.evaluate(() => {
      // The bundled dataset, as the export button writes it.
      return new Promise((resolveText) => {
        const original = URL.createObjectURL;
        URL.createObjectURL = (blob) => {
          blob.text().then(resolveText);
          URL.createObjectURL = original;
          return original.call(URL, blob);
        };
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'JSON で書き出す').click();
      });
    }));
    const payloads = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">', '<svg onload="window.__pwned = 3"></svg>'];
    bundled.hospitals[0].name = payloads[0];
    bundled.unions[0].name = payloads[1];
    bundled.facilities[0].name = payloads[2];
    await fileInput(page).setInputFiles({ name: 'injection.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundled)) });
    // A whole file replaces the data, and says so; what it changes is listed open.
    const preview = page.getByRole('region', { name: /injection\.json/ });
    await preview.getByText('このファイルで、データ全体を置き換えます。', { exact: false }).waitFor();
    const changed = preview.locator('details.change-list', { hasText: '変更' });
    assert.notEqual(await changed.getAttribute('open'), null, 'the changed records are listed open');
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByText('この端末で変更したデータを表示しています').waitFor();
    assert.ok((await app.rowNames('病院')).some((n) => n.startsWith(payloads[0])));
    await app.tableSwitch('ユニオン').click();
    assert.ok((await app.rowNames('ユニオン')).some((n) => n.startsWith(payloads[1])));
    await app.tableSwitch('施設').click();
    assert.ok((await app.rowNames('施設')).includes(payloads[2]));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img, main script, main svg[onload]').count(), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('/x')), []);
    await context.close();
  });
});
