// Therapists. The partner side: accept a therapist's code (both partners must), see or remove
// the therapist, the exercises they assigned, and share one's own answers of a revealed
// session. The therapist side (`/practice`): their couples, progress per assignment, assigning
// an exercise, and the answers partners chose to share.
import { api } from "../api.js";
import { deferred, empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { language, t } from "../i18n.js";
import { navigate, rerender } from "../router.js";
import { valueText } from "../parts/answers.js";
import { codeForm } from "../parts/code_form.js";
import { myTherapist } from "../parts/therapist_link.js";

function formatDate(value) {
  return value ? new Date(value).toLocaleDateString(language(), { dateStyle: "long" }) : "";
}

// ---- partners ------------------------------------------------------------------------------

async function startAssignment(assignment) {
  try {
    const session = await api.post(`assignments/${assignment.id}/start/`);
    navigate(`/s/${session.id}`);
  } catch (error) {
    if (error.code === "check_in_required") return navigate("/check-in?next=/therapist");
    if (error.code === "session_already_open" && error.body?.session) return navigate(`/s/${error.body.session}`);
    throw error;
  }
}

function assignmentList(items) {
  if (!items.length) return empty(t("therapist.no_assignments"));
  return h(
    "ul",
    { class: "link-list assignments" },
    items.map((assignment) => {
      const open = (assignment.sessions || []).find((item) => !["completed", "abandoned"].includes(item.status));
      const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button secondary" }, open ? t("therapist.continue") : t("library.start")));
      onSubmit(form, () => (open ? navigate(`/s/${open.id}`) : startAssignment(assignment)));
      return h(
        "li",
        { class: "card", "data-assignment": assignment.id },
        h("h3", {}, assignment.exercise?.title || ""),
        assignment.note ? h("p", {}, assignment.note) : null,
        assignment.due_on ? h("p", { class: "hint" }, t("therapist.due", { date: formatDate(assignment.due_on) })) : null,
        form,
      );
    }),
  );
}

function linkCard(link) {
  const name = link.therapist?.display_name || "";
  const state = link.state === "active"
    ? t("therapist.state_active", { date: formatDate(link.since) })
    : link.state === "pending"
      ? (link.partner_accepted ? t("therapist.state_you_pending") : t("therapist.state_partner_pending"))
      : t("therapist.state_expired");
  const confirm = h("form", { class: "form", hidden: true },
    h("p", {}, t("therapist.remove_confirm", { name })),
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button danger" }, t("therapist.remove_yes")),
      h("button", { type: "button", class: "button secondary", onclick: () => { confirm.hidden = true; start.hidden = false; } }, t("action.cancel")),
    ),
  );
  onSubmit(confirm, async () => {
    await api.delete("pairing/therapist/");
    rerender();
  });
  const start = h("button", { type: "button", class: "button quiet", onclick: () => { start.hidden = true; confirm.hidden = false; confirm.querySelector("button")?.focus(); } }, t("therapist.remove"));
  return h(
    "section",
    { class: "card", "data-testid": "therapist-link" },
    h("p", { class: "lead" }, name),
    link.therapist?.practice ? h("p", {}, link.therapist.practice) : null,
    h("p", { role: "status" }, state),
    h("p", { class: "hint" }, t("therapist.what_they_see")),
    start,
    confirm,
  );
}

export async function therapist() {
  const link = await myTherapist();
  if (!link) {
    return screen(t("therapist.title"), empty(t("therapist.none")), h("p", {}, t("therapist.none_intro")), codeForm({ label: "therapist.have_code", path: "/therapist" }));
  }
  return screen(
    t("therapist.title"),
    linkCard(link),
    link.state === "active"
      ? [h("h2", {}, t("therapist.assignments")), deferred(() => api.get("assignments/"), assignmentList)]
      : null,
  );
}

export async function acceptTherapist({ params }) {
  const code = params.code;
  const found = await api.get(`pairing/therapist-invites/${encodeURIComponent(code)}/`);
  const form = h(
    "form",
    { class: "form" },
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button" }, t("therapist.accept")),
      h("a", { href: "/", class: "button secondary" }, t("action.not_now")),
    ),
  );
  onSubmit(form, async () => {
    await api.post(`pairing/therapist-invites/${encodeURIComponent(code)}/accept/`);
    navigate("/therapist");
  });
  return screen(
    t("therapist.accept_title"),
    h("p", { class: "lead", "data-testid": "therapist-name" }, found.therapist?.display_name || ""),
    found.therapist?.practice ? h("p", {}, found.therapist.practice) : null,
    h("p", {}, t("therapist.accept_intro")),
    h("p", { class: "hint" }, t("therapist.what_they_see")),
    form,
  );
}

// ---- therapists ----------------------------------------------------------------------------

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

export async function practice() {
  let couples;
  try {
    couples = await api.get("therapist/couples/");
  } catch (error) {
    return gate(error);
  }
  return screen(
    t("practice.title"),
    couples.length
      ? h("ul", { class: "link-list couples" }, couples.map((couple) =>
          h("li", {},
            h("a", { href: `/practice/${couple.id}` }, couple.partners.map((partner) => partner.display_name).join(" & ")),
            " ",
            h("span", { class: "hint" }, t("practice.linked_since", { date: formatDate(couple.linked_since) })),
          ),
        ))
      : empty(t("practice.no_couples")),
    h("h2", {}, t("practice.invite_title")),
    inviteForm(),
  );
}

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

async function assignForm(coupleId) {
  const data = await api.get("exercises/");
  const exercises = data.results || data;
  const form = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "exercise", label: t("practice.exercise"), type: "select", value: exercises[0]?.slug, options: exercises.map((item) => ({ value: item.slug, label: item.title })) }),
    field({ name: "note", label: t("practice.note"), type: "textarea", hint: t("practice.note_hint"), maxlength: 2000 }),
    field({ name: "due_on", label: t("practice.due_on"), type: "date" }),
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
  return form;
}

export async function practiceCouple({ params }) {
  let couple;
  try {
    couple = await api.get(`therapist/couples/${encodeURIComponent(params.id)}/`);
  } catch (error) {
    return gate(error);
  }
  return screen(
    couple.partners.map((partner) => partner.display_name).join(" & "),
    h("p", { class: "hint" }, t("practice.linked_since", { date: formatDate(couple.linked_since) })),
    h("h2", {}, t("practice.assignments")),
    couple.assignments.length
      ? h("ol", { class: "plain assignments" }, couple.assignments.map((assignment) =>
          h("li", { class: "card", "data-assignment": assignment.id },
            h("h3", {}, assignment.exercise?.title || ""),
            assignment.note ? h("p", {}, assignment.note) : null,
            h("p", { class: "hint" }, assignment.completed
              ? t("practice.completed_on", { date: formatDate(assignment.completed_at) })
              : assignment.started ? t("practice.started_on", { date: formatDate(assignment.started_at) }) : t("practice.not_started")),
            (assignment.sessions || []).map(progressBlock),
          ),
        ))
      : empty(t("practice.no_assignments")),
    couple.shared_sessions?.length ? [h("h2", {}, t("practice.shared_sessions")), couple.shared_sessions.map(progressBlock)] : null,
    h("h2", {}, t("practice.assign_title")),
    await assignForm(couple.id),
    h("p", {}, h("a", { href: "/practice" }, t("practice.back"))),
  );
}
