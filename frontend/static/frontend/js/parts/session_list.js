// A list of sessions with their status, linking to each.
import { h } from "../dom.js";
import { t } from "../i18n.js";

export function sessionList(items) {
  return h(
    "ul",
    { class: "link-list sessions" },
    items.map((item) =>
      h("li", {},
        h("a", { href: `/s/${item.id}` }, item.exercise?.title || t("session.untitled")),
        " ",
        h("span", { class: "badge" }, t(`status.${item.status}`)),
        item.solo ? [" ", h("span", { class: "badge" }, t("library.audience_solo"))] : null,
        item.partner_not_now
          ? h("p", { class: "hint", "data-testid": "partner-not-now" }, t("notnow.in_list", { message: t(`notnow.msg.${item.partner_not_now}`) }))
          : null,
      ),
    ),
  );
}
