// Offline and embedding (issue 6): the one-file build from file:// with the
// network off, the service worker, a new build replacing an old one, the
// iframe messages, mount(), and no foreign requests or CSP violations in any
// mode.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve, useBrowser, watchedPage, foreignRequests } from "./harness.mjs";

const DIST = resolve("dist");

/**
 * A tab-separated paste worked out by hand (default assumptions):
 * 甲发布: 300 followers < 1,000 → close; 3 posts × 52 × 2 h = 312 h.
 * 乙发布: 5,000 followers, 1 post × 52 × 2 h = 104 h, kept.
 * Accounts 2, shut 1, hours freed 312–312.
 */
const PASTE = "公众号名称\t粉丝数\t每周发布次数\t每期耗时\n甲发布\t300\t3\t2\n乙发布\t5000\t1\t2\n";

const env = useBrowser(DIST);
const scratch = [];

after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Records CSP violations in the page, which the console also reports. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function pasteAndRead(page) {
  await page.getByTestId("paste").fill(PASTE);
  await page.waitForFunction(() => document.querySelector("[data-testid=accounts-total]")?.textContent === "2");
  return {
    shut: await page.getByTestId("accounts-shut").textContent(),
    low: await page.getByTestId("hours-freed-low").getAttribute("data-value"),
    high: await page.getByTestId("hours-freed-high").getAttribute("data-value"),
  };
}

test("the one-file build works from file:// with the network off", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await context.setOffline(true);
  await watchCsp(page);
  await page.goto(pathToFileURL(join(DIST, "jianfu-offline.html")).href);
  assert.deepEqual(await pasteAndRead(page), { shut: "1", low: "312", high: "312" });
  // The demo is inside the file too.
  await page.getByTestId("load-demo").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=accounts-total]")?.textContent === "282");
  // No offline link inside the offline file itself.
  assert.equal(await page.getByTestId("offline-link").count(), 0);
  // The JS API is there too, with estimate()'s accounts built by the glue's
  // inlined snippet: 甲 300 followers → close; 52 × 2–3 posts × 2 h = 208–312 h.
  const accounts = await page.evaluate(
    () => window.jianfu.estimate("名称,粉丝数,每期耗时\n📣甲,300,2\n", { asOf: "2019-04-19" }).accounts,
  );
  assert.deepEqual(
    accounts.map((a) => [a.name, a.decision, a.rule, a.hours]),
    [["📣甲", "close", "lowReach", { low: 208, high: 312 }]],
  );
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), []);
  await context.close();
});

test("the hosted page links the offline copy and works offline after one visit", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await watchCsp(page);
  await page.goto(env.server.url);
  assert.equal(await page.getByTestId("offline-link").getAttribute("href"), "jianfu-offline.html");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  assert.deepEqual(await pasteAndRead(page), { shut: "1", low: "312", high: "312" });
  // With a query string too (the worker ignores it for the page).
  await page.goto(env.server.url + "?lang=en");
  await page.getByTestId("title").waitFor();
  assert.equal(await page.getByTestId("title").textContent(), "Jianfu");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(log.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")), []);
  assert.deepEqual(foreignRequests(log.requests, new URL(env.server.url).origin), []);
  await context.close();
});

test("a new build replaces the old one, cache and all", async () => {
  const site = mkdtempSync(join(tmpdir(), "jianfu-site-"));
  scratch.push(site);
  cpSync(DIST, site, { recursive: true });
  const own = await serve(site);
  const { context, page } = await watchedPage(env.browser);
  // Closed whatever happens: a server left open would keep the test file
  // from ever ending.
  try {
    await page.goto(own.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first worker's precache: one cache, once installed (a busy machine
    // may take a moment).
    await page.waitForFunction(async () => (await caches.keys()).length === 1, null, {
      timeout: 60_000,
      polling: 250,
    });

    // The "new build": another page title and, as postbuild derives it from
    // the content, another cache version in sw.js.
    const index = readFileSync(join(site, "index.html"), "utf8").replace("<title>减负测算 · Jianfu</title>", "<title>减负测算 · 新版</title>");
    writeFileSync(join(site, "index.html"), index);
    const worker = readFileSync(join(site, "sw.js"), "utf8").replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "0000000000000000"');
    writeFileSync(join(site, "sw.js"), worker);

    await page.reload();
    assert.equal(await page.title(), "减负测算 · 新版");
    // The browser checks the worker on navigation; ask it now rather than wait.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    // The new worker precaches the new build, takes over, and deletes the
    // old cache: one cache is left, and its page is the new one.
    await page.waitForFunction(
      async () => {
        const keys = await caches.keys();
        if (keys.length !== 1 || keys[0] !== "jianfu-0000000000000000") return false;
        const page = await caches.match("./index.html");
        return page !== undefined && (await page.text()).includes("新版");
      },
      null,
      { timeout: 60_000, polling: 250 },
    );
    // The old cache goes before the new worker claims the page (both in its
    // activation): wait for the activation to end, so that the reload below
    // is not made in between.
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.active?.state === "activated" && !registration.installing && !registration.waiting;
      },
      null,
      { timeout: 60_000, polling: 250 },
    );
    // Offline now, the page still starts, from the new build's cache.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("title").waitFor();
  } finally {
    await context.close();
    await own.close();
  }
});

/** A host page on another origin (another port) that frames the app. */
async function hostWithFrame(frameQuery) {
  const dir = mkdtempSync(join(tmpdir(), "jianfu-host-"));
  scratch.push(dir);
  const host = await serve(dir);
  const src = `${env.server.url}?${frameQuery.replace("HOST", encodeURIComponent(host.url.replace(/\/$/, "")))}`;
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<iframe id="f" src="${src}" style="width:800px;height:300px"></iframe>
<script>
  window.received = [];
  addEventListener("message", (e) => { if (e.source === document.getElementById("f").contentWindow) window.received.push(e.data); });
</script>`,
  );
  return host;
}

async function messagesAfterDemo(host) {
  const { context, page, log } = await watchedPage(env.browser);
  await page.goto(host.url);
  await page.waitForFunction(() => window.received.some((m) => m.type === "jianfu:resize"));
  // Let the app settle (it renders the demo at once); then read what came.
  const frame = page.frameLocator("#f");
  await frame.getByTestId("accounts-total").filter({ hasText: "282" }).waitFor();
  await page.waitForTimeout(300);
  const received = await page.evaluate(() => window.received);
  const origins = [new URL(env.server.url).origin, new URL(host.url).origin];
  const foreign = log.requests.filter((u) => !origins.some((o) => u.startsWith(o)) && !u.startsWith("data:"));
  await context.close();
  return { received, errors: log.errors, foreign };
}

test("an embedding page on another origin gets resize messages and, when it names itself, the summary", async () => {
  const host = await hostWithFrame("embed=1&demo=changxing&parentOrigin=HOST");
  const { received, errors, foreign } = await messagesAfterDemo(host);
  const resize = received.find((m) => m.type === "jianfu:resize");
  assert.ok(resize.height > 100, `height ${resize.height}`);
  const summaries = received.filter((m) => m.type === "jianfu:summary");
  assert.ok(summaries.length >= 1);
  const last = summaries.at(-1).summary;
  assert.equal(last.accountsTotal, 282);
  assert.ok(last.accountsShut >= 220 && last.accountsShut <= 232);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await host.close();
});

test("without parentOrigin, or with the wrong one, no summary is posted", async () => {
  for (const query of ["embed=1&demo=changxing", "embed=1&demo=changxing&parentOrigin=http%3A%2F%2F127.0.0.1%3A9"]) {
    const host = await hostWithFrame(query);
    const { received, errors } = await messagesAfterDemo(host);
    assert.ok(received.some((m) => m.type === "jianfu:resize"), query);
    assert.deepEqual(received.filter((m) => m.type === "jianfu:summary"), [], query);
    assert.deepEqual(errors, [], query);
    await host.close();
  }
});

test("embedded mode hides the header and footer", async () => {
  const { context, page } = await watchedPage(env.browser);
  await page.goto(env.server.url + "?embed=1");
  await page.getByTestId("accounts-total").waitFor();
  assert.equal(await page.locator("header.page-header").count(), 0);
  assert.equal(await page.locator("footer.page-footer").count(), 0);
  await context.close();
});

test("mount() renders into a host page, and the example page shows both ways", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await watchCsp(page);
  await page.goto(env.server.url + "embed-example.html");
  const mounted = page.getByTestId("mounted");
  await mounted.getByTestId("accounts-total").waitFor();
  // The mounted copy is in English and has no header of its own.
  assert.match(await mounted.textContent(), /Accounts/);
  await page.getByTestId("parent-summary").filter({ hasText: "/ 282" }).waitFor();
  // window.jianfu is there for plain scripts too.
  const version = await page.evaluate(() => window.jianfu.version());
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreignRequests(log.requests, new URL(env.server.url).origin), []);
  await context.close();
});

test("the hosted page's CSP allows only its own origin and raises no violation", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await watchCsp(page);
  const response = await page.goto(env.server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("accounts-total").filter({ hasText: "282" }).waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  assert.ok(!csp.includes("unsafe-inline"));
  assert.equal(response.status(), 200);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
