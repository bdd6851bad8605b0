// Service worker template: vite.config.ts fills in the version, the list of built files and the cluster tiles' folder.
// Cache first for the app's own files (all precached at install), network for anything else.
const CACHE = 'ccn-map-__VERSION__';
const FILES = __FILES__;
const TILES = new URL('./__TILES_DIR__/', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ccn-map-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Navigations (any hash or query) get the cached app shell when offline.
  const key = req.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : req;
  // Every cluster tile of the build is precached; one that is not has no clusters (the build
  // makes no empty tiles): 404, which the map reads as empty, with no trip to the network.
  const tile = req.url.startsWith(TILES);
  event.respondWith(
    caches
      .match(key, { ignoreSearch: req.mode === 'navigate' })
      .then((hit) => hit || (tile ? new Response(null, { status: 404 }) : fetch(req))),
  );
});
