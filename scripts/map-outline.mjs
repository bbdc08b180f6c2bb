// Reduces Natural Earth's 1:10m Japan (npm world-atlas, public domain) to
// Hokkaido's outline, projected into the app's map coordinates, and writes
// assets/map/hokkaido.json, which the app embeds. No map data is fetched at
// run time. Trunk runs it before every build (Trunk.toml); the file is also
// committed, so cargo alone builds, and a test checks the two agree.
//
//   node scripts/map-outline.mjs           write the asset
//   node scripts/map-outline.mjs --check   exit 1 if the asset is stale
//
// Projection: equirectangular, x stretched by cos(43°N), so that Hokkaido's
// shape is true at its middle latitude. src/map.rs projects hospital and
// ward coordinates with the same numbers, read from the asset.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}assets/map/hokkaido.json`;
const topo = JSON.parse(readFileSync(`${root}node_modules/world-atlas/countries-10m.json`, 'utf8'));
const japan = feature(topo, topo.objects.countries).features.find((f) => f.properties.name === 'Japan');
if (!japan) throw new Error('world-atlas: Japan not found in countries-10m.json');

// Hokkaido and its islands: every ring whose mean lies north of the Tsugaru Strait.
const rings = japan.geometry.coordinates
  .map((polygon) => polygon[0])
  .filter((ring) => {
    const [lon, lat] = ring.reduce(([x, y], [a, b]) => [x + a / ring.length, y + b / ring.length], [0, 0]);
    return lat > 41.3 && lon > 139;
  });

const lons = rings.flat().map(([lon]) => lon);
const lats = rings.flat().map(([, lat]) => lat);
const pad = 0.15;
const west = Math.min(...lons) - pad;
const east = Math.max(...lons) + pad;
const south = Math.min(...lats) - pad;
const north = Math.max(...lats) + pad;
const cos = Math.cos((43 * Math.PI) / 180);
const width = 1000;
const scale = width / ((east - west) * cos);
const height = Math.round((north - south) * scale);
const round = (v) => Math.round(v * 10) / 10;
const project = ([lon, lat]) => [round((lon - west) * cos * scale), round((north - lat) * scale)];

// Points closer than a pixel to the last kept one add bytes, not shape.
const paths = rings
  .map((ring) => {
    const kept = [];
    for (const point of ring.map(project)) {
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= 1.2) kept.push(point);
    }
    return kept;
  })
  .filter((ring) => ring.length >= 3)
  .map((ring) => `M${ring.map(([x, y]) => `${x} ${y}`).join('L')}Z`);

const asset = {
  source: 'Natural Earth 1:10m (public domain), via npm world-atlas 2.0.2 countries-10m.json; reduced by scripts/map-outline.mjs',
  projection: { west: round6(west), north: round6(north), cos: round6(cos), scale: round6(scale) },
  width,
  height,
  paths,
};
function round6(v) {
  return Math.round(v * 1e6) / 1e6;
}
const text = `${JSON.stringify(asset, null, 1)}\n`;
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error(`${out} is stale: run node scripts/map-outline.mjs`);
    process.exit(1);
  }
  console.log(`${out} is up to date (${text.length} bytes)`);
} else if (existsSync(out) && readFileSync(out, 'utf8') === text) {
  // Unchanged: leave the file alone, so trunk's watcher does not rebuild again.
  console.log(`${out} is up to date`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}: ${paths.length} rings, ${text.length} bytes`);
}
