// Builds the one-file edition of tsunagu for seminars: a single HTML file
// with the JS glue, the wasm (base64), the CSS, the data (which the built
// page already carries as JSON elements) and the icon inlined. It opens from file:// with a double-click and
// needs no server and no network.
//
//   node scripts/one-file.mjs [DIST] [OUT]   (after `trunk build --release`)
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const out = resolve(process.argv[3] ?? join(root, 'dist-one', 'tsunagu.html'));

let html = await readFile(join(dist, 'index.html'), 'utf8');
const start = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!start) throw new Error(`${dist}/index.html has no start-up script: build with trunk first`);
const glueName = start[1].match(/from '\/?([^']+\.js)'/)[1];
const wasmName = start[1].match(/module_or_path: '\/?([^']+\.wasm)'/)[1];
const cssName = html.match(/href="?\/?([^"\s>]+\.css)/)[1];

const glue = await readFile(join(dist, glueName), 'utf8');
const wasm = await readFile(join(dist, wasmName));
const css = await readFile(join(dist, cssName), 'utf8');
const icon = (await readFile(join(dist, 'favicon.svg'))).toString('base64');

// The glue is an ES module; in an inline module its `export` lines are
// harmless, and its init function is called with the wasm bytes, so it
// never fetches anything.
const script = `${glue}
const bytes = Uint8Array.from(atob('${wasm.toString('base64')}'), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha(script)}`,
  `style-src ${sha(css)}`,
  "style-src-attr 'unsafe-inline'",
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

html = html
  .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '')
  .replace(/<script type="?module"?>[\s\S]*?<\/script>/, '')
  .replace(/<script[^>]*register-sw\.js[^>]*><\/script>/, '')
  .replace(/<link[^>]*rel="?(modulepreload|preload|stylesheet|manifest|icon)"?[^>]*>/g, '')
  .replace(/<link[^>]*(modulepreload|preload|stylesheet|manifest)[^>]*>/g, '')
  .replace(/(<meta charset="?utf-8"?>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(
    '</head>',
    `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${icon}"><style>${css}</style><script type="module">${script}</script></head>`,
  );
// Trunk's minified page may have no </head>: fall back to before <body>.
if (!html.includes('<script type="module">')) {
  html = html.replace(
    /<body/,
    `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${icon}"><style>${css}</style><script type="module">${script}</script><body`,
  );
}

await mkdir(dirname(out), { recursive: true });
await writeFile(out, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`one-file: ${out}: ${kb(Buffer.byteLength(html))} (${kb(gzipSync(html).length)} gzip)`);
