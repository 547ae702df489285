// "Not now": decline or postpone a started exercise with one of a few kind messages, and the
// partner's message as the partner sees it. The server keeps the message keys; the words are ours.
import { api } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";

export const NOT_NOW_MESSAGES = ["not_tonight", "too_tired", "later_this_week", "more_time", "another_one"];

export function partnerNotNow(session) {
  const message = session.partner?.not_now?.message;
  if (!message) return null;
  return h("p", { class: "notice", role: "status", "data-testid": "partner-not-now" },
    t("notnow.partner_said", { name: session.partner.display_name || t("session.partner"), message: t(`notnow.msg.${message}`) }));
}

export function notNowCard(session, changed) {
  const mine = session.me?.not_now?.message;
  const status = h("p", { class: "hint", "aria-live": "polite" });
  const choose = async (message) => {
    try {
      await api.post(`sessions/${session.id}/not-now/`, { message });
      changed();
    } catch (error) {
      status.textContent = error.message;
    }
  };
  const takeBack = async () => {
    await api.delete(`sessions/${session.id}/not-now/`);
    changed();
  };
  return h("details", { class: "card not-now", "data-testid": "not-now", open: Boolean(mine) },
    h("summary", {}, t("notnow.title")),
    mine
      ? [h("p", {}, t("notnow.you_said", { message: t(`notnow.msg.${mine}`) })),
         h("button", { type: "button", class: "button secondary", onclick: takeBack }, t("notnow.take_back"))]
      : [h("p", { class: "hint" }, t("notnow.intro")),
         h("div", { class: "actions", role: "group", "aria-label": t("notnow.title") },
           NOT_NOW_MESSAGES.map((message) =>
             h("button", { type: "button", class: "chip", "data-message": message, onclick: () => choose(message) }, t(`notnow.msg.${message}`))))],
    status,
  );
}
