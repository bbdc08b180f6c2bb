// Measures a cold first visit to a shared plan link in the release build
// (issue #16): a fresh browser context (no cache, no service worker) opens
// `#/?f=miki-family-clinic&t=hokudai` under three profiles, set through the
// Chrome DevTools Protocol, and times each step up to the first plan card.
// Used by scripts/bench.mjs; also runs on its own:
//
//   node scripts/bench-first-visit.mjs [--dist dist] [--baseline DIR] [--runs 3] [--profile]
//
// With --baseline, a second build (say, main's) is measured in the same run,
// visit for visit in turn with this one.
//
// The server compresses with gzip, as any static host does, so the emulated
// network carries the bytes a real visit carries. Network emulation adds
// 40 ms to every request and caps the throughput; CPU throttling slows the
// page's main thread (Chromium applies it to the page's renderer; a dedicated
// worker's thread is not slowed, so work moved there looks cheaper than it
// is on a slow PC). With --profile, one extra run per profile records a
// trace and prints where the page's main thread spent its time until the
// card, by kind (script, wasm compile, layout, ...).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { TYPES } from '../e2e/support/server.mjs';

const root = resolve(import.meta.dirname, '..');
export const LINK = '#/?f=miki-family-clinic&t=hokudai';

/** The three profiles of issue #16. Throughputs are bytes per second. */
export const PROFILES = [
  { name: 'no throttling', key: 'none', cpu: 1, latency: 0, down: -1, goal: null },
  { name: 'hospital PC: 4× slower CPU, 10 Mbps, 40 ms', key: 'hospital', cpu: 4, latency: 40, down: 10e6 / 8, goal: 1000 },
  { name: 'old PC: 6× slower CPU, 4 Mbps, 40 ms', key: 'old', cpu: 6, latency: 40, down: 4e6 / 8, goal: 2000 },
];

/** Serves `dir` with gzip (compressed once per file), as a static host would. */
async function startGzipServer(dir) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (!cache.has(file)) {
        const raw = await readFile(file);
        cache.set(file, { raw, gz: gzipSync(raw, { level: 9 }) });
      }
      const { raw, gz } = cache.get(file);
      const zip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !file.endsWith('.png');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(zip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(zip ? gz : raw);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// Runs in the page before anything else: records when the first plan card
// is in the DOM, and the frame after it (drawn).
function watchForCard() {
  window.__firstVisit = {};
  const seen = () => {
    if (window.__firstVisit.card != null || !document.querySelector('article.plan-card')) return;
    window.__firstVisit.card = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__firstVisit.drawn = performance.now(); }, 0));
  };
  const start = () => {
    new MutationObserver(seen).observe(document.documentElement, { childList: true, subtree: true });
    seen();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

/** One cold visit under `profile`; resolves to its timings in ms. */
async function visit(browser, url, profile, { cpuProfile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.addInitScript(watchForCard);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.down > 0 || profile.latency > 0) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down,
      uploadThroughput: profile.down,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const events = [];
  let traced = null;
  if (cpuProfile) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'blink', 'loading'] },
    });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/${LINK}`);
  await page.waitForFunction(() => window.__firstVisit.drawn != null, null, { timeout: 60000, polling: 50 });
  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const end = (suffix) => resources.find((r) => r.name.endsWith(suffix))?.responseEnd ?? NaN;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tsunagu:')).map((m) => [m.name.slice(8), m.startTime]));
    return {
      html: nav.responseEnd,
      glue: end('.js'),
      wasm: end('.wasm'),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      card: window.__firstVisit.card,
      drawn: window.__firstVisit.drawn,
      bytes: resources.reduce((s, r) => s + (r.transferSize || 0), nav.transferSize || 0),
      marks,
    };
  });
  let profileSummary = null;
  if (cpuProfile) {
    await cdp.send('Tracing.end');
    await traced;
    profileSummary = summarise(events);
  }
  await context.close();
  if (errors.length) throw new Error(`${profile.key}: ${errors.join('; ')}`);
  return { ...timings, profileSummary };
}

// What each trace event on the page's main thread is, by its name.
const KINDS = [
  [/^wasm\.CompileLazy$/, 'wasm compiled on first call'],
  [/^(v8\.wasm|wasm\.)/, 'wasm streaming compile'],
  [/GC|Gc|GarbageCollect/, 'garbage collection'],
  [/^(Layout|LocalFrameView::layout|LocalFrameView::performLayout|InlineNode|Blink\.Layout)/, 'layout (with text shaping)'],
  [/^(UpdateLayoutTree|Document::updateStyle|Document::recalcStyle|Blink\.Style|ParseAuthorStyleSheet|StyleEngine)/, 'style'],
  [/^(ParseHTML|HTMLDocumentParser|DecodedDataDocumentParser|HTMLParserScriptRunner)/, 'HTML parsing'],
  [/(Paint|Layerize|PrePaint|Commit|Raster|UpdateLayer)/, 'paint'],
  [/^(FunctionCall|v8\.callFunction|EvaluateScript|v8\.run|v8\.compile|v8\.compileModule|V8\.|v8\.|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.evaluateModule)/, 'script (JS and wasm running)'],
];

// Self time of the page's main thread before the card was drawn, by kind:
// each event's time less the time of the events nested in it.
function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur > 0 && e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      const kind = KINDS.find(([re]) => re.test(done.name))?.[1] ?? (done.name === 'RunTask' ? 'other tasks' : `other (${done.name})`);
      totals.set(kind, (totals.get(kind) ?? 0) + done.self / 1000);
    }
  };
  for (const e of spans) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].self -= e.dur;
    stack.push({ name: e.name, end: e.ts + e.dur, self: e.dur });
  }
  close(Infinity);
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const named = rows.filter(([k]) => !k.startsWith('other ('));
  const rest = rows.filter(([k]) => k.startsWith('other (')).reduce((sum, [, v]) => sum + v, 0);
  return [...named, ['other', rest]].filter(([, v]) => v >= 1);
}

/**
 * Every profile, `runs` cold visits each, for each build in `builds`
 * (`[{ label, dir }]`); the builds take turns visit by visit, so that the
 * machine's load falls on each alike. Resolves to rows for the table.
 */
export async function measureFirstVisit(browser, builds, { runs = 3, cpuProfile = false } = {}) {
  const servers = [];
  for (const build of builds) {
    await stat(join(build.dir, 'index.html'));
    servers.push(await startGzipServer(build.dir));
  }
  const rows = [];
  try {
    for (const profile of PROFILES) {
      const samples = builds.map(() => []);
      for (let i = 0; i < runs; i += 1) {
        for (const [b, server] of servers.entries()) samples[b].push(await visit(browser, server.url, profile));
      }
      for (const [b, build] of builds.entries()) {
        const mine = samples[b];
        const pick = (k) => median(mine.map((s) => s[k]));
        const marks = {};
        for (const name of new Set(mine.flatMap((s) => Object.keys(s.marks)))) marks[name] = median(mine.map((s) => s.marks[name]));
        const profileSummary = cpuProfile ? (await visit(browser, servers[b].url, profile, { cpuProfile: true })).profileSummary : null;
        rows.push({ build: build.label, profile, samples: mine.map((s) => s.drawn), html: pick('html'), glue: pick('glue'), wasm: pick('wasm'), fcp: pick('fcp'), card: pick('card'), drawn: pick('drawn'), bytes: pick('bytes'), marks, profileSummary });
      }
    }
  } finally {
    for (const server of servers) await server.close();
  }
  return rows;
}

const f0 = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '–');

/** The rows as a Markdown table (and the profile summaries, if taken). */
export function firstVisitTable(rows) {
  const markNames = [...new Set(rows.flatMap((r) => Object.keys(r.marks)))];
  const lines = [
    `| build | profile | first plan drawn, median (runs) | goal | HTML | JS glue | wasm | first paint | ${markNames.map((m) => `${m}`).join(' | ')}${markNames.length ? ' | ' : ''}bytes on the wire |`,
    `|---|---|---|---|---|---|---|---|${markNames.map(() => '---|').join('')}---|`,
  ];
  for (const r of rows) {
    const goal = r.profile.goal == null ? 'no regression' : `≤ ${f0(r.profile.goal)} ms`;
    const met = r.profile.goal == null || r.drawn <= r.profile.goal ? '' : ' **over**';
    lines.push(
      `| ${r.build} | ${r.profile.name} | **${f0(r.drawn)} ms**${met} (${r.samples.map(f0).join(', ')}) | ${goal} | ${f0(r.html)} | ${f0(r.glue)} | ${f0(r.wasm)} | ${f0(r.fcp)} | ${markNames.map((m) => f0(r.marks[m])).join(' | ')}${markNames.length ? ' | ' : ''}${(r.bytes / 1024).toFixed(0)} KB |`,
    );
  }
  for (const r of rows.filter((r) => r.profileSummary)) {
    lines.push('', `Main thread until the card, ${r.build}, ${r.profile.name} (trace, self time in ms): ${r.profileSummary.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}.`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const { launchBrowser } = await import('../e2e/support/browser.mjs');
  const browser = await launchBrowser();
  try {
    const builds = [{ label: 'this build', dir: resolve(root, flag('--dist', 'dist')) }];
    if (args.includes('--baseline')) builds.push({ label: 'baseline', dir: resolve(root, flag('--baseline')) });
    const rows = await measureFirstVisit(browser, builds, {
      runs: Number(flag('--runs', 3)),
      cpuProfile: args.includes('--profile'),
    });
    console.log(firstVisitTable(rows));
  } finally {
    await browser.close();
  }
}
