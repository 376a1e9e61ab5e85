// Shared set-up for the end-to-end tests: a static server for dist/ on a free
// loopback port, and Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Serves `root` on 127.0.0.1 at a free port. Resolves to { url, close }. */
export async function serve(root = resolve("dist")) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
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
