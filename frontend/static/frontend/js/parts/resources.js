// Help resources as the help-first screen, the urgent check-in outcome and the note before
// ending a couple show them. Every dialler link is built here, from a resource's `phone`, which
// the server guarantees is one dialable number (digits, optional leading +).
import { api } from "../api.js";
import { empty, h } from "../dom.js";
import { t } from "../i18n.js";

export function helpFor(country) {
  return api.get(`safety/resources/?country=${encodeURIComponent(country || "")}`);
}

export function callLink(resource, cls = "button call") {
  if (!resource?.phone) return null;
  return h("a", { href: `tel:${resource.phone}`, class: cls }, t("help.call", { number: resource.phone_display || resource.phone }));
}

export function firstOfKind(resources, kind, { openAllHours = false } = {}) {
  return (resources || []).find((r) => r.kind === kind && r.phone && (!openAllHours || r.open_24_7)) || null;
}

function resourceItem(resource) {
  const emergency = resource.kind === "emergency";
  return h(
    "li",
    { class: emergency ? "resource emergency" : "resource", "data-kind": resource.kind },
    h("h3", {}, resource.name),
    resource.description ? h("p", {}, resource.description) : null,
    resource.sms ? h("p", {}, resource.sms) : null,
    resource.hours ? h("p", { class: "hint" }, resource.hours) : null,
    resource.cost ? h("p", { class: "hint", "data-testid": "cost" }, resource.cost) : null,
    callLink(resource, emergency ? "button call" : "button call secondary"),
    resource.chat_url ? h("a", { href: resource.chat_url, class: "button secondary", rel: "noreferrer noopener", target: "_blank" }, t("help.chat")) : null,
    resource.url && resource.url !== resource.chat_url
      ? h("a", { href: resource.url, class: "button secondary", rel: "noreferrer noopener", target: "_blank" }, t("help.website"))
      : null,
  );
}

// The server sends them emergency numbers first, then in the order a person needs them.
export function resourceList(resources) {
  if (!resources?.length) return empty(t("help.no_resources"));
  return h("ul", { class: "resources", "data-testid": "resources" }, resources.map(resourceItem));
}
