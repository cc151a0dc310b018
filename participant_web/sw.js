// The phone page's offline copy. Browsers run a service worker only on https or on the laptop itself, not on
// http://192.168.x.y: in a hall on plain http the page still keeps its last view and its outbox in localStorage,
// and shows them on the next load that reaches the hub. Here: the page is asked of the network first (its
// answer is kept), and when the network fails or is silent for 3 s the kept copy answers instead, showing what
// the phone knew and what waits to be sent. Nothing else is touched: every other request goes its usual way.

const CACHE = "kiosk-phone-page-1";
const PAGES = new Set(["/", "/join"]);
const NETWORK_WITHIN_MS = 3000;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.mode !== "navigate") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !PAGES.has(url.pathname)) return;
  event.respondWith(networkOrCopy(request, new URL(url.pathname, url.origin).href));
});

async function networkOrCopy(request, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  network.catch(() => {}); // when the copy answers, the network's failure is nobody's business
  try {
    return await Promise.race([
      network,
      new Promise((resolve, reject) => setTimeout(() => reject(new Error("silent")), NETWORK_WITHIN_MS)),
    ]);
  } catch {
    const copy = await cache.match(key, { ignoreVary: true });
    return copy || network; // no copy yet: wait for the network after all
  }
}
