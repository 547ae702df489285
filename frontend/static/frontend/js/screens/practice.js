// The therapist's practice. The caseload (`/`, `/practice`): every linked couple with what needs
// attention first, and invites still waiting for consent. One couple's file
// (`/practice/<id>`): assignments (edit, withdraw, overdue flagged) with their sessions' states
// and dates, what partners chose to share, the timeline, private notes, the exercise picker,
// and the record (print view and a download). Wide on a desktop, stacked on a phone; the print
// stylesheet leaves out the safety bar, navigation and forms.
import { api } from "../api.js";
import { deferred, empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { language, t } from "../i18n.js";
import { navigate, rerender } from "../router.js";
import { valueText } from "../parts/answers.js";
import { trendChart } from "../parts/trend_chart.js";

function formatDate(value) {
  return value ? new Date(value).toLocaleDateString(language(), { dateStyle: "long" }) : "";
}

function formatDay(value) {
  // A date without a time ("2030-01-15") is a calendar day wherever the browser is.
  if (!value) return "";
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(language(), { dateStyle: "long" });
}

function formatMoment(value) {
  return value ? new Date(value).toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" }) : "";
}

function today() {
  const now = new Date();
  const pad = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function translated(key, fallback) {
  const text = t(key);
  return text === key ? fallback : text;
}

function names(partners) {
  return (partners || []).map((partner) => partner.display_name).join(" & ");
}

function gate(error) {
  if (error.code === "not_a_therapist" || error.code === "mfa_required") {
    return screen(
      t("practice.title"),
      h("p", { class: "notice", role: "status" }, error.message),
      h("p", {}, t(`practice.${error.code}`)),
      error.code === "mfa_required" ? h("p", {}, h("a", { href: "/profile/two-step", class: "button", "data-testid": "setup-mfa" }, t("practice.setup_mfa"))) : null,
    );
  }
  throw error;
}

// ---- the caseload ------------------------------------------------------------------------------

function attentionText(item) {
  const exercise = item.exercise?.title || "";
  switch (item.kind) {
    case "overdue":
      return t("caseload.overdue", { exercise, date: formatDay(item.due_on) });
    case "due_soon":
      return t("caseload.due_soon", { exercise, date: formatDay(item.due_on) });
    case "new_share":
      return t("caseload.new_share", { name: item.display_name, exercise });
    case "new_report":
      return t("caseload.new_report", { name: item.display_name });
    case "quiet":
      return t("caseload.quiet", { date: formatDate(item.at) });
    default:
      return item.kind;
  }
}

function coupleCard(couple) {
  const items = couple.attention || [];
  return h(
    "li",
    { class: `card couple-card${items.length ? " needs-attention" : ""}`, "data-couple": couple.id },
    h("h3", {}, h("a", { href: `/practice/${couple.id}` }, names(couple.partners))),
    items.length
      ? h("ul", { class: "attention" }, items.map((item) =>
          h("li", { class: `attention-item kind-${item.kind}`, "data-kind": item.kind }, attentionText(item)),
        ))
      : h("p", { class: "hint" }, t("caseload.nothing")),
    h("p", { class: "hint" },
      t("caseload.open_assignments", { count: couple.open_assignments }),
      couple.next_due_on ? ` · ${t("caseload.next_due", { date: formatDay(couple.next_due_on) })}` : "",
      ` · ${t("practice.linked_since", { date: formatDate(couple.linked_since) })}`,
    ),
  );
}

function waitingList(waiting) {
  if (!waiting.length) return empty(t("caseload.no_waiting"));
  return h("ul", { class: "plain waiting" }, waiting.map((invite) =>
    h("li", { class: "card", "data-invite": invite.id, "data-state": invite.state },
      h("p", {}, invite.state === "pending" ? t("caseload.half_consent") : t("caseload.code_unused")),
      h("p", { class: "hint" }, t("caseload.consent_until", { date: formatDate(invite.expires_at) })),
    ),
  ));
}

function inviteForm() {
  const slot = h("div");
  const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button" }, t("practice.invite")));
  onSubmit(form, async () => {
    const invite = await api.post("therapist/invites/");
    slot.replaceChildren(
      h("section", { class: "card invite" },
        h("p", {}, t("practice.invite_intro")),
        h("p", { class: "code", "data-testid": "therapist-code" }, invite.code),
        h("p", { class: "hint" }, t("pair.expires", { date: formatDate(invite.expires_at) })),
      ),
    );
  });
  return [form, slot];
}

export async function caseload() {
  let data;
  try {
    data = await api.get("therapist/caseload/");
  } catch (error) {
    return gate(error);
  }
  const attention = data.couples.filter((couple) => couple.attention.length).length;
  return screen(
    t("practice.title"),
    h("div", { class: "wide practice-grid" },
      h("section", { class: "practice-main", "aria-labelledby": "caseload-couples" },
        h("h2", { id: "caseload-couples" }, t("caseload.couples")),
        data.couples.length
          ? [
              h("p", { class: "hint", role: "status" }, t("caseload.summary", { count: data.couples.length, attention })),
              h("ul", { class: "plain couples" }, data.couples.map(coupleCard)),
            ]
          : empty(t("practice.no_couples")),
      ),
      h("aside", { class: "practice-side", "aria-labelledby": "caseload-waiting" },
        h("h2", { id: "caseload-waiting" }, t("caseload.waiting")),
        waitingList(data.waiting),
        h("h2", {}, t("practice.invite_title")),
        inviteForm(),
      ),
    ),
  );
}

// ---- one couple's file -------------------------------------------------------------------------

function progressBlock(progress) {
  return h(
    "div",
    { class: "progress", "data-session": progress.id },
    h("p", {}, h("span", { class: "badge" }, t(`status.${progress.status}`)), " ", formatDate(progress.started_at)),
    h("ul", { class: "plain" }, (progress.partners || []).map((partner) =>
      h("li", {}, t("session.partner_state", { name: partner.display_name, state: t(`state.${partner.state || "not_started"}`) })),
    )),
    (progress.shared || []).map((share) =>
      h("section", { class: "shared", "data-testid": "shared-answers" },
        h("h4", {}, t("practice.shared_by", { name: share.display_name, date: formatDate(share.shared_at) })),
        h("dl", {}, (share.answers || []).map((answer) => [
          h("dt", {}, answer.prompt?.text || ""),
          h("dd", {}, answer.prompt ? valueText(answer.prompt, answer.value) : String(answer.value ?? "")),
        ])),
      ),
    ),
  );
}

function assignmentStatus(assignment) {
  if (assignment.withdrawn_at) return t("file.withdrawn_on", { date: formatDate(assignment.withdrawn_at) });
  if (assignment.completed) return t("practice.completed_on", { date: formatDate(assignment.completed_at) });
  if (assignment.started) return t("practice.started_on", { date: formatDate(assignment.started_at) });
  return t("practice.not_started");
}

function assignmentTools(coupleId, assignment) {
  const url = `therapist/couples/${coupleId}/assignments/${assignment.id}/`;
  const edit = h(
    "form",
    { class: "form no-print", hidden: true, novalidate: true, "data-testid": "assignment-edit" },
    field({ name: "note", label: t("file.edit_note"), type: "textarea", value: assignment.note, maxlength: 2000, rows: 3 }),
    field({ name: "due_on", label: t("file.edit_due"), type: "date", value: assignment.due_on || "", min: today() }),
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button" }, t("file.save")),
      h("button", { type: "button", class: "button secondary", onclick: () => { edit.hidden = true; buttons.hidden = false; } }, t("action.cancel")),
    ),
  );
  onSubmit(edit, async (values) => {
    await api.patch(url, { note: values.get("note") || "", due_on: values.get("due_on") || null });
    rerender();
  });
  const withdraw = h(
    "form",
    { class: "form no-print", hidden: true },
    h("p", {}, t("file.withdraw_confirm")),
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button danger" }, t("file.withdraw_yes")),
      h("button", { type: "button", class: "button secondary", onclick: () => { withdraw.hidden = true; buttons.hidden = false; } }, t("action.cancel")),
    ),
  );
  onSubmit(withdraw, async () => {
    await api.delete(url);
    rerender();
  });
  const buttons = h("div", { class: "actions no-print" },
    h("button", { type: "button", class: "button secondary", onclick: () => { buttons.hidden = true; edit.hidden = false; edit.querySelector("textarea")?.focus(); } }, t("file.change")),
    h("button", { type: "button", class: "button quiet", onclick: () => { buttons.hidden = true; withdraw.hidden = false; withdraw.querySelector("button")?.focus(); } }, t("file.withdraw")),
  );
  return [buttons, edit, withdraw];
}

function assignmentCard(coupleId, assignment) {
  const closed = assignment.completed || assignment.withdrawn_at;
  return h(
    "li",
    { class: `card${assignment.withdrawn_at ? " withdrawn" : ""}`, "data-assignment": assignment.id },
    h("h3", {}, assignment.exercise?.title || "",
      assignment.overdue ? [" ", h("span", { class: "badge overdue", "data-testid": "overdue" }, t("file.overdue"))] : null,
      assignment.withdrawn_at ? [" ", h("span", { class: "badge" }, t("file.withdrawn"))] : null,
    ),
    assignment.note ? h("p", {}, assignment.note) : null,
    assignment.due_on ? h("p", { class: "hint" }, t("therapist.due", { date: formatDay(assignment.due_on) })) : null,
    h("p", { class: "hint" }, assignmentStatus(assignment)),
    (assignment.sessions || []).map(progressBlock),
    closed ? null : assignmentTools(coupleId, assignment),
  );
}

function timelineText(event) {
  const vars = { name: event.display_name || "", exercise: event.exercise?.title || "" };
  return t(`timeline.${event.kind}`, vars);
}

function timeline(events) {
  if (!events.length) return empty(t("file.no_events"));
  return h("ol", { class: "plain timeline", "data-testid": "timeline" }, events.map((event) =>
    h("li", { "data-kind": event.kind },
      h("time", { datetime: event.at }, formatMoment(event.at)),
      " ",
      h("span", {}, timelineText(event)),
    ),
  ));
}

function consentLine(couple) {
  const parts = (couple.consents || []).map((consent) => t("file.consented", { name: consent.display_name, date: formatDate(consent.accepted_at) }));
  return h("p", { class: "hint", "data-testid": "consents" }, parts.join(" · "));
}

function notesPart(coupleId) {
  const url = `therapist/couples/${coupleId}/notes/`;
  const list = deferred(() => api.get(url), (notes) => notes.length
    ? h("ul", { class: "plain notes" }, notes.map((note) => {
        const remove = h("button", { type: "button", class: "button quiet no-print" }, t("file.note_delete"));
        remove.addEventListener("click", async () => {
          remove.disabled = true;
          await api.delete(`${url}${note.id}/`).finally(() => { remove.disabled = false; });
          rerender();
        });
        return h("li", { class: "card note", "data-note": note.id },
          h("p", { class: "hint" }, formatMoment(note.created_at)),
          h("p", { class: "note-text" }, note.text),
          remove,
        );
      }))
    : empty(t("file.no_notes")));
  const form = h(
    "form",
    { class: "form no-print", novalidate: true },
    field({ name: "text", label: t("file.note_new"), type: "textarea", rows: 4, maxlength: 10000 }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("file.note_save")),
  );
  onSubmit(form, async (values) => {
    await api.post(url, { text: values.get("text") || "" });
    rerender();
  });
  return h("section", { class: "card private-notes", "aria-labelledby": "private-notes" },
    h("h2", { id: "private-notes" }, t("file.notes")),
    h("p", { class: "hint" }, t("file.notes_private")),
    form,
    list,
  );
}

function exercisePreview(exercise) {
  if (!exercise) return h("div");
  // level and audience are shown when the library gives them.
  const facts = [
    t("file.minutes", { count: exercise.minutes }),
    exercise.level ? t("file.level", { level: translated(`file.level_${exercise.level}`, exercise.level) }) : null,
    exercise.audience ? translated(`file.audience_${exercise.audience}`, exercise.audience) : null,
  ].filter(Boolean);
  const prompts = h("div", { class: "prompt-preview" });
  const details = h("details", {}, h("summary", {}, t("file.preview_prompts")), prompts);
  let loaded = false;
  details.addEventListener("toggle", () => {
    if (!details.open || loaded) return;
    loaded = true;
    prompts.replaceChildren(deferred(
      () => api.get(`exercises/${encodeURIComponent(exercise.slug)}/`),
      (detail) => h("ol", {}, (detail.prompts || []).map((prompt) => h("li", {}, prompt.text))),
    ));
  });
  return h("div", { class: "exercise-preview", "data-testid": "exercise-preview" },
    exercise.summary ? h("p", {}, exercise.summary) : null,
    h("p", { class: "hint" }, facts.join(" · ")),
    details,
  );
}

async function assignForm(coupleId) {
  const data = await api.get("exercises/");
  const exercises = data.results || data;
  const bySlug = Object.fromEntries(exercises.map((item) => [item.slug, item]));
  const preview = h("div", { class: "preview-slot", "aria-live": "polite" }, exercisePreview(exercises[0]));
  const picker = field({ name: "exercise", label: t("practice.exercise"), type: "select", value: exercises[0]?.slug, options: exercises.map((item) => ({ value: item.slug, label: item.title })) });
  picker.querySelector("select").addEventListener("change", (event) => {
    preview.replaceChildren(exercisePreview(bySlug[event.target.value]));
  });
  const form = h(
    "form",
    { class: "form no-print", novalidate: true },
    picker,
    preview,
    field({ name: "note", label: t("practice.note"), type: "textarea", hint: t("practice.note_hint"), maxlength: 2000, rows: 3 }),
    field({ name: "due_on", label: t("practice.due_on"), type: "date", min: today() }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("practice.assign")),
  );
  onSubmit(form, async (values) => {
    await api.post(`therapist/couples/${coupleId}/assignments/`, {
      exercise: values.get("exercise"),
      note: values.get("note") || "",
      due_on: values.get("due_on") || null,
    });
    rerender();
  });
  return h("section", { class: "card no-print" }, h("h2", {}, t("practice.assign_title")), form);
}

async function downloadRecord(coupleId) {
  const record = await api.get(`therapist/couples/${coupleId}/record/`);
  const blob = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
  const link = h("a", { href: URL.createObjectURL(blob), download: "tweespraak-record.json" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function recordTools(couple) {
  const status = h("p", { class: "form-error", role: "alert", hidden: true });
  const download = h("button", { type: "button", class: "button secondary" }, t("file.download"));
  download.addEventListener("click", async () => {
    status.hidden = true;
    try {
      await downloadRecord(couple.id);
    } catch (error) {
      status.textContent = error?.message || t("error.generic");
      status.hidden = false;
    }
  });
  return h("div", { class: "actions no-print" },
    h("button", { type: "button", class: "button secondary", onclick: () => window.print() }, t("file.print")),
    download,
    status,
  );
}

// Each partner's pulse trend, only where that partner consented (issue 22's measures).
function measuresPart(coupleId) {
  return deferred(
    () => api.get(`therapist/couples/${coupleId}/measures/`),
    (data) => h("section", { class: "card measures", "data-testid": "measures" },
      h("h2", {}, t("measures.title")),
      data.partners.map((partner) => partner.consented
        ? (partner.trend.length
            ? trendChart(partner.trend, { title: t("measures.trend_of", { name: partner.display_name }) })
            : h("p", { class: "hint" }, t("measures.no_entries", { name: partner.display_name })))
        : h("p", { class: "hint" }, t("measures.no_consent", { name: partner.display_name }))),
    ),
  );
}

export async function coupleFile({ params }) {
  let couple;
  try {
    couple = await api.get(`therapist/couples/${encodeURIComponent(params.id)}/`);
  } catch (error) {
    if (error.status === 404) return navigate("/practice");
    return gate(error);
  }
  // Opening the file: what was shared until now is no longer new on the caseload.
  api.post(`therapist/couples/${couple.id}/seen/`).catch(() => null);
  const reports = couple.partners.flatMap((partner) => (partner.shared_reports || []).map((report) => ({ ...report, name: partner.display_name })));
  return screen(
    names(couple.partners),
    h("p", { class: "hint" }, t("practice.linked_since", { date: formatDate(couple.linked_since) })),
    consentLine(couple),
    recordTools(couple),
    h("div", { class: "wide practice-grid" },
      h("div", { class: "practice-main" },
        h("h2", {}, t("practice.assignments")),
        couple.assignments.length
          ? h("ol", { class: "plain assignments" }, couple.assignments.map((assignment) => assignmentCard(couple.id, assignment)))
          : empty(t("practice.no_assignments")),
        couple.shared_sessions?.length ? [h("h2", {}, t("practice.shared_sessions")), couple.shared_sessions.map(progressBlock)] : null,
        reports.length
          ? [h("h2", {}, t("file.reports")), h("ul", { class: "plain" }, reports.map((report) =>
              h("li", { class: "card" }, h("p", { class: "hint" }, t("file.report_shared", { name: report.name, date: formatDate(report.created_at) })), report.note ? h("p", {}, report.note) : null),
            ))]
          : null,
        h("h2", {}, t("file.timeline")),
        timeline(couple.timeline || []),
      ),
      h("div", { class: "practice-side" },
        measuresPart(couple.id),
        notesPart(couple.id),
        await assignForm(couple.id),
      ),
    ),
    h("p", { class: "no-print" }, h("a", { href: "/practice" }, t("practice.back"))),
  );
}
