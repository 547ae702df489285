// Tweespraak's service worker, served from /sw.js so its scope is the whole site.
// It keeps only the app shell (HTML, scripts, styles, strings, icons) for offline use.
// It never caches API or account responses, WebSocket traffic, safety screens' data or answers:
// those always go to the network and are never stored here.
const SHELL_CACHE = "tweespraak-shell-v13";
const SHELL = [
  "/",
  "/manifest.webmanifest",
  "/static/frontend/app.css",
  "/static/frontend/icon.svg",
  "/static/frontend/icons/icon-192.png",
  "/static/frontend/icons/icon-512.png",
  "/static/frontend/icons/maskable-192.png",
  "/static/frontend/icons/maskable-512.png",
  "/static/frontend/i18n/en.json",
  "/static/frontend/i18n/nl.json",
  "/static/frontend/js/api.js",
  "/static/frontend/js/app.js",
  "/static/frontend/js/chrome.js",
  "/static/frontend/js/dom.js",
  "/static/frontend/js/drafts.js",
  "/static/frontend/js/exit.js",
  "/static/frontend/js/i18n.js",
  "/static/frontend/js/live.js",
  "/static/frontend/js/reauth.js",
  "/static/frontend/js/router.js",
  "/static/frontend/js/session.js",
  "/static/frontend/js/parts/answer_stepper.js",
  "/static/frontend/js/parts/answers.js",
  "/static/frontend/js/parts/code_form.js",
  "/static/frontend/js/parts/couple_ended.js",
  "/static/frontend/js/parts/countries.js",
  "/static/frontend/js/parts/leaving_note.js",
  "/static/frontend/js/parts/not_now.js",
  "/static/frontend/js/parts/notifications.js",
  "/static/frontend/js/parts/resources.js",
  "/static/frontend/js/parts/reveal_extras.js",
  "/static/frontend/js/parts/session_list.js",
  "/static/frontend/js/parts/therapist_link.js",
  "/static/frontend/js/parts/trend_chart.js",
  "/static/frontend/vendor/uqr/uqr.js",
  "/static/frontend/js/screens/accounts.js",
  "/static/frontend/js/screens/daily.js",
  "/static/frontend/js/screens/guide.js",
  "/static/frontend/js/screens/home.js",
  "/static/frontend/js/screens/library.js",
  "/static/frontend/js/screens/pairing.js",
  "/static/frontend/js/screens/practice.js",
  "/static/frontend/js/screens/pulse.js",
  "/static/frontend/js/screens/safety.js",
  "/static/frontend/js/screens/security.js",
  "/static/frontend/js/screens/sessions.js",
  "/static/frontend/js/screens/therapists.js",
];
const NEVER = ["/api/", "/_allauth/", "/ws/", "/admin/", "/healthz"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// Network first so a deploy shows at once; the cached shell only answers when offline.
async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    const path = new URL(request.url).pathname;
    if (response.ok && SHELL.includes(path)) await cache.put(path, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl || request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (NEVER.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    // Every screen is the same shell; the router draws it. The shell holds no personal data.
    event.respondWith(networkFirst(request, "/"));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

// Push: the server sends {title, body, url}, discreet unless the person chose detailed texts.
// One tag, so a new message replaces the last instead of piling up on the lock screen.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const url = typeof data.url === "string" && data.url.startsWith("/") ? data.url : "/";
  event.waitUntil(
    self.registration.showNotification(data.title || "Tweespraak", {
      body: data.body || "",
      tag: "tweespraak",
      icon: "/static/frontend/icons/icon-192.png",
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || "/", self.location.origin);
  // Only ever open a page of this site, in an open window of the app when there is one.
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) return open.navigate(target.href).then((client) => (client || open).focus());
      return self.clients.openWindow(target.href);
    }),
  );
});

// "Leave quickly": drop every cache that could hold anything personal. Only the shell, which
// holds nothing about the person, survives so the app still opens offline.
self.addEventListener("message", (event) => {
  if (event.data?.type === "quick-exit") {
    event.waitUntil(
      Promise.all([
        caches.keys().then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name)))),
        // The page starts deleting the drafts too, but it is gone a moment later; this worker
        // outlives it long enough to finish.
        new Promise((resolve) => {
          const request = indexedDB.deleteDatabase("tweespraak-drafts");
          request.onsuccess = request.onerror = request.onblocked = resolve;
        }),
      ]),
    );
  }
});
