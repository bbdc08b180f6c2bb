// Measures the network view's pan and zoom in headless Chromium against the
// release build in dist/: the main-thread work of each step (the event, Yew's
// re-render, style and layout), with today's data and with the aggregated
// view of a Hokkaido-scale synthetic network. Used by scripts/bench.mjs;
// also runs on its own:
//
//   node scripts/bench-map.mjs
//
// Each step is timed from dispatching the event to a forced style and layout
// after Yew's render (a macrotask later); painting is the compositor's and is
// not included. Steps alternate wheel zooms and drag moves.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const WARMUP = 20;
const STEPS = 200;

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs the steps in the page; resolves to the per-step milliseconds. */
async function steps(page, count) {
  return page.evaluate(async (count) => {
    const svg = document.querySelector('svg.map');
    const box = svg.getBoundingClientRect();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const channel = new MessageChannel();
    const macrotask = () => new Promise((done) => {
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(0);
    });
    const pointer = (type, x, y) =>
      new PointerEvent(type, { pointerId: 7, clientX: x, clientY: y, bubbles: true, cancelable: true, isPrimary: true });
    svg.dispatchEvent(pointer('pointerdown', cx, cy));
    let x = cx;
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const t0 = performance.now();
      if (i % 2 === 0) {
        svg.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 4 === 0 ? -60 : 60, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
      } else {
        x += i % 4 === 1 ? 6 : -6;
        svg.dispatchEvent(pointer('pointermove', x, cy));
      }
      await macrotask();
      void document.body.getBoundingClientRect().height;
      void svg.getBoundingClientRect().height;
      times.push(performance.now() - t0);
    }
    svg.dispatchEvent(pointer('pointerup', x, cy));
    return times;
  }, count);
}

async function measure(page) {
  await steps(page, WARMUP);
  const times = (await steps(page, STEPS)).sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), steps: STEPS };
}

/** Measures both views; `server` and `browser` come from the e2e support. */
export async function measureNetworkView(browser, server) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/#/network`);
  await page.locator('svg.map').waitFor();
  const today = await measure(page);
  const nodes = await page.locator('svg.map .map-node').count();

  // The aggregated view: a Hokkaido-scale network, imported as a user would.
  const file = join(await mkdtemp(join(tmpdir(), 'tsunagu-map-')), 'hokkaido.json');
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'tsunagu', '--', 'synth', '--scale', 'hokkaido', '--seed', '1', '--out', file], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await page.goto(`${server.url}/#/data`);
  await page.getByLabel('ファイルを取り込む（JSON または CSV）').setInputFiles(file);
  await page.getByRole('button', { name: 'この内容で取り込む' }).click({ timeout: 120_000 });
  await page.getByText('この端末で変更したデータを表示しています').waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    window.location.hash = '#/network';
  });
  await page.getByText(/医療圏ごとにまとめて表示/).waitFor();
  const aggregated = await measure(page);
  const regions = await page.locator('svg.map .map-node').count();
  await page.close();
  return { today: { ...today, nodes }, aggregated: { ...aggregated, nodes: regions } };
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;

/** Markdown rows `| budget | goal | measured |`, over-budget figures in bold. */
export function budgetRows(result) {
  const row = (label, r, budget) => {
    const text = `median ${fmt(r.median)}, p95 ${fmt(r.p95)} over ${r.steps} steps, ${r.nodes} nodes`;
    return `| ${label} (main-thread work per step) | ≤ ${budget} ms p95 | ${r.p95 <= budget ? text : `**${text}, over**`} |`;
  };
  return [
    row("network view pan and zoom, today's data", result.today, 16.7),
    row('network view pan and zoom, aggregated Hokkaido view', result.aggregated, 33),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launchBrowser } = await import('../e2e/support/browser.mjs');
  const { startServer } = await import('../e2e/support/server.mjs');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const result = await measureNetworkView(browser, server);
    console.log('| budget | goal | measured |\n|---|---|---|');
    for (const line of budgetRows(result)) console.log(line);
  } finally {
    await browser.close();
    await server.close();
  }
}
