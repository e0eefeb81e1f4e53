// The bundle-size budget: the JavaScript a browser must load before the first page renders (the entry script and
// the chunks index.html preloads) may weigh at most 300 KB gzipped. Route pages are lazy chunks and do not count.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const root = new URL('../target/classes/static/', import.meta.url).pathname;
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = new Set();
for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) initial.add(match[1]);
for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) initial.add(match[1]);
if (initial.size === 0) {
  console.error('portal-ui: index.html references no script; the build is broken');
  process.exit(1);
}
const gzipped = (file) => gzipSync(readFileSync(join(root, file.replace(/^\//, ''))), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + ' KB';

let total = 0;
console.log('portal-ui: initial JavaScript (gzip)');
for (const file of initial) {
  const size = gzipped(file);
  total += size;
  console.log(`  ${kb(size)}  ${file}`);
}
const lazy = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.js') && !initial.has('/assets/' + f));
const lazyTotal = lazy.reduce((sum, f) => sum + gzipped('/assets/' + f), 0);
console.log(`  ${kb(total)}  total initial, budget ${kb(BUDGET_BYTES).trim()}`);
console.log(`  ${kb(lazyTotal)}  in ${lazy.length} lazily loaded chunks (routes), not counted`);
if (total > BUDGET_BYTES) {
  console.error(`portal-ui: the initial JavaScript is ${kb(total).trim()} gzipped, over the budget of ${kb(BUDGET_BYTES).trim()}`);
  process.exit(1);
}
