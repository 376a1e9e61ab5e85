import { readFileSync } from "node:fs";
import { serve, launch } from "./tests/e2e/harness.mjs";
const server = await serve("dist"); const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.getByTestId("paste").waitFor();
const text = readFileSync("target/bench/typical-100000.tsv", "utf8");
await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "blink"] });
const t0 = Date.now();
await page.evaluate((text) => {
  const area = document.querySelector('[data-testid="paste"]');
  const dt = new DataTransfer(); dt.setData("text/plain", text);
  area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
}, text);
await page.waitForFunction(() => document.querySelector('[data-testid="accounts-total"]').textContent.trim() === "100000", null, { timeout: 120000, polling: 200 });
await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 120000, polling: 200 }).catch(() => {});
console.log("figures after", Date.now() - t0, "ms");
await page.waitForTimeout(2000);
console.log(await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll("section, .panel, table, ul, p, textarea, div")) {
    const n = el.getElementsByTagName("*").length; const t = (el.textContent || "").length;
    if (n > 500 || t > 20000) out.push(`${el.tagName}.${el.className} nodes=${n} text=${t}`);
  }
  return out.join("\n");
}));
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const sums = new Map();
for (const e of trace) if (e.ph === "X" && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
[...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(7), k));
const long = trace.filter((e) => e.ph === "X" && e.name === "RunTask" && e.dur > 200000).map((e) => (e.dur / 1000).toFixed(0));
console.log("long tasks", long.join(", "));
const layouts = trace.filter((e) => e.ph === "X" && e.name === "Layout").map((e) => e.dur / 1000);
console.log("layouts", layouts.length, "biggest", layouts.sort((a, b) => b - a).slice(0, 8).map((x) => x.toFixed(0)).join(", "));
await browser.close(); await server.close();
