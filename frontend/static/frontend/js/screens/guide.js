// Plain-language pages: how Tweespraak works, who sees what, what it is not, and what to do
// after a reveal that hurt. Reachable signed in or not; each section is a card of short text.
import { h, screen } from "../dom.js";
import { t } from "../i18n.js";

const PAGES = {
  how: ["steps", "alone", "reveal", "talk", "pause"],
  privacy: ["partner", "kept", "therapist", "us", "checkin"],
  "not-for": ["crisis", "therapy", "unsafe", "together"],
  "after-a-reveal": ["hurt", "say", "break", "back", "help"],
};

function page(key) {
  return screen(
    t(`guide.${key}.title`),
    h("p", { class: "lead" }, t(`guide.${key}.intro`)),
    PAGES[key].map((part) =>
      h("section", { class: "card" }, h("h2", {}, t(`guide.${key}.${part}.title`)), h("p", {}, t(`guide.${key}.${part}.body`)))),
    key === "after-a-reveal" || key === "not-for"
      ? h("p", {}, h("a", { href: "/help", class: "button secondary" }, t("guide.to_help")))
      : null,
    h("nav", { class: "guide-nav", "aria-label": t("guide.nav") },
      h("ul", { class: "link-list" },
        Object.keys(PAGES).filter((other) => other !== key).map((other) =>
          h("li", {}, h("a", { href: `/guide/${other}` }, t(`guide.${other}.title`)))))),
  );
}

export function guide({ params }) {
  const key = params.page in PAGES ? params.page : "how";
  return page(key);
}
