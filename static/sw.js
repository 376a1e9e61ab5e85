// Jianfu's service worker: a second visit works with the network off.
//
// scripts/postbuild.mjs fills in VERSION (a hash of every file of the build)
// and ASSETS (every file of the build). Each build precaches into its own
// cache and deletes the others when it takes over, so a new JS is never paired
// with an old wasm. Pages are fetched network-first, so a new build is seen as
// soon as the server has it; the hashed assets are served from the cache.
// Nothing from another origin is ever cached or fetched.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
// The workbook reader: not precached (most visitors never need it), but
// kept in the same cache the first time it is fetched, so that workbooks
// can be read offline from then on.
const LAZY = __LAZY__;
const CACHE = `jianfu-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("jianfu-") && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Lookups go through caches.match, never caches.open: opening the cache of
  // a worker that a newer one has replaced would create it again, empty.
  if (request.mode === "navigate") {
    // The page: the network's copy if there is one (a new build), else the
    // cached one, ignoring the query string (?lang=en&embed=1). Any cache
    // will do: once a new worker has activated, only its cache is left, even
    // if this page is still controlled by the old worker.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((hit) => hit ?? caches.match("./"))
          .then((hit) => hit ?? Response.error()),
      ),
    );
    return;
  }
  // Hashed assets: their names change with their content, so any cached
  // copy is the right one.
  const lazy = LAZY.some((asset) => new URL(asset, self.location.href).href === url.href);
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ??
        fetch(request).then((response) => {
          if (lazy && response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
