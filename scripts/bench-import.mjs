// Measures importing a large dataset in headless Chromium against the
// release build in dist/ (or $DIST): the time to the preview, the time to
// apply it, and the longest main-thread tasks (what a user feels as a freeze);
// then the time from a click on データ's 施設 button to the facilities
// table drawn (every row's sort keys and search text are built; the cells
// only for the 500 rows drawn), and from a search typed into that table
// to its answer: the first (施設1799, one input event) and the next
// keystroke (施設17999).
//
//   [DIST=dir] node scripts/bench-import.mjs [FACILITIES=180000]
//   [DIST=dir] node scripts/bench-import.mjs --japan
//
// The file is made at run time from the bundled dataset plus synthetic
// facilities (named テスト施設N), so nothing large is committed. With
// --japan it is the CLI's synthetic Japan instead (`tsunagu synth --scale
// japan --seed 1`: 8,000 hospitals, 1,000 unions, 19,202 links, 180,000
// facilities), and the searches are skipped. Either way, each of データ's
// tables is then shown in turn and timed in the page, from the click to the
// frame after its caption changes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

import { launchBrowser } from '../e2e/support/browser.mjs';
import { startServer } from '../e2e/support/server.mjs';

const japan = process.argv.includes('--japan');
const count = japan ? 180000 : Number(process.argv[2] ?? 180000);
const root = resolve(import.meta.dirname, '..');
const data = JSON.parse(await readFile(join(root, 'assets/data/sapporo.json'), 'utf8'));
const unions = data.unions.map((u) => u.id);
const wards = data.wards.map((w) => w.id);
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
data.facilities = Array.from({ length: count }, (_, i) => ({
  id: `f${i}`,
  name: `テスト施設${i}`,
  kind: 'clinic',
  ward: wards[Math.floor(random() * wards.length)],
  memberships: [...new Set([0, 1].map(() => unions[Math.floor(random() * unions.length)]))].map((union) => ({
    union,
    source: { section: 'intro' },
  })),
  sources: [{ section: 'intro' }],
}));
for (const member of data.council.members) delete member.facility;
const file = join(await mkdtemp(join(tmpdir(), 'tsunagu-bench-')), 'large.json');
if (japan) {
  execFileSync('cargo', ['run', '--quiet', '--bin', 'tsunagu', '--', 'synth', '--scale', 'japan', '--seed', '1', '--out', file], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} else {
  await writeFile(file, JSON.stringify(data));
}
const size = (await readFile(file)).length;

const server = await startServer(process.env.DIST ? resolve(process.env.DIST) : undefined);
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(`${server.url}/#/data`);
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({
    type: 'longtask',
    buffered: true,
  });
});
const t0 = performance.now();
await page.getByLabel('ファイルを取り込む（JSON または CSV）').setInputFiles(file);
const confirm = page.getByRole('button', { name: 'この内容で取り込む' });
await confirm.waitFor({ timeout: 300000 });
const t1 = performance.now();
await confirm.click();
await page.getByText('この端末で変更したデータを表示しています').waitFor({ timeout: 300000 });
const t2 = performance.now();
const long = await page.evaluate(() => window.__long);
const t3 = performance.now();
await page.getByRole('group', { name: '表の切り替え' }).getByRole('button', { name: /^施設\s*\d+$/ }).click({ timeout: 600000 });
await page.getByRole('table', { name: /^施設/ }).locator('tbody tr').nth(Math.min(count, 500) - 1).waitFor({ timeout: 600000 });
const t4 = performance.now();
// テスト施設1799 and テスト施設17990…17999 and テスト施設179900…179999
// (111); then テスト施設17999 and テスト施設179990…179999 (11).
const searches = count >= 180000 && !japan ? [['施設1799', 111], ['施設17999', 11]] : [];
const searchMs = [];
for (const [text, rows] of searches) {
  const search = page.getByRole('searchbox', { name: '表を検索' });
  const t = performance.now();
  await search.fill(text);
  await page.getByRole('status').filter({ hasText: `件中 ${rows} 件を表示` }).waitFor({ timeout: 600000 });
  searchMs.push(performance.now() - t);
}
// Every table in turn, timed in the page (no locator polling on its thread).
const tables = [];
for (const label of ['病院', 'ユニオン', '病院間の連携', '記載の食い違い', '施設']) {
  const [rows, ms] = await page.evaluate(async (label) => {
    const button = [...document.querySelectorAll('.segmented button')].find((b) => b.firstChild.textContent.trim() === label);
    const t0 = performance.now();
    button.click();
    await new Promise((ok) => {
      const poll = () => (document.querySelector('.sort-table caption')?.textContent.startsWith(label) ? ok() : setTimeout(poll, 0));
      poll();
    });
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return [button.querySelector('.count').textContent, performance.now() - t0];
  }, label);
  tables.push(`${label} (${rows}) ${ms.toFixed(0)} ms`);
}
await browser.close();
await server.close();

console.log('| file | to preview | to apply | longest main-thread tasks | facilities table drawn | a search answered: first, next keystroke | each table shown (records), in turn |');
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| ${japan ? 'synthetic Japan' : `report + ${count} facilities`}, ${(size / 1e6).toFixed(1)} MB | ${(t1 - t0).toFixed(0)} ms | ${(t2 - t1).toFixed(0)} ms | ${long
    .sort((a, b) => b - a)
    .slice(0, 3)
    .join(', ')} ms | ${(t4 - t3).toFixed(0)} ms | ${searchMs.length ? `${searchMs.map((ms) => ms.toFixed(0)).join(', ')} ms` : '—'} | ${tables.join('; ')} |`,
);
