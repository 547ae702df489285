// The start screen: a welcome when signed out; the couple, the check-in and the sessions
// when signed in.
import { api } from "../api.js";
import { deferred, empty, h, screen } from "../dom.js";
import { t } from "../i18n.js";
import { follow } from "../live.js";
import { onLeave, rerender } from "../router.js";
import { currentUser } from "../session.js";
import { codeForm } from "../parts/code_form.js";
import { endedNotice, lastEnded } from "../parts/couple_ended.js";
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

async function myCouple() {
  return api.get("pairing/couple/").catch((error) => {
    if (error.status === 404) return null;
    throw error;
  });
}

// The three first steps, in their order; `at` is the one to do now (0-based), earlier ones done.
function firstSteps(at) {
  const steps = ["home.step_pair", "home.step_checkin", "home.step_exercise"];
  return h("ol", { class: "first-steps", "data-testid": "first-steps" },
    steps.map((key, index) => h("li", {
      class: index < at ? "done" : index === at ? "current" : "",
      "aria-current": index === at ? "step" : null,
    }, t(key), index < at ? h("span", { class: "visually-hidden" }, ` (${t("home.step_done")})`) : null)));
}

function howItWorks() {
  return h("section", { class: "card how-it-works", "data-testid": "how-it-works" },
    h("h2", {}, t("guide.how.title")),
    h("ul", {}, ["alone", "together", "boundaries", "safety"].map((key) => h("li", {}, t(`home.how_${key}`)))),
    h("a", { href: "/guide/how" }, t("home.how_more")),
  );
}

// ONE next step, the most useful now: pair, check in, look together, answer, or choose.
function nextStep({ couple, checkin, open }) {
  const card = (title, body, href, label, at = null) =>
    h("section", { class: "card next-step", "data-testid": "next-step" },
      at === null ? null : firstSteps(at),
      h("h2", {}, title),
      body ? h("p", {}, body) : null,
      href ? h("a", { href, class: "button" }, label) : null);
  if (!couple) {
    // A single person links first; the check-in comes once there is someone to do it with.
    const pair = card(t("home.pair_title"), t("home.pair_intro"), "/pair", t("pair.title"), 0);
    pair.append(codeForm());
    return pair;
  }
  const name = couple.partner.display_name;
  if (checkin.due) return card(t("checkin.title"), t("home.checkin_due"), "/check-in", t("home.checkin_start"), open.length ? null : 1);
  const live = open.find((item) => ["ready_to_reveal", "revealing"].includes(item.status));
  if (live) return card(t("home.next_together", { name }), live.exercise?.title, `/s/${live.id}`, t("home.next_together_go"));
  const answering = open.find((item) => item.status === "answering");
  if (answering) {
    return card(t("home.next_answer", { title: answering.exercise?.title || t("session.untitled") }), t("home.next_answer_body", { name }), `/s/${answering.id}`, t("home.next_answer_go"));
  }
  return card(t("home.choose_exercise"), t("home.next_choose_body", { name }), "/library", t("home.choose_exercise"));
}

function homeBody() {
  return deferred(
    async () => {
      const [couple, checkin, list] = await Promise.all([
        myCouple(),
        api.get("safety/check-in/"),
        api.get("sessions/").then((data) => data.results || data),
      ]);
      const open = list.filter((item) => !["completed", "abandoned"].includes(item.status));
      return { couple, checkin, open, endedAt: couple ? null : await lastEnded() };
    },
    (state) => h("div", { class: "home" },
      state.endedAt ? endedNotice(state.endedAt) : null,
      nextStep(state),
      state.couple
        ? h("section", { class: "card" },
            h("h2", {}, t("home.sessions_title")),
            state.open.length ? sessionList(state.open) : empty(t("home.sessions_empty")),
            h("p", {}, t("couple.with", { name: state.couple.partner.display_name }), " · ",
              h("a", { href: "/couple" }, t("home.couple_details"))),
            h("div", { class: "actions" }, h("a", { href: "/daily", class: "button secondary" }, t("daily.title"))))
        : howItWorks(),
      h("section", { class: "card" },
        h("h2", {}, t("pulse.title")),
        h("p", {}, t("pulse.home_intro")),
        h("a", { href: "/pulse", class: "button secondary" }, t("pulse.open"))),
    ),
  );
}

// Home follows /ws/me/: the partner joined or left, a session moved on. It is drawn again,
// unless the person is typing (the code form), so nothing typed is lost.
function followHome() {
  let linked = null;
  myCouple().then((couple) => { linked ??= Boolean(couple); }, () => null);
  onLeave(follow(async (frame) => {
    const typing = () => document.activeElement?.matches?.("input, textarea, select");
    if (frame.type === "poll") {
      // Without the socket: only a couple formed or ended redraws home (no flicker).
      const now = Boolean(await myCouple().catch(() => null));
      if (linked !== null && now !== linked && !typing()) rerender();
      linked = now;
      return;
    }
    if (!["couple", "session", "daily"].includes(frame.type)) return;
    if (!typing()) rerender();
  }));
}

export function home() {
  const me = currentUser();
  if (!me) return welcome();
  followHome();
  return screen(
    t("home.hello", { name: me.display_name }),
    homeBody(),
    h("ul", { class: "link-list guide-links" },
      ["how", "privacy", "not-for"].map((key) => h("li", {}, h("a", { href: `/guide/${key}` }, t(`guide.${key}.title`))))),
  );
}
