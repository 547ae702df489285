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
  const nav = h(
    "nav",
    { class: "footer-nav", "aria-label": t("chrome.nav") },
    signedIn
      ? [
          currentUser().is_therapist
            ? h("a", { href: "/practice" }, t("nav.caseload"))
            : h("a", { href: "/" }, t("nav.home")),
          h("a", { href: "/library" }, t("nav.library")),
          h("a", { href: "/history" }, t("nav.history")),
          h("a", { href: "/profile" }, t("nav.profile")),
        ]
      : [h("a", { href: "/login" }, t("nav.login")), h("a", { href: "/signup" }, t("nav.signup"))],
    h("a", { href: "/advice" }, t("nav.advice")),
  );
  const hint = h("p", { class: "exit-hint" }, t("chrome.exit_hint"));
  const app = document.getElementById("app");
  const view = document.getElementById("view") || h("main", { id: "view" });
  app.replaceChildren(safetyBar, header, view, h("footer", { class: "footer" }, nav, hint));
}
