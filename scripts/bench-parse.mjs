// Reads the Japan-scale file side by side in builds of the bench core, in
// one headless Chromium page, round after round in turn, so that every
// build sees the same load (on a noisy machine the same build's time moves
// by half from one minute to the next; the ratio between builds moves far
// less). Each round times, per build, the read alone (the JSON into the
// types) and the whole parse (read and checks, as `load_dataset` does),
// freeing the dataset untimed after each.
//
//   node scripts/bench-parse.mjs z,zs [--rounds 15] [--bench-dir target/bench]
//
// Each name is a directory `pkg-NAME` of `--bench-dir`, as `scripts/bench.sh`
// makes them (`pkg-z`, `pkg-s`, `pkg-3`; its `pkg-z` has `serde_json` at
// "s", as shipped). A variant beside them, say everything at "z":
//
//   CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_DIR=target/bench/wasm-zz \
//     cargo build --release --target wasm32-unknown-unknown -p tsunagu-bench-wasm \
//     --config 'profile.release.package.serde_json.opt-level="z"'
//   wasm-bindgen --target web --out-dir target/bench/pkg-zz \
//     target/bench/wasm-zz/wasm32-unknown-unknown/release/tsunagu_bench_wasm.wasm
//   wasm-opt -O3 --low-memory-unused --converge --reorder-functions-by-name \
//     target/bench/pkg-zz/tsunagu_bench_wasm_bg.wasm -o target/bench/pkg-zz/tsunagu_bench_wasm_bg.wasm
//   node scripts/bench-parse.mjs zz,z
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

import { launchBrowser } from '../e2e/support/browser.mjs';
import { calibrationWork, REFERENCE_WORK_MS } from './bench-first-visit.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const builds = (args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '').split(',').filter(Boolean);
const rounds = Number(flag('--rounds', '15'));
const benchDir = resolve(root, flag('--bench-dir', join('target', 'bench')));
if (builds.length === 0 || !(rounds > 0)) {
  console.error('usage: node scripts/bench-parse.mjs NAME,NAME[,…] [--rounds 15] [--bench-dir target/bench]');
  process.exit(2);
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const match = path.match(/^\/pkg-([a-z0-9]+)\/([\w.-]+)$/);
  const body =
    path === '/' ? '<!doctype html><meta charset="utf-8"><title>parse</title><body>parse' : match ? await readFile(join(benchDir, `pkg-${match[1]}`, match[2])).catch(() => null) : null;
  if (body == null) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': { '.js': 'text/javascript', '.wasm': 'application/wasm' }[extname(path)] ?? 'text/html' });
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(async (builds) => {
    window.bench = {};
    for (const name of builds) {
      const mod = await import(`/pkg-${name}/tsunagu_bench_wasm.js`);
      await mod.default();
      const bench = new mod.Bench(1);
      window.bench[name] = bench;
      bench.prepare_json();
      // One untimed pass each: every function compiled, the heap grown.
      bench.parse_pass();
      bench.release();
    }
  }, builds);
  const bytes = await page.evaluate((name) => window.bench[name].prepare_json(), builds[0]);
  // The machine's speed, timed before each round in a blank page of its own
  // (in the reading page, the 40 MB text and the modules' heaps slow the
  // work's garbage collection), as bench-first-visit.mjs calibrates; the
  // work settles as V8 optimises it, so five passes go untimed first.
  const blank = await browser.newPage();
  await blank.setContent('<!doctype html><html lang="ja"><body></body></html>');
  for (let i = 0; i < 5; i += 1) await blank.evaluate(calibrationWork);
  const times = Object.fromEntries(builds.map((name) => [name, { read: [], parse: [], checksum: null }]));
  const calibration = [];
  const pass = `(([name, kind]) => {
    const bench = window.bench[name];
    const t0 = performance.now();
    const sum = kind === 'read' ? bench.read_pass() : bench.parse_pass();
    const ms = performance.now() - t0;
    bench.release();
    return [ms, sum];
  })`;
  for (let r = 0; r < rounds; r += 1) {
    calibration.push(await blank.evaluate(calibrationWork));
    // Each round starts with the next build, so none is always first.
    for (const name of builds.map((_, i) => builds[(i + r) % builds.length])) {
      for (const kind of ['read', 'parse']) {
        const [ms, sum] = await page.evaluate(`${pass}(${JSON.stringify([name, kind])})`);
        times[name][kind].push(ms);
        times[name].checksum ??= sum;
        if (sum !== times[name].checksum) throw new Error(`${name}: checksum changed: ${times[name].checksum} then ${sum}`);
      }
    }
  }
  const result = { times, bytes };
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const first = builds[0];
  console.log(`calibrationWork before each round: ${median(calibration).toFixed(1)} ms median (${Math.min(...calibration).toFixed(0)}–${Math.max(...calibration).toFixed(0)}), ${REFERENCE_WORK_MS} ms on the reference machine (estimated; BENCHMARKS.md, "Calibrating the CPU"); the scaled column is the median over rounds of parse × ${REFERENCE_WORK_MS} ÷ that round's calibration.`);
  const sums = new Set(builds.map((name) => result.times[name].checksum));
  console.log(`Japan-scale file: ${(result.bytes / 1e6).toFixed(1)} MB; ${rounds} rounds, the builds in turn; median (min–max) ms; ratio to ${first} is the median of the per-round ratios`);
  console.log('');
  console.log('| build | read | parse (read + checks) | read, ratio | parse, ratio | parse, scaled to the reference machine (estimate) |');
  console.log('|---|---|---|---|---|---|');
  for (const name of builds) {
    const t = result.times[name];
    const cell = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
    const ratio = (kind) => median(t[kind].map((ms, r) => ms / result.times[first][kind][r])).toFixed(2);
    const scaled = median(t.parse.map((ms, r) => (ms * REFERENCE_WORK_MS) / calibration[r]));
    console.log(`| ${name} | ${cell(t.read)} | ${cell(t.parse)} | ${ratio('read')} | ${ratio('parse')} | ${scaled.toFixed(0)} |`);
  }
  if (sums.size !== 1) {
    console.error(`the builds read different records: checksums ${[...sums].join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
