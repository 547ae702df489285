// Safety comes before every couple exercise: the help-first screen, the advice page and the
// check-in. Nothing here is cached by the service worker.
import { api } from "../api.js";
import { deferred, field, formError, h, onSubmit, screen } from "../dom.js";
import { quickExit } from "../exit.js";
import { countryName, language, t } from "../i18n.js";
import { COUNTRIES } from "../parts/countries.js";
import { callLink, firstOfKind, helpFor, resourceList } from "../parts/resources.js";
import { myTherapist } from "../parts/therapist_link.js";
import { navigate } from "../router.js";
import { currentUser } from "../session.js";

function inWords(value) {
  return new Intl.DateTimeFormat(language(), { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

function section({ id, title, text, items }) {
  return h(
    "section",
    { class: "card", "data-section": id },
    h("h2", {}, title),
    h("p", {}, text),
    items?.length ? h("ul", {}, items.map((item) => h("li", {}, item))) : null,
  );
}

function reportForm(help) {
  const emergency = firstOfKind(help.resources, "emergency");
  const done = h("p", { class: "notice", role: "status", hidden: true, tabindex: "-1" }, t("help.report_done"));
  const form = h(
    "form",
    { class: "form" },
    field({ name: "note", label: t("help.report_note"), hint: t("help.report_note_hint"), type: "textarea" }),
    // Offered only when the couple has a therapist, named, so the person knows who would see it.
    deferred(myTherapist, (link) =>
      link?.state === "active"
        ? h(
            "div",
            { class: "check" },
            h("input", { type: "checkbox", id: "share-with-therapist", name: "share_with_therapist" }),
            h("label", { for: "share-with-therapist" }, t("help.report_share", { name: link.therapist?.display_name || "" })),
          )
        : h("div"),
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
    done.focus();
  });
  return h(
    "section",
    { class: "card", "data-testid": "report" },
    h("h2", {}, t("help.report_title")),
    h("p", {}, t("help.report_intro")),
    h("p", { class: "notice", "data-testid": "report-honest" }, t("help.report_honest")),
    emergency ? h("p", { class: "emergency-note" }, t("help.report_danger"), " ", callLink(emergency)) : null,
    form,
    done,
  );
}

// The pause never contradicts itself: until when, in words, and "resume" only from then on.
function pauseCard(status) {
  if (!status.paused) return h("div");
  const ready = !status.can_resume_at || new Date(status.can_resume_at) <= new Date();
  const card = h("section", { class: "card", "data-testid": "pause" }, h("h2", {}, t("help.paused_title")));
  if (!ready) {
    card.append(h("p", {}, t("help.paused_until", { when: inWords(status.can_resume_at) })));
    return card;
  }
  const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button secondary" }, t("help.resume")));
  onSubmit(form, async () => {
    await api.post("safety/resume/");
    navigate("/check-in");
  });
  card.append(h("p", {}, t("help.paused_ready")), form);
  return card;
}

function helpContent(help, me) {
  return h(
    "div",
    { class: "help-content" },
    resourceList(help.resources),
    help.about_unsafety ? section({ id: "about_unsafety", ...help.about_unsafety }) : null,
    (help.sections || []).map(section),
    me ? reportForm(help) : null,
  );
}

export function help() {
  const me = currentUser();
  const initial = me?.country || "NL";
  const countries = COUNTRIES.includes(initial) ? COUNTRIES : [initial, ...COUNTRIES];
  const holder = h("div", { class: "resources-holder" });
  const show = (country) => holder.replaceChildren(deferred(() => helpFor(country), (body) => helpContent(body, me)));
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
    me ? deferred(() => api.get("safety/status/"), pauseCard) : null,
    countryField,
    holder,
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
  const part = (key) =>
    h("section", { class: "card" }, h("h2", {}, t(`advice.${key}.title`)), h("p", {}, t(`advice.${key}.body`)));
  return screen(
    t("advice.title"),
    h("p", { class: "lead" }, t("advice.intro")),
    part("private"),
    part("history"),
    part("shared"),
    part("exit"),
    h("p", {}, h("a", { href: "/help", class: "button secondary" }, t("chrome.unsafe"))),
  );
}

const ANSWERS = ["yes", "no", "rather_not_say"];

function urgent(result) {
  const emergency = (result.resources || []).filter((r) => r.kind === "emergency" && r.phone);
  const line = firstOfKind(result.resources, "domestic_abuse", { openAllHours: true });
  return h(
    "div",
    { class: "urgent", "data-testid": "urgent" },
    h("h2", { tabindex: "-1" }, result.message.title),
    emergency.map((resource) => h("p", { class: "urgent-call" }, callLink(resource))),
    h("p", {}, result.message.text),
    line ? h("p", {}, h("strong", {}, line.name), " ", line.hours ? h("span", { class: "hint" }, line.hours) : null) : null,
    line ? h("p", {}, callLink(line, "button secondary")) : null,
    h("p", { class: "hint" }, t("checkin.paused_note")),
    h("p", {}, h("a", { href: "/help", class: "button quiet" }, t("checkin.more_help"))),
  );
}

function thanks() {
  return h(
    "div",
    { "data-testid": "acknowledged" },
    h("h2", { tabindex: "-1" }, t("checkin.thanks_title")),
    h("p", {}, t("checkin.thanks_body")),
    h("a", { href: "/help", class: "button" }, t("checkin.to_help")),
  );
}

function notPaused(result, next) {
  return h(
    "div",
    { "data-testid": "rather-not-say" },
    h("h2", { tabindex: "-1" }, result.message.title),
    h("p", {}, result.message.text),
    h("div", { class: "actions" },
      h("a", { href: "/help", class: "button secondary" }, t("checkin.to_help")),
      h("a", { href: next, class: "button" }, t("action.continue")),
    ),
  );
}

export async function checkIn({ query }) {
  const asked = query.get("next");
  const next = asked && asked.startsWith("/") && !asked.startsWith("//") ? asked : "/";
  const checkin = await api.get("safety/check-in/");
  const body = h("div", { class: "checkin" });
  const answers = {};
  const show = (...nodes) => {
    body.replaceChildren(...nodes);
    body.querySelector("h2, legend, p[tabindex]")?.focus();
  };
  const finish = async (payload) => {
    const result = await api.post("safety/check-in/", payload);
    if (result.outcome === "urgent") return show(urgent(result));
    if (result.outcome === "help_first") return show(result.paused && !result.message ? thanks() : notPaused(result, next));
    if (result.outcome === "not_alone") {
      return show(h("p", { class: "notice", role: "status", tabindex: "-1" }, t("checkin.not_alone")), h("a", { href: "/", class: "button" }, t("action.home")));
    }
    return show(h("p", { class: "notice", role: "status", tabindex: "-1" }, t("checkin.ok")), h("a", { href: next, class: "button" }, t("action.continue")));
  };
  const step = (index) => {
    const question = checkin.questions[index];
    const error = formError();
    const choose = async (value) => {
      answers[question.id] = value;
      if (index + 1 < checkin.questions.length) return step(index + 1);
      try {
        await finish({ alone: true, answers });
      } catch (failure) {
        error.textContent = failure.message || t("error.generic");
        error.hidden = false;
      }
    };
    show(
      h(
        "fieldset",
        { class: "stepper", "data-testid": "checkin-question", "data-question": question.id },
        h("p", { class: "hint", "data-testid": "checkin-progress" }, t("checkin.progress", { n: index + 1, total: checkin.questions.length })),
        h("legend", { tabindex: "-1" }, question.text),
        h("div", { class: "answers" },
          ANSWERS.map((value) =>
            h("button", { type: "button", class: "button secondary", "aria-pressed": String(answers[question.id] === value), "data-answer": value, onclick: () => choose(value) }, t(`checkin.${value}`)),
          ),
        ),
        error,
        index > 0 ? h("button", { type: "button", class: "button quiet", onclick: () => step(index - 1) }, t("checkin.back")) : null,
      ),
    );
  };
  body.append(
    h("section", { class: "card", "data-testid": "checkin-why" }, h("h2", {}, checkin.why.title), h("p", {}, checkin.why.text)),
    h("p", { class: "lead" }, checkin.alone_question),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "button", "data-testid": "alone-yes", onclick: () => step(0) }, t("checkin.alone_yes")),
      h("button", { type: "button", class: "button secondary", onclick: () => finish({ alone: false, answers: {} }) }, t("checkin.alone_no")),
    ),
  );
  return screen(t("checkin.title"), h("p", {}, checkin.due ? t("checkin.intro_due") : t("checkin.intro")), body);
}
