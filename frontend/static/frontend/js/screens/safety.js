// Safety comes before every couple exercise: the help-first screen, the advice page and the
// check-in. Nothing here is cached by the service worker.
import { api } from "../api.js";
import { deferred, empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { quickExit } from "../exit.js";
import { countryName, t } from "../i18n.js";
import { navigate } from "../router.js";
import { currentUser } from "../session.js";
import { COUNTRIES } from "./accounts.js";

// Emergency numbers first, then helplines, then chat and the rest.
const KIND_ORDER = ["emergency", "helpline", "chat"];

function kindRank(resource) {
  if (resource.is_emergency) return -1;
  const rank = KIND_ORDER.indexOf(resource.kind);
  return rank === -1 ? KIND_ORDER.length : rank;
}

function resourceItem(resource) {
  const phone = resource.phone || resource.number;
  const url = resource.url || resource.chat_url;
  const emergency = resource.is_emergency || resource.kind === "emergency";
  return h(
    "li",
    { class: emergency ? "resource emergency" : "resource" },
    h("h3", {}, resource.name || resource.title),
    resource.description ? h("p", {}, resource.description) : null,
    resource.text_instructions ? h("p", {}, resource.text_instructions) : null,
    resource.hours ? h("p", { class: "hint" }, resource.hours) : null,
    phone ? h("a", { href: `tel:${phone.replace(/\s/g, "")}`, class: "button call" }, t("help.call", { number: phone })) : null,
    url ? h("a", { href: url, class: "button secondary", rel: "noreferrer noopener", target: "_blank" }, t("help.website")) : null,
  );
}

export function resourceList(resources) {
  if (!resources?.length) return empty(t("help.no_resources"));
  const sorted = [...resources].sort((a, b) => kindRank(a) - kindRank(b));
  return h("ul", { class: "resources", "data-testid": "resources" }, sorted.map(resourceItem));
}

function resourcesFor(country) {
  return api.get(`safety/resources/?country=${encodeURIComponent(country)}`).then((data) => data.resources || data.results || data);
}

function reportForm() {
  const done = h("p", { class: "notice", role: "status", hidden: true }, t("help.report_done"));
  const form = h(
    "form",
    { class: "form" },
    field({ name: "note", label: t("help.report_note"), hint: t("help.report_note_hint"), type: "textarea" }),
    h(
      "div",
      { class: "check" },
      h("input", { type: "checkbox", id: "share-with-therapist", name: "share_with_therapist" }),
      h("label", { for: "share-with-therapist" }, t("help.report_share")),
    ),
    formError(),
    h("button", { type: "submit", class: "button" }, t("help.report_submit")),
  );
  onSubmit(form, async (data) => {
    await api.post("safety/reports/", {
      note: data.get("note") || "",
      share_with_therapist: data.get("share_with_therapist") === "on",
    });
    form.hidden = true;
    done.hidden = false;
    done.focus?.();
  });
  return h("section", { class: "card" }, h("h2", {}, t("help.report_title")), h("p", {}, t("help.report_intro")), form, done);
}

function pauseStatus() {
  return deferred(
    () => api.get("safety/status/"),
    (status) => {
      if (!status.paused) return h("div");
      const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button secondary" }, t("help.resume")));
      onSubmit(form, async () => {
        await api.post("safety/resume/");
        navigate("/");
      });
      return h("section", { class: "card" }, h("h2", {}, t("help.paused_title")), h("p", {}, t("help.paused_body")), form);
    },
  );
}

export function help() {
  const me = currentUser();
  const initial = me?.country || "NL";
  const countries = COUNTRIES.includes(initial) ? COUNTRIES : [initial, ...COUNTRIES];
  const holder = h("div", { class: "resources-holder" });
  const show = (country) => holder.replaceChildren(deferred(() => resourcesFor(country), resourceList));
  const countryField = field({
    name: "country",
    label: t("account.country"),
    type: "select",
    value: initial,
    options: countries.map((code) => ({ value: code, label: countryName(code) })),
  });
  countryField.querySelector("select").addEventListener("change", (event) => show(event.target.value));
  show(initial);
  return screen(
    t("help.title"),
    h("p", { class: "lead" }, t("help.intro")),
    h("p", { class: "emergency-note" }, t("help.emergency")),
    countryField,
    holder,
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("help.signs_title")),
      h("p", {}, t("help.signs_intro")),
      h("ul", {}, ["control", "gaslighting", "contempt", "threats", "anger", "neglect", "aggression"].map((key) => h("li", {}, t(`help.sign.${key}`)))),
      h("p", {}, t("help.signs_outro")),
    ),
    me ? reportForm() : null,
    me ? pauseStatus() : null,
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("help.way_out_title")),
      h("p", {}, t("help.way_out_body")),
      h("button", { type: "button", class: "button leave-inline", onclick: quickExit }, t("chrome.leave")),
      h("p", {}, h("a", { href: "/advice" }, t("nav.advice"))),
    ),
  );
}

export function advice() {
  const section = (key) =>
    h("section", { class: "card" }, h("h2", {}, t(`advice.${key}.title`)), h("p", {}, t(`advice.${key}.body`)));
  return screen(
    t("advice.title"),
    h("p", { class: "lead" }, t("advice.intro")),
    section("private"),
    section("history"),
    section("shared"),
    section("exit"),
    h("p", {}, h("a", { href: "/help", class: "button secondary" }, t("chrome.unsafe"))),
  );
}

function yesNo(question) {
  const name = `q-${question.id}`;
  return h(
    "fieldset",
    { class: "yes-no", "data-field": question.id },
    h("legend", {}, question.text),
    h("div", { class: "choices" },
      ["yes", "no"].map((value) =>
        h("label", { class: "choice" }, h("input", { type: "radio", name, value, required: true }), t(`checkin.${value}`)),
      ),
    ),
    h("p", { class: "field-error", hidden: true }),
  );
}

export async function checkIn({ query }) {
  const next = query.get("next");
  const checkin = await api.get("safety/check-in/");
  const body = h("div", { class: "checkin" });
  const finish = async (payload) => {
    const result = await api.post("safety/check-in/", payload);
    if (result.outcome === "help_first") return navigate("/help");
    if (result.outcome === "not_alone") {
      body.replaceChildren(h("p", { class: "notice", role: "status", tabindex: "-1" }, t("checkin.not_alone")), h("a", { href: "/", class: "button" }, t("action.home")));
      body.querySelector("p").focus();
      return;
    }
    body.replaceChildren(
      h("p", { class: "notice", role: "status", tabindex: "-1" }, t("checkin.ok")),
      h("a", { href: next && next.startsWith("/") && !next.startsWith("//") ? next : "/", class: "button" }, t("action.continue")),
    );
    body.querySelector("p").focus();
  };
  const questions = () => {
    const form = h(
      "form",
      { class: "form", "data-testid": "checkin-questions" },
      h("p", {}, t("checkin.questions_intro")),
      checkin.questions.map(yesNo),
      formError(),
      h("button", { type: "submit", class: "button" }, t("action.continue")),
    );
    onSubmit(form, async (data) => {
      const answers = {};
      for (const question of checkin.questions) answers[question.id] = data.get(`q-${question.id}`);
      if (Object.values(answers).some((value) => !value)) {
        throw Object.assign(new Error(t("checkin.answer_all")), { code: "invalid", fields: null });
      }
      await finish({ alone: true, answers });
    });
    body.replaceChildren(form);
    form.querySelector("legend")?.scrollIntoView?.();
  };
  body.append(
    h("p", { class: "lead" }, checkin.alone_question || t("checkin.alone_question")),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "button", "data-testid": "alone-yes", onclick: questions }, t("checkin.alone_yes")),
      h("button", { type: "button", class: "button secondary", onclick: () => finish({ alone: false, answers: {} }) }, t("checkin.alone_no")),
    ),
  );
  return screen(t("checkin.title"), h("p", {}, checkin.due ? t("checkin.intro_due") : t("checkin.intro")), body);
}
