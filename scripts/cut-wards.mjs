// Cuts Sapporo's ten wards out of the national boundary data (国土数値情報
// 「行政区域データ」 N03, 2021, as TopoJSON) into assets/map/sapporo-wards.json,
// which the project commits: builds never read the source folder.
//
//   node scripts/cut-wards.mjs ../shared/geo/N03-21_01_210101.topo.json
//
// Each ward keeps its JIS code, its name and its outline as [lon, lat]
// rings rounded to 4 decimals (about 10 m), which is finer than the
// source's own simplification.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/cut-wards.mjs PATH/TO/N03-21_01_210101.topo.json');
const topology = JSON.parse(await readFile(source, 'utf8'));
const [[sx, sy], [tx, ty]] = [topology.transform.scale, topology.transform.translate];

// TopoJSON arcs are quantized and delta-encoded.
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const round = (v) => Math.round(v * 1e4) / 1e4;
const ring = (indices) => {
  const points = [];
  for (const index of indices) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  const rounded = points.map(([lon, lat]) => [round(lon), round(lat)]);
  // Rounding can repeat a point; drop the repeats.
  return rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1][0] || p[1] !== rounded[i - 1][1]);
};

const [object] = Object.values(topology.objects);
const wards = object.geometries
  .filter((g) => /^0110\d|^01110$/.test(g.properties.N03_007))
  .map((g) => {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    return {
      code: g.properties.N03_007,
      name: g.properties.N03_004,
      // Outer rings only: Sapporo's wards have no holes.
      rings: polygons.map((polygon) => ring(polygon[0])),
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
if (wards.length !== 10) throw new Error(`expected Sapporo's 10 wards, found ${wards.length}`);

const out = {
  source: '国土数値情報「行政区域データ」N03, 2021-01-01 (国土交通省), simplified by smartnews-smri/japan-topography',
  credit_ja: '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成',
  credit_en: 'Processed from National Land Numerical Information (Administrative Areas), MLIT Japan',
  wards,
};
const path = join(import.meta.dirname, '..', 'assets', 'map', 'sapporo-wards.json');
await writeFile(path, `${JSON.stringify(out)}\n`);
console.log(`${path}: ${wards.length} wards, ${wards.reduce((n, w) => n + w.rings.flat().length, 0)} points`);
