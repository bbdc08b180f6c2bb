// The embedded Hokkaido outline must be exactly what scripts/map-outline.mjs
// makes from the world-atlas package today, so it cannot drift or be edited
// by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/map-outline.mjs', import.meta.url));

test('assets/map/hokkaido.json is what the build script makes from Natural Earth', () => {
  const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.match(out, /is up to date/);
});
