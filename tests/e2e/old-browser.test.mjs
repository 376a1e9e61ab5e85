// Old browsers (issue 14): a browser without WebAssembly, or without one of
// the features the built wasm uses, gets a message in Chinese and English
// naming the browsers that work, on the hosted page, the embedded page and
// the one-file offline page, and never fetches the wasm; a wasm that fails to
// start for any other reason leaves a message too, never a blank page; and
// the normal page shows no message. Old browsers are played by Chromium with
// WebAssembly taken away or cut down before the page's scripts run.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { serve, useBrowser, watchedPage } from "./harness.mjs";

const DIST = resolve(process.env.JIANFU_DIST ?? "dist");
const OFFLINE = pathToFileURL(join(DIST, "jianfu-offline.html")).href;

const env = useBrowser(DIST);
const scratch = [];

after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// What the old browsers lack, set up before any script of the page runs.
const NO_WEBASSEMBLY = () => {
  delete window.WebAssembly;
};
const NO_REFERENCE_TYPES = () => {
  // Rejects every module holding `ref.null extern` (0xd0 0x6f): the
  // reference-types probe, as Chromium before 96 does.
  const validate = WebAssembly.validate;
  WebAssembly.validate = (bytes) => {
    const b = new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength);
    for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xd0 && b[i + 1] === 0x6f) return false;
    return validate(bytes);
  };
};
const CSP_REFUSES_WASM = () => {
  // Chromium before 97 knows no 'wasm-unsafe-eval' and refuses every
  // compilation under the page's CSP.
  WebAssembly.Module = function () {
    throw new WebAssembly.CompileError("WebAssembly.Module(): Wasm code generation disallowed by embedder");
  };
};
const INSTANTIATE_FAILS = () => {
  // A browser that passes the check but cannot start this wasm.
  const refuse = () => Promise.reject(new WebAssembly.LinkError("test: instantiation refused"));
  WebAssembly.instantiate = refuse;
  WebAssembly.instantiateStreaming = refuse;
};

/** Opens `url` with `setup` run first in every frame. */
async function open(url, setup) {
  const watched = await watchedPage(env.browser);
  if (setup) await watched.page.addInitScript(setup);
  await watched.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await watched.page.goto(url);
  return watched;
}

/** Waits for the message in `where` (a page or a frame) and reads it. */
async function message(where) {
  const box = where.getByTestId("unsupported");
  await box.waitFor({ state: "visible", timeout: 15_000 });
  return { text: await box.innerText(), why: await where.getByTestId("unsupported-why").innerText() };
}

/** The message for a browser that cannot run the app, in both languages. */
function assertOldBrowserMessage({ text }) {
  assert.match(text, /此浏览器无法运行减负测算/);
  assert.match(text, /This browser cannot run Jianfu/);
  assert.doesNotMatch(text, /could not start/);
  assertVersions(text);
}

/** Both languages name the browsers that work, from which version. */
function assertVersions(text) {
  assert.match(text, /Chromium、Edge 97 及以上版本；360 安全浏览器的极速模式（内核 97 及以上）；Firefox ESR 91 及以上版本/);
  assert.match(text, /Chromium, Edge and 360's 极速模式 \(speed mode\) from version 97, and in Firefox ESR from version 91/);
}

const wasmRequests = (log) => log.requests.filter((url) => url.endsWith(".wasm"));

for (const [where, url] of [
  ["the hosted page", () => env.server.url],
  ["the offline file", () => OFFLINE],
]) {
  test(`${where}: without WebAssembly, the message names the browsers that work, and the app is not loaded`, async () => {
    const { context, page, log } = await open(url(), NO_WEBASSEMBLY);
    const shown = await message(page);
    assertOldBrowserMessage(shown);
    assert.equal(shown.why, "no WebAssembly");
    assert.equal(await page.getByTestId("title").count(), 0);
    assert.deepEqual(wasmRequests(log), []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`${where}: without reference types, the message names the missing feature`, async () => {
    const { context, page, log } = await open(url(), NO_REFERENCE_TYPES);
    const shown = await message(page);
    assertOldBrowserMessage(shown);
    assert.equal(shown.why, "missing WebAssembly reference types");
    assert.equal(await page.getByTestId("title").count(), 0);
    assert.deepEqual(wasmRequests(log), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`${where}: a wasm that fails to start leaves a message, not a blank page`, async () => {
    const { context, page } = await open(url(), INSTANTIATE_FAILS);
    const shown = await message(page);
    assert.match(shown.text, /减负测算未能启动/);
    assert.match(shown.text, /Jianfu could not start/);
    assert.doesNotMatch(shown.text, /This browser cannot run Jianfu/);
    assertVersions(shown.text);
    assert.match(shown.why, /LinkError: test: instantiation refused/);
    await context.close();
  });

  test(`${where}: a normal browser gets the app and no message`, async () => {
    const { context, page, log } = await open(url());
    await page.getByTestId("title").waitFor();
    assert.equal(await page.evaluate(() => window.jianfuBoot?.ok), true);
    assert.equal(await page.getByTestId("unsupported").isHidden(), true);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("the hosted page: Chromium before 97, whose CSP refuses wasm, gets the message", async () => {
  const { context, page, log } = await open(env.server.url, CSP_REFUSES_WASM);
  const shown = await message(page);
  assertOldBrowserMessage(shown);
  assert.match(shown.why, /^WebAssembly blocked: CompileError: .*disallowed by embedder/);
  assert.deepEqual(wasmRequests(log), []);
  await context.close();
});

test("the hosted page: a wasm or a script that cannot be fetched leaves a message", async () => {
  for (const [file, why] of [
    [/_bg\.wasm$/, /404 Not Found fetching/],
    [/\/jianfu-[0-9a-f]+\.js$/, /^the app's script did not run$/],
  ]) {
    const { context, page } = await watchedPage(env.browser);
    await page.route(file, (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(env.server.url);
    const shown = await message(page);
    assert.match(shown.text, /Jianfu could not start/, String(file));
    assert.match(shown.why, why);
    await context.close();
  }
});

test("the loaders have no top-level await, which Firefox before 89 cannot parse", () => {
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  const hosted = index.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.match(hosted, /init\(/);
  assert.doesNotMatch(hosted, /\bawait\b/);
  // The offline file's loader follows wasm-bindgen's glue, whose awaits are
  // inside its async functions.
  const offline = readFileSync(join(DIST, "jianfu-offline.html"), "utf8");
  const tail = offline.slice(offline.lastIndexOf("const boot = window.jianfuBoot;"));
  assert.match(tail, /__wbg_init\(/);
  assert.doesNotMatch(tail.slice(0, tail.indexOf("</script>")), /\bawait\b/);
});

test("the hosted page fetches the wasm once, and only after the check", async () => {
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  // No preload of the wasm in the HTML: check.js, inline, adds it once the
  // browser passed.
  assert.doesNotMatch(index, /<link[^>]*_bg\.wasm/);
  assert.match(index, /<script data-preload="\.\/jianfu-[0-9a-f]+_bg\.wasm">\(function \(\) \{\n"use strict";/);
  assert.doesNotMatch(index, /check-[0-9a-f]+\.js/);
  assert.deepEqual(readdirSync(DIST).filter((name) => name.startsWith("check-")), []);
  const { context, page, log } = await open(env.server.url);
  await page.getByTestId("title").waitFor();
  assert.equal(wasmRequests(log).length, 1);
  assert.equal(await page.locator('link[rel=preload][href$="_bg.wasm"]').count(), 1);
  await context.close();
});

/** A page on another origin that frames the app with ?embed=1. */
async function hostWithFrame() {
  const dir = mkdtempSync(join(tmpdir(), "jianfu-host-"));
  scratch.push(dir);
  const host = await serve(dir);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<iframe id="f" src="${env.server.url}?embed=1" style="width:800px;height:100px"></iframe>
<script>
  window.received = [];
  addEventListener("message", (e) => { if (e.source === document.getElementById("f").contentWindow) window.received.push(e.data); });
</script>`,
  );
  return host;
}

test("the embedded page: the message shows in the frame, and its height is posted to the parent", async () => {
  const host = await hostWithFrame();
  const { context, page, log } = await open(host.url, NO_WEBASSEMBLY);
  const frame = page.frameLocator("#f");
  assertOldBrowserMessage(await message(frame));
  await page.waitForFunction(() => window.received.some((m) => m.type === "jianfu:resize"));
  const resize = (await page.evaluate(() => window.received)).find((m) => m.type === "jianfu:resize");
  assert.ok(resize.height > 100, `height ${resize.height}`);
  assert.deepEqual(wasmRequests(log), []);
  assert.deepEqual(log.errors, []);
  await context.close();
  await host.close();
});

test("the embedded page: a normal browser gets the app and no message", async () => {
  const { context, page, log } = await open(env.server.url + "?embed=1");
  await page.getByTestId("accounts-total").waitFor();
  assert.equal(await page.evaluate(() => window.jianfuBoot?.ok), true);
  assert.equal(await page.getByTestId("unsupported").isHidden(), true);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/**
 * The WebAssembly features a module uses, from binaryen's text of it: the
 * five the README names, and the later ones that would each need a probe of
 * their own in static/check.js (and a newer browser) if the build began to
 * use them.
 */
function featuresUsed(wasmPath) {
  const dis = spawnSync(resolve("node_modules/.bin/wasm-dis"), [wasmPath], { encoding: "utf8", maxBuffer: 1 << 30 });
  assert.equal(dis.status, 0, dis.stderr);
  // Instructions and types only: names and data segments hold any text.
  const code = dis.stdout.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const mutableGlobals = new Set([...code.matchAll(/^ \(global (\$\S+) \(mut /gm)].map((m) => m[1]));
  const signatures = {
    "reference types": /externref|\b(table\.(get|set|grow|size|fill)|ref\.(null|func|is_null))\b/,
    "multi-value": /\(result \w+ \w+/,
    "bulk memory": /\b(memory\.(copy|fill|init)|data\.drop|table\.(copy|init)|elem\.drop)\b/,
    "non-trapping float-to-int": /\btrunc_sat_/,
    "sign extension": /\bi(32|64)\.extend(8|16|32)_s\b/,
    "mutable globals": null,
    simd: /\bv128\b|\b[if](8|16|32|64)x\d+\./,
    threads: /\batomic\b|\(memory [^)]*\bshared\)/,
    "tail calls": /\breturn_call/,
    exceptions: /\((try|try_table|throw|rethrow|throw_ref)[\s)]/,
    "garbage collection": /\b(struct|array)\.(new|get|set)|\bref\.(cast|test)\b/,
    memory64: /\(memory \$\S+ i64/,
  };
  const used = new Set();
  for (const [name, pattern] of Object.entries(signatures)) if (pattern?.test(code)) used.add(name);
  const exportedMutable = [...code.matchAll(/\(export "" \(global (\$\S+)\)\)/g)].some((m) => mutableGlobals.has(m[1]));
  const importedMutable = /\(import "" "" \(global \S+ \(mut /.test(code);
  if (exportedMutable || importedMutable) used.add("mutable globals");
  return used;
}

test("check.js probes exactly the features the built wasm uses, and the workbook reader uses no other", () => {
  const wasm = readdirSync(DIST).find((name) => /^jianfu-[0-9a-f]+_bg\.wasm$/.test(name));
  const used = [...featuresUsed(join(DIST, wasm))].sort();
  const check = readFileSync(resolve("static/check.js"), "utf8");
  const probed = [...check.matchAll(/^\s+\["([a-z -]+)", probe\(/gm)].map((m) => m[1]).sort();
  assert.deepEqual(used, ["bulk memory", "multi-value", "non-trapping float-to-int", "reference types", "sign extension"]);
  assert.deepEqual(probed, used);
  // The reader runs only where the check let the page run.
  const reader = readdirSync(DIST).find((name) => /^jianfu-reader-[0-9a-f]+_bg\.wasm$/.test(name));
  const beyond = [...featuresUsed(join(DIST, reader))].filter((feature) => !probed.includes(feature));
  assert.deepEqual(beyond, []);
});

test("each probe of check.js is valid with its feature and invalid without it", () => {
  // check.js in a sandbox whose WebAssembly.validate keeps what it is asked.
  const asked = [];
  const window = {
    WebAssembly: { validate: (bytes) => asked.push(bytes) > 0, Module: function () {} },
    document: { addEventListener() {}, currentScript: null },
  };
  window.parent = window;
  vm.runInNewContext(readFileSync(resolve("static/check.js"), "utf8"), { window, document: window.document, Uint8Array });
  assert.equal(window.jianfuBoot.ok, true);
  const names = [...readFileSync(resolve("static/check.js"), "utf8").matchAll(/^\s+\["([a-z -]+)", probe\(/gm)].map((m) => m[1]);
  assert.equal(asked.length, names.length);
  // binaryen's validator, with only the features it is given.
  const flag = {
    "reference types": "--enable-reference-types",
    "multi-value": "--enable-multivalue",
    "bulk memory": "--enable-bulk-memory",
    "non-trapping float-to-int": "--enable-nontrapping-float-to-int",
    "sign extension": "--enable-sign-ext",
  };
  const dir = mkdtempSync(join(tmpdir(), "jianfu-probes-"));
  scratch.push(dir);
  const valid = (file, features) =>
    spawnSync(resolve("node_modules/.bin/wasm-opt"), ["--mvp-features", ...features, file, "-o", join(dir, "out.wasm")]).status === 0;
  names.forEach((name, i) => {
    const file = join(dir, `${i}.wasm`);
    writeFileSync(file, asked[i]);
    const others = Object.values(flag).filter((f) => f !== flag[name]);
    assert.equal(WebAssembly.validate(asked[i]), true, `${name}: valid here`);
    assert.equal(valid(file, [flag[name]]), true, `${name}: valid with its feature`);
    assert.equal(valid(file, others), false, `${name}: invalid with all the others`);
  });
});

test("check.js is ES5, for the browsers it must turn away", () => {
  const check = readFileSync(resolve("static/check.js"), "utf8").replace(/\/\/.*$/gm, "");
  assert.doesNotMatch(check, /\b(let|const|class|async|await)\b/);
  assert.doesNotMatch(check, /=>|`|\.\.\.|\?\.|\?\?/);
});

test("jianfu-api.js, imported by an intranet page, rejects with the browsers that work when the wasm cannot start", async () => {
  const { context, page } = await open(env.server.url, INSTANTIATE_FAILS);
  try {
    const rejected = await page.evaluate(async () => {
      try {
        await import("./jianfu-api.js");
        return null;
      } catch (e) {
        return { isError: e instanceof Error, message: e.message };
      }
    });
    assert.ok(rejected?.isError, JSON.stringify(rejected));
    assert.match(rejected.message, /^jianfu: /);
    assertVersions(rejected.message);
    assert.match(rejected.message, /LinkError: test: instantiation refused/);
  } finally {
    await context.close();
  }
});
