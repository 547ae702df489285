// Before ending a couple (the partner will see it): a short note that leaving can raise the
// risk when there has been violence or control, with the 24/7 line of the person's country.
// It can be skipped with one tap.
import { deferred, h } from "../dom.js";
import { t } from "../i18n.js";
import { currentUser } from "../session.js";
import { callLink, firstOfKind, helpFor } from "./resources.js";

export function leavingNote({ onContinue }) {
  const line = deferred(
    () => helpFor(currentUser()?.country),
    (help) => {
      const resource = firstOfKind(help.resources, "domestic_abuse", { openAllHours: true }) || firstOfKind(help.resources, "domestic_abuse");
      return resource ? h("p", {}, resource.name, " ", callLink(resource, "button secondary")) : h("p");
    },
  );
  const note = h(
    "section",
    { class: "card leaving-note", "data-testid": "leaving-note", tabindex: "-1" },
    h("h2", {}, t("couple.note_title")),
    h("p", {}, t("couple.note_body")),
    line,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "button", "data-testid": "leaving-note-continue", onclick: onContinue }, t("couple.note_continue")),
      h("a", { href: "/help", class: "button secondary" }, t("couple.note_help")),
    ),
  );
  return note;
}
