// Pairing: invite the partner (a code and a share link), accept an invite, see and end the
// couple.
import { api } from "../api.js";
import { empty, formError, h, onSubmit, screen } from "../dom.js";
import { language, t } from "../i18n.js";
import { codeForm } from "../parts/code_form.js";
import { endedNotice, lastEnded } from "../parts/couple_ended.js";
import { leavingNote } from "../parts/leaving_note.js";
import { CANCELLED, withReauth } from "../reauth.js";
import { follow } from "../live.js";
import { navigate, onLeave, rerender } from "../router.js";

async function myCouple() {
  try {
    return await api.get("pairing/couple/");
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

function formatDate(value) {
  return value ? new Date(value).toLocaleDateString(language(), { dateStyle: "long" }) : "";
}

// Said to the one who ended it, right after: what happened, what it means, where support is.
function endedScreen(body) {
  return screen(
    t("couple.ended_title"),
    h("section", { class: "card", "data-testid": "couple-ended" },
      h("p", {}, body),
      h("p", {}, t("couple.ended_support")),
      h("div", { class: "actions" },
        h("a", { href: "/help", class: "button secondary" }, t("couple.ended_support_link")),
        h("a", { href: "/", class: "button" }, t("action.home")),
      ),
    ),
  );
}

function inviteCard(invite) {
  const link = new URL(invite.url || `/pair/${invite.code}`, window.location.origin).href;
  const status = h("p", { class: "notice", role: "status", hidden: true });
  const tell = (message) => {
    status.textContent = message;
    status.hidden = false;
  };
  const share = navigator.share
    ? h("button", {
        type: "button",
        class: "button",
        onclick: () => navigator.share({ title: "Tweespraak", text: t("pair.share_text"), url: link }).catch(() => null),
      }, t("pair.share"))
    : null;
  const copy = h("button", {
    type: "button",
    class: share ? "button secondary" : "button",
    onclick: () => navigator.clipboard?.writeText(link).then(() => tell(t("pair.copied")), () => tell(link)),
  }, t("pair.copy"));
  const revoke = h("button", {
    type: "button",
    class: "button quiet",
    onclick: async () => {
      await api.delete(`pairing/invites/${encodeURIComponent(invite.code)}/`);
      navigate("/pair");
    },
  }, t("pair.revoke"));
  return h(
    "section",
    { class: "card invite" },
    h("p", {}, t("pair.code_intro")),
    h("p", { class: "code", "data-testid": "invite-code" }, invite.code),
    h("p", { class: "share-link" }, h("span", { class: "visually-hidden" }, t("pair.link_label")), link),
    invite.expires_at ? h("p", { class: "hint" }, t("pair.expires", { date: formatDate(invite.expires_at) })) : null,
    h("div", { class: "actions" }, share, copy, revoke),
    status,
  );
}

// The partner accepted my invite (on their phone): go on by myself, and say so.
function followPartnerJoining(onJoined) {
  onLeave(follow(async (frame) => {
    if (frame.type === "couple" && frame.partner) onJoined();
    else if (frame.type === "poll" && (await myCouple())) onJoined();
  }));
}

export async function invite() {
  if (await myCouple()) return navigate("/couple");
  followPartnerJoining(() => navigate("/couple?joined=1"));
  const slot = h("div");
  const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button" }, t("pair.create")));
  onSubmit(form, async () => {
    slot.replaceChildren(inviteCard(await api.post("pairing/invites/")));
    form.hidden = true;
  });
  return screen(t("pair.title"), h("p", {}, t("pair.intro")), form, slot, h("h2", {}, t("pair.accept_title")), codeForm());
}

export async function accept({ params }) {
  const code = params.code;
  const found = await api.get(`pairing/invites/${encodeURIComponent(code)}/`);
  const name = found.inviter?.display_name;
  const form = h(
    "form",
    { class: "form" },
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button" }, t("pair.accept")),
      h("a", { href: "/", class: "button secondary" }, t("action.not_now")),
    ),
  );
  onSubmit(form, async () => {
    await api.post(`pairing/invites/${encodeURIComponent(code)}/accept/`);
    navigate("/couple");
  });
  return screen(
    t("pair.accept_title"),
    h("p", { class: "lead", "data-testid": "inviter" }, t("pair.invited_by", { name })),
    h("p", {}, t("pair.accept_intro")),
    form,
  );
}

export async function couple({ query } = {}) {
  const current = await myCouple();
  // Linked or unlinked on the other phone: this screen follows.
  onLeave(follow(async (frame) => {
    if (frame.type === "couple" && Boolean(frame.partner) !== Boolean(current)) rerender();
    else if (frame.type === "poll" && Boolean(await myCouple()) !== Boolean(current)) rerender();
  }));
  if (!current) {
    const endedAt = await lastEnded();
    return screen(
      t("couple.title"),
      endedAt ? endedNotice(endedAt) : empty(t("couple.none")),
      h("a", { href: "/pair", class: "button" }, t("pair.title")),
    );
  }
  const confirm = h("form", { class: "form", hidden: true },
    h("p", {}, t("couple.end_confirm", { name: current.partner.display_name })),
    formError(),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "button danger" }, t("couple.end_yes")),
      h("button", { type: "button", class: "button secondary", onclick: () => { confirm.hidden = true; start.hidden = false; } }, t("action.cancel")),
    ),
  );
  onSubmit(confirm, async () => {
    // Ending cannot be undone, so the server wants the password again first.
    if ((await withReauth(() => api.post("pairing/couple/end/"))) === CANCELLED) return;
    const done = endedScreen(t("couple.ended_done"));
    document.getElementById("view").replaceChildren(done);
    done.querySelector("h1")?.focus();
  });
  const showConfirm = () => { note.hidden = true; confirm.hidden = false; confirm.querySelector("button")?.focus(); };
  // First a skippable note on safety around leaving; then the confirmation.
  const note = leavingNote({ onContinue: showConfirm });
  note.hidden = true;
  const start = h("button", { type: "button", class: "button quiet", onclick: () => { start.hidden = true; note.hidden = false; note.focus(); } }, t("couple.end"));
  return screen(
    t("couple.title"),
    query?.get("joined")
      ? h("p", { class: "notice", role: "status", "data-testid": "partner-joined" }, t("couple.joined", { name: current.partner.display_name }))
      : null,
    h("p", { class: "lead" }, t("couple.with", { name: current.partner.display_name })),
    current.since ? h("p", { class: "hint" }, t("couple.since", { date: formatDate(current.since) })) : null,
    h("div", { class: "actions" }, h("a", { href: "/library", class: "button" }, t("nav.library"))),
    h("section", { class: "card" }, h("h2", {}, t("couple.end_title")), h("p", {}, t("couple.end_intro")), start, note, confirm),
  );
}
