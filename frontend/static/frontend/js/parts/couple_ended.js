// After a couple ended: the kind notice both former partners see where the couple used to be
// (home, /couple), with a way to support. Only the date; never who ended it.
import { api } from "../api.js";
import { h } from "../dom.js";
import { language, t } from "../i18n.js";

function formatDate(value) {
  return value ? new Date(value).toLocaleDateString(language(), { dateStyle: "long" }) : "";
}

export function endedNotice(endedAt) {
  return h("section", { class: "card", "data-testid": "couple-ended-notice" },
    h("h2", {}, t("couple.ended_title")),
    h("p", {}, t("couple.ended_notice", { date: formatDate(endedAt) })),
    h("p", {}, t("couple.ended_support")),
    h("a", { href: "/help", class: "button secondary" }, t("couple.ended_support_link")),
  );
}

// When my last couple ended, or null while I am in one (or never was).
export async function lastEnded() {
  const data = await api.get("pairing/couple/ended/").catch(() => null);
  return data?.ended_at || null;
}
