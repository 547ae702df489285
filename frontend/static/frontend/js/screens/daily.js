// The question of the day: answer when you like; both answers show once you both answered, with
// a reaction. No streaks, no counters: a day skipped is simply a day skipped.
import { api } from "../api.js";
import { empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { t } from "../i18n.js";
import { follow } from "../live.js";
import { navigate, onLeave, rerender } from "../router.js";

const REACTIONS = ["thanks", "hear_you", "tell_me_more", "me_too"];
const MAX_LENGTH = 1000;

function dayLabel(date) {
  return new Date(`${date}T12:00:00`).toLocaleDateString(document.documentElement.lang || undefined, { weekday: "long", day: "numeric", month: "long" });
}

function answerBlock(label, text, testid) {
  return h("div", { class: "answer", "data-testid": testid }, h("p", { class: "who" }, label), h("p", {}, text));
}

function partnerBlock(day) {
  if (!day.partner.answered) return h("p", { class: "hint", "data-testid": "daily-partner" }, t("daily.partner_not_yet"));
  if (day.partner.value === null) return h("p", { class: "hint", "data-testid": "daily-partner" }, t("daily.partner_waiting"));
  return answerBlock(t("daily.partner_answer"), day.partner.value, "daily-partner");
}

function reactions(day) {
  if (day.partner.value === null || day.me.value === null) return null;
  const theirs = day.partner.reaction ? h("p", { class: "hint", "data-testid": "daily-their-reaction" }, t("daily.their_reaction", { reaction: t(`reaction.${day.partner.reaction}`) })) : null;
  return h("section", { class: "daily-reactions" },
    h("h2", {}, t("daily.react_title")),
    h("div", { class: "actions", role: "group", "aria-label": t("daily.react_title") },
      REACTIONS.map((reaction) => h("button", {
        type: "button",
        class: "button secondary",
        "aria-pressed": String(day.me.reaction === reaction),
        onclick: async () => {
          await api.put("daily/reaction/", { reaction });
          rerender();
        },
      }, t(`reaction.${reaction}`))),
    ),
    theirs,
  );
}

// The partner answered: /ws/me/ says so (flags only), or a poll re-reads today while the socket
// is down. The screen is drawn again unless the person is typing, so nothing typed is lost.
function followDay(day) {
  let partnerAnswered = day.partner.answered;
  const typing = () => document.activeElement?.matches?.("input, textarea, select");
  onLeave(follow(async (frame) => {
    let now = null;
    if (frame.type === "daily" && frame.date === day.date) now = frame.partner_answered;
    else if (frame.type === "poll") now = (await api.get("daily/").catch(() => null))?.partner.answered ?? null;
    if (now === null || now === partnerAnswered) return;
    partnerAnswered = now;
    if (!typing()) rerender();
  }));
}

export async function daily() {
  let day;
  try {
    day = await api.get("daily/");
  } catch (error) {
    if (error.code === "check_in_required") return navigate(`/check-in?next=${encodeURIComponent("/daily")}`);
    if (error.code === "no_couple") return screen(t("daily.title"), empty(t("daily.no_couple")), h("a", { href: "/pair", class: "button" }, t("pair.title")));
    if (error.code === "paused") return screen(t("daily.title"), h("p", { class: "notice" }, error.message));
    throw error;
  }
  const form = h("form", { class: "form", novalidate: true },
    field({ name: "value", label: t("daily.your_answer"), type: "textarea", value: day.me.value || "", maxlength: MAX_LENGTH, hint: t("daily.hint") }),
    formError(),
    h("button", { type: "submit", class: "button" }, t(day.me.value === null ? "daily.send" : "daily.change")),
  );
  onSubmit(form, async (data) => {
    await api.put("daily/answer/", { value: data.get("value") || "" });
    rerender();
  });
  followDay(day);
  return screen(
    t("daily.title"),
    h("p", { class: "hint" }, dayLabel(day.date)),
    h("section", { class: "card daily" },
      h("h2", { "data-testid": "daily-question" }, day.question.text),
      day.me.value !== null ? answerBlock(t("daily.my_answer"), day.me.value, "daily-mine") : null,
      form,
      partnerBlock(day),
      reactions(day),
    ),
    h("p", {}, h("a", { href: "/daily/history" }, t("daily.history_link"))),
  );
}

export async function history() {
  const days = await api.get("daily/history/");
  return screen(
    t("daily.history_title"),
    days.length
      ? h("ol", { class: "daily-history" }, days.map((day) =>
          h("li", { class: "card" },
            h("p", { class: "hint" }, dayLabel(day.date)),
            h("h2", {}, day.question.text),
            answerBlock(t("daily.my_answer"), day.me.value ?? t("daily.skipped"), "daily-mine"),
            partnerBlock(day),
          )))
      : empty(t("daily.history_empty")),
    h("p", {}, h("a", { href: "/daily" }, t("daily.today_link"))),
  );
}
