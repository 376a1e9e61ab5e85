// Shared set-up for the end-to-end tests: the static server of `make serve`
// on a free loopback port, and Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own).
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export { serve };

/**
 * For a test file: serves the built app (dist/, or JIANFU_DIST to test a
 * copy) and launches Chromium before its tests, and closes both after them.
 * Returns an object whose `server` ({ url, close }) and `browser` are set
 * by the time the tests run.
 */
export function useBrowser(root = process.env.JIANFU_DIST ?? "dist") {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(root);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Debian's Chromium, headless, with the flags that keep it off the network.
 * Playwright gives every launch a fresh temporary profile itself.
 */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions, failed
 * responses and every request URL, so that tests can assert there were none
 * it did not expect.
 */
export async function watchedPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const log = { errors: [], requests: [], failures: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.errors.push(msg.text());
  });
  page.on("pageerror", (err) => log.errors.push(String(err)));
  page.on("request", (req) => log.requests.push(req.url()));
  page.on("response", (res) => {
    if (res.status() >= 400) log.failures.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, log };
}

/** The requests that left the page's own origin (data: and blob: are local). */
export function foreignRequests(requests, origin) {
  return requests.filter(
    (url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"),
  );
}
