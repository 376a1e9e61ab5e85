// Prints the gzipped size of the wasm, JS, CSS and index.html (which holds
// the loader and the browser check inline) in a build directory, so every
// `make build` shows what the page costs to download. With --budget KB
// it fails when the total is over, which is how `make test` holds the line.
// Usage: node scripts/size.mjs dist [--budget KB]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budget = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : null;
const dir = args[0] ?? "dist";
const sized = (name) => {
  const bytes = readFileSync(join(dir, name));
  return { name, raw: statSync(join(dir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
};
// The workbook reader is loaded only when a workbook is chosen: it is
// shown, and not counted in what the page costs.
const lazy = (name) => name.startsWith("jianfu-reader-") || name.startsWith("jianfu-workbooks-");
const onDemand = readdirSync(dir).filter(lazy).map(sized);
const rows = readdirSync(dir)
  .filter((name) => (/\.(wasm|js|css)$/.test(name) || name === "index.html") && name !== "sw.js" && !lazy(name))
  .map(sized);
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
for (const { name, raw, gzip } of rows) {
  console.log(`${kb(raw)} raw ${kb(gzip)} gzipped  ${name}`);
}
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`${kb(total)} gzipped in all (wasm + js + css + index.html)`);
for (const { name, raw, gzip } of onDemand) {
  console.log(`${kb(raw)} raw ${kb(gzip)} gzipped  ${name} (on demand, not counted)`);
}
try {
  const offline = readFileSync(join(dir, "jianfu-offline.html"));
  console.log(`${kb(offline.length)} raw ${kb(gzipSync(offline, { level: 9 }).length)} gzipped  jianfu-offline.html (one file)`);
} catch {
  // No offline file in this build.
}
if (budget !== null) {
  if (!(budget > 0)) {
    console.error("size: --budget needs a size in KB");
    process.exit(2);
  }
  const over = total / 1024 - budget;
  if (over > 0) {
    console.error(`size: ${(total / 1024).toFixed(1)} KB gzipped is ${over.toFixed(1)} KB over the budget of ${budget} KB`);
    process.exit(1);
  }
  console.log(`size: within the budget of ${budget} KB gzipped`);
}
