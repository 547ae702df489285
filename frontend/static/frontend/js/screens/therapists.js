// Therapists, the partner side: accept a therapist's code (both partners must), see or remove
// the therapist, the exercises they assigned, and share one's own answers of a revealed
// session. The therapist's own side (`/practice`) is screens/practice.js.
import { api } from "../api.js";
import { deferred, empty, formError, h, onSubmit, screen } from "../dom.js";
import { language, t } from "../i18n.js";
import { navigate, rerender } from "../router.js";
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
      const done = (assignment.sessions || []).find((item) => item.status === "completed");
      const form = assignment.completed
        ? h("p", { class: "hint", "data-testid": "assignment-done" }, t("therapist.done_together"), " ", done ? h("a", { href: `/s/${done.id}` }, t("therapist.look_back")) : null)
        : h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button secondary" }, open ? t("therapist.continue") : t("library.start")));
      if (!assignment.completed) onSubmit(form, () => (open ? navigate(`/s/${open.id}`) : startAssignment(assignment)));
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
