// Prints the gzipped size of the wasm, JS and CSS in a build directory, so
// every `make build` shows what the page costs to download.
// Usage: node scripts/size.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const rows = readdirSync(dir)
  .filter((name) => /\.(wasm|js|css)$/.test(name) && name !== "sw.js")
  .map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { name, raw: statSync(join(dir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
for (const { name, raw, gzip } of rows) {
  console.log(`${kb(raw)} raw ${kb(gzip)} gzipped  ${name}`);
}
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`${kb(total)} gzipped in all (wasm + js + css)`);
try {
  const offline = readFileSync(join(dir, "jianfu-offline.html"));
  console.log(`${kb(offline.length)} raw ${kb(gzipSync(offline, { level: 9 }).length)} gzipped  jianfu-offline.html (one file)`);
} catch {
  // No offline file in this build.
}
