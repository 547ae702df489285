// What every screen has: the safety bar (I don't feel safe, Leave quickly), the header with
// the language switch, and the footer navigation.
import { api } from "./api.js";
import { h } from "./dom.js";
import { quickExit } from "./exit.js";
import { language, LANGUAGES, setLanguage, t } from "./i18n.js";
import { rerender } from "./router.js";
import { currentUser, refreshMe } from "./session.js";

function languageSwitch() {
  const id = "language-switch";
  const select = h(
    "select",
    { id, name: "language" },
    LANGUAGES.map((option) =>
      h("option", { value: option.value, selected: option.value === language() }, option.label),
    ),
  );
  select.addEventListener("change", async () => {
    const chosen = select.value;
    await setLanguage(chosen);
    if (currentUser()) {
      await api.patch("me/", { language: chosen }).catch(() => null);
      await refreshMe().catch(() => null);
    }
    drawChrome();
    rerender();
  });
  return h("div", { class: "language" }, h("label", { for: id, class: "visually-hidden" }, t("chrome.language")), select);
}

export function drawChrome() {
  const signedIn = Boolean(currentUser());
  const safetyBar = h(
    "nav",
    { class: "safety-bar", "aria-label": t("chrome.quick") },
    h("a", { href: "/help", class: "unsafe-link", "data-testid": "unsafe" }, t("chrome.unsafe")),
    h(
      "button",
      { type: "button", class: "leave-button", "data-testid": "leave", onclick: quickExit },
      t("chrome.leave"),
    ),
  );
  const header = h(
    "header",
    { class: "topbar" },
    h("a", { href: "/", class: "brand" }, "Tweespraak"),
    languageSwitch(),
  );
  // Signed in, the four main places are a tab bar at the bottom of a phone's screen (a plain
  // row of links on wider screens); privacy tips stay in the footer below.
  const nav = h(
    "nav",
    { class: signedIn ? "footer-nav tab-bar" : "footer-nav", "aria-label": t("chrome.nav") },
    signedIn
      ? [
          currentUser().is_therapist
            ? h("a", { href: "/practice", "data-tab": "home" }, t("nav.caseload"))
            : h("a", { href: "/", "data-tab": "home" }, t("nav.home")),
          h("a", { href: "/library", "data-tab": "library" }, t("nav.library")),
          h("a", { href: "/history", "data-tab": "history" }, t("nav.history")),
          h("a", { href: "/profile", "data-tab": "profile" }, t("nav.profile")),
        ]
      : [h("a", { href: "/login" }, t("nav.login")), h("a", { href: "/signup" }, t("nav.signup"))],
    signedIn ? null : h("a", { href: "/advice" }, t("nav.advice")),
  );
  const advice = signedIn ? h("p", { class: "footer-links" }, h("a", { href: "/advice" }, t("nav.advice"))) : null;
  const hint = h("p", { class: "exit-hint" }, t("chrome.exit_hint"));
  const app = document.getElementById("app");
  const view = document.getElementById("view") || h("main", { id: "view" });
  app.classList.toggle("with-tabs", signedIn);
  app.replaceChildren(safetyBar, header, view, h("footer", { class: "footer" }, nav, advice, hint));
  markCurrentTab();
}

// The tab of the place shown now: `aria-current="page"` (read out, and styled).
export function markCurrentTab() {
  const path = window.location.pathname;
  for (const link of document.querySelectorAll(".tab-bar a")) {
    const href = link.getAttribute("href");
    const current = href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}
