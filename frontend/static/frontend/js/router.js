// A tiny History-API router. It only ever *replaces* the current history entry: the app
// occupies one entry, so after "Leave quickly" replaces it, Back cannot return into the app.
import { errorState, h, loading, screen } from "./dom.js";
import { t } from "./i18n.js";
import { currentUser } from "./session.js";

const routes = [];
let outlet = null;
let generation = 0;
let cleanups = [];

export function route(pattern, view, { auth = false } = {}) {
  const keys = [];
  const source = pattern.replace(/:(\w+)/g, (_, key) => {
    keys.push(key);
    return "([^/]+)";
  });
  routes.push({ regex: new RegExp(`^${source}/?$`), keys, view, auth });
}

function match(pathname) {
  for (const candidate of routes) {
    const found = candidate.regex.exec(pathname);
    if (found) {
      const params = {};
      candidate.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(found[index + 1]);
      });
      return { route: candidate, params };
    }
  }
  return null;
}

// Only a path on this site: never another site, whatever the link said.
export function safeNext(next) {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}

// Whether the app draws `path` itself; anything else (the admin) is a page of its own.
export function isAppPath(path) {
  return match(new URL(path, window.location.href).pathname) !== null;
}

// Screens with live connections or timers register how to stop them when the screen goes.
export function onLeave(cleanup) {
  cleanups.push(cleanup);
}

// Screens and chrome that want to know the path changed (the tab bar's current tab).
const changeListeners = [];

export function onRouteChange(listener) {
  changeListeners.push(listener);
}

export function navigate(to) {
  history.replaceState(null, "", to);
  for (const listener of changeListeners) listener();
  return render();
}

export function rerender() {
  return render();
}

async function render() {
  const mine = ++generation;
  for (const cleanup of cleanups.splice(0)) cleanup();
  const url = new URL(window.location.href);
  const found = match(url.pathname);
  outlet.replaceChildren(loading());
  let node;
  try {
    if (!found) {
      node = screen(t("notfound.title"), h("p", {}, t("notfound.body")), h("a", { href: "/", class: "button" }, t("action.home")));
    } else if (found.route.auth && !currentUser()) {
      return navigate(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
    } else {
      node = await found.route.view({ params: found.params, query: url.searchParams });
    }
  } catch (error) {
    node = screen(t("error.title"), errorState(error, render));
  }
  if (mine !== generation) return;
  outlet.replaceChildren(node);
  // Move focus to the new screen's heading so screen readers announce the change.
  outlet.querySelector("h1")?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

export function startRouter(element) {
  outlet = element;
  document.addEventListener("click", (event) => {
    const anchor = event.target.closest?.("a[href]");
    if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || !match(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  return render();
}
