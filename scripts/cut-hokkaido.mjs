// Cuts Hokkaido's 14 振興局 (dissolved from their municipalities) and the
// cities the report names (函館市, 北斗市, 釧路市, 苫小牧市) out of the national
// boundary data (国土数値情報「行政区域データ」 N03, 2021, as TopoJSON) into
// assets/map/hokkaido-regions.json, which the project commits.
//
//   node scripts/cut-hokkaido.mjs ../shared/geo/N03-21_01_210101.topo.json
//
// A 振興局's outline is the arcs its municipalities do not share with each
// other, stitched end to end into rings. Points are [lon, lat] to 3
// decimals (about 100 m, finer than a pixel at the Hokkaido level), and
// points closer than that to the last kept one are dropped.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/cut-hokkaido.mjs PATH/TO/N03-21_01_210101.topo.json');
const topology = JSON.parse(await readFile(source, 'utf8'));
const [[sx, sy], [tx, ty]] = [topology.transform.scale, topology.transform.translate];

// Quantized points, for exact matching of arc ends.
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
});
const points = (index) => (index < 0 ? [...arcs[~index]].reverse() : arcs[index]);
// Douglas–Peucker in degrees: at the Hokkaido level a map unit is about
// 0.01°, so detail under EPSILON is below a pixel.
const EPSILON = 0.006;
function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [[ax, ay], [bx, by]] = [points[a], points[b]];
    const len = Math.hypot(bx - ax, by - ay) || 1e-12;
    let far = -1;
    let best = EPSILON;
    for (let i = a + 1; i < b; i += 1) {
      const [px, py] = points[i];
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > best) [best, far] = [d, i];
    }
    if (far > 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}
const thin = (ring) => {
  const degrees = ring.map(([x, y]) => [x * sx + tx, y * sy + ty]);
  // A closed ring is simplified as two halves, so its ends stay put.
  const mid = Math.floor(degrees.length / 2);
  const kept = [...simplify(degrees.slice(0, mid + 1)), ...simplify(degrees.slice(mid)).slice(1)];
  return kept
    .map(([lon, lat]) => [Math.round(lon * 1e3) / 1e3, Math.round(lat * 1e3) / 1e3])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
};

const [object] = Object.values(topology.objects);
const ringsOf = (g) => (g.type === 'Polygon' ? [g.arcs] : g.arcs).flatMap((polygon) => polygon);

// A group's boundary: the arc uses no other member of the group reverses.
function dissolve(members) {
  const uses = new Map();
  for (const g of members) for (const ring of ringsOf(g)) for (const a of ring) uses.set(a, (uses.get(a) ?? 0) + 1);
  const boundary = [...uses.keys()].filter((a) => !uses.has(~a));
  const byStart = new Map();
  for (const a of boundary) {
    const key = points(a)[0].join(',');
    if (!byStart.has(key)) byStart.set(key, []);
    byStart.get(key).push(a);
  }
  const used = new Set();
  const rings = [];
  for (const first of boundary) {
    if (used.has(first)) continue;
    const ring = [];
    let a = first;
    while (a !== undefined && !used.has(a)) {
      used.add(a);
      const p = points(a);
      ring.push(...(ring.length ? p.slice(1) : p));
      const next = (byStart.get(p[p.length - 1].join(',')) ?? []).find((b) => !used.has(b));
      a = next;
    }
    if (ring.length > 3) rings.push(thin(ring));
  }
  return rings.filter((r) => r.length > 3);
}

const groups = new Map();
for (const g of object.geometries) {
  const name = g.properties.N03_002 ?? g.properties.N03_004;
  if (!groups.has(name)) groups.set(name, []);
  groups.get(name).push(g);
}
const regions = [...groups].map(([name, members]) => ({ name, rings: dissolve(members) }));
const CITIES = ['01202', '01236', '01206', '01213'];
const cities = object.geometries
  .filter((g) => CITIES.includes(g.properties.N03_007))
  .map((g) => ({ code: g.properties.N03_007, name: g.properties.N03_004, rings: dissolve([g]) }))
  .sort((a, b) => a.code.localeCompare(b.code));
if (regions.length !== 14) throw new Error(`expected 14 振興局, found ${regions.length}`);
if (cities.length !== 4) throw new Error(`expected 4 cities, found ${cities.length}`);

const out = {
  source: '国土数値情報「行政区域データ」N03, 2021-01-01 (国土交通省), simplified by smartnews-smri/japan-topography',
  credit_ja: '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成',
  credit_en: 'Processed from National Land Numerical Information (Administrative Areas), MLIT Japan',
  regions,
  cities,
};
const path = join(import.meta.dirname, '..', 'assets', 'map', 'hokkaido-regions.json');
await writeFile(path, `${JSON.stringify(out)}\n`);
const count = (list) => list.reduce((n, r) => n + r.rings.flat().length, 0);
console.log(`${path}: ${regions.length} 振興局 (${count(regions)} points), ${cities.length} cities (${count(cities)} points)`);
