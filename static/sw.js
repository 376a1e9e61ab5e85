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
  if (request.mode === "navigate") {
    // The page: the network's copy if there is one (a new build), else the
    // cached one, ignoring the query string (?lang=en&embed=1).
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .open(CACHE)
          .then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit ?? cache.match("./"))),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit ?? fetch(request))),
  );
});
