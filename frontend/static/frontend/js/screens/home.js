// The start screen: a welcome when signed out; the couple, the check-in and the sessions
// when signed in.
import { api } from "../api.js";
import { deferred, empty, h, screen } from "../dom.js";
import { t } from "../i18n.js";
import { currentUser } from "../session.js";
import { codeForm } from "../parts/code_form.js";
import { sessionList } from "../parts/session_list.js";

function welcome() {
  return screen(
    "Tweespraak",
    h("p", { class: "lead" }, t("home.tagline")),
    h("p", {}, t("home.intro")),
    h("div", { class: "actions" },
      h("a", { href: "/signup", class: "button" }, t("nav.signup")),
      h("a", { href: "/login", class: "button secondary" }, t("nav.login")),
    ),
    h("p", {}, h("a", { href: "/guide/how" }, t("guide.how.title"))),
    h("p", {}, h("a", { href: "/advice" }, t("nav.advice"))),
  );
}

function coupleCard() {
  return deferred(
    () => api.get("pairing/couple/").catch((error) => {
      if (error.status === 404) return null;
      throw error;
    }),
    (couple) => couple
      ? h("section", { class: "card" },
          h("h2", {}, t("couple.title")),
          h("p", {}, t("couple.with", { name: couple.partner.display_name })),
          h("div", { class: "actions" },
            h("a", { href: "/daily", class: "button" }, t("daily.title")),
            h("a", { href: "/library", class: "button secondary" }, t("home.choose_exercise")),
            h("a", { href: "/couple", class: "button secondary" }, t("home.couple_details")),
          ),
        )
      : h("section", { class: "card" },
          h("h2", {}, t("home.pair_title")),
          h("p", {}, t("home.pair_intro")),
          h("a", { href: "/pair", class: "button" }, t("pair.title")),
          codeForm(),
        ),
  );
}

function checkInCard() {
  return deferred(
    () => api.get("safety/check-in/"),
    (checkin) => checkin.due
      ? h("section", { class: "card" },
          h("h2", {}, t("checkin.title")),
          h("p", {}, t("home.checkin_due")),
          h("a", { href: "/check-in", class: "button" }, t("home.checkin_start")),
        )
      : h("div"),
  );
}

function sessionsCard() {
  return deferred(
    () => api.get("sessions/").then((data) => data.results || data),
    (list) => {
      const open = list.filter((item) => !["completed", "abandoned"].includes(item.status));
      return h("section", { class: "card" },
        h("h2", {}, t("home.sessions_title")),
        open.length ? sessionList(open) : empty(t("home.sessions_empty")),
      );
    },
  );
}

export function home() {
  const me = currentUser();
  if (!me) return welcome();
  return screen(
    t("home.hello", { name: me.display_name }),
    checkInCard(),
    coupleCard(),
    sessionsCard(),
    h("section", { class: "card" },
      h("h2", {}, t("pulse.title")),
      h("p", {}, t("pulse.home_intro")),
      h("a", { href: "/pulse", class: "button secondary" }, t("pulse.open")),
    ),
    h("ul", { class: "link-list guide-links" },
      ["how", "privacy", "not-for"].map((key) => h("li", {}, h("a", { href: `/guide/${key}` }, t(`guide.${key}.title`))))),
  );
}
