// Notifications in the profile: push on this phone (only after the person opts in), and what
// to be told about, by push and by email. The texts themselves are discreet by default.
import { api } from "../api.js";
import { deferred, field, formError, h, onSubmit } from "../dom.js";
import { t } from "../i18n.js";
import { currentUser } from "../session.js";

const PARTNER_EVENTS = ["partner_started", "ready_to_reveal", "partner_waiting", "assignment_created", "assignment_due", "weekly_reminder", "daily_question"];
// What a therapist hears about: a partner shared a session, an assignment passed its date.
const THERAPIST_EVENTS = ["session_shared", "assignment_overdue"];

function shownEvents() {
  return currentUser()?.is_therapist ? [...THERAPIST_EVENTS, ...PARTNER_EVENTS] : PARTNER_EVENTS;
}

function applicationServerKey(base64url) {
  const padded = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}

async function subscribe() {
  const { public_key: key } = await api.get("notifications/vapid-public-key/");
  if (!key) return t("notify.push_unavailable");
  if ((await Notification.requestPermission()) !== "granted") return t("notify.push_denied");
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: applicationServerKey(key),
  });
  // A label to tell devices apart in the list; never more than the platform's name.
  const label = navigator.userAgentData?.platform || t("notify.this_device");
  await api.post("notifications/subscriptions/", { ...subscription.toJSON(), user_agent: label });
  return t("notify.push_on");
}

function pushPart() {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return h("p", { class: "hint" }, t("notify.push_unsupported"));
  }
  const status = h("p", { class: "notice", role: "status", hidden: true });
  const button = h("button", {
    type: "button",
    class: "button secondary",
    onclick: async () => {
      button.disabled = true;
      try {
        status.textContent = await subscribe();
      } catch (error) {
        status.textContent = error?.message || t("notify.push_failed");
      } finally {
        status.hidden = false;
        button.disabled = false;
      }
    },
  }, t("notify.push_enable"));
  return [h("p", {}, t("notify.push_intro")), button, status];
}

function check(name, label, checked) {
  const id = `n-${name}`;
  return h("div", { class: "check" }, h("input", { type: "checkbox", id, name, checked }), h("label", { for: id }, label));
}

// <input type="time"> shows and gives HH:MM; the server may add seconds.
function clock(value) {
  return value ? String(value).slice(0, 5) : "";
}

// Another account turned notifications on in a browser that had them for me: said here only.
function deviceMovedNotice(prefs) {
  if (!prefs.device_moved_at) return null;
  const notice = h("div", { class: "notice", role: "status", "data-testid": "device-moved" },
    h("p", {}, t("notify.device_moved")),
    h("button", { type: "button", class: "button secondary" }, t("notify.device_moved_ok")));
  notice.querySelector("button").addEventListener("click", async () => {
    await api.patch("notifications/preferences/", { device_moved_seen: true });
    notice.remove();
  });
  return notice;
}

function preferencesForm(prefs) {
  const form = h(
    "form",
    { class: "form", novalidate: true, "data-testid": "notification-preferences" },
    shownEvents().filter((event) => prefs.events?.[event]).map((event) =>
      h("fieldset", { class: "options" },
        h("legend", {}, t(`notify.event.${event}`)),
        check(`${event}.push`, t("notify.by_push"), prefs.events[event].push),
        check(`${event}.email`, t("notify.by_email"), prefs.events[event].email),
      ),
    ),
    check("email_enabled", t("notify.email_enabled"), prefs.email_enabled),
    check("weekly_reminder", t("notify.weekly_reminder"), prefs.weekly_reminder),
    check("daily_reminder", t("notify.daily_reminder"), prefs.daily_reminder),
    check("detailed_texts", t("notify.detailed_texts"), prefs.detailed_texts),
    h("fieldset", { class: "options quiet-hours" },
      h("legend", {}, t("notify.quiet_title")),
      h("p", { class: "hint" }, t("notify.quiet_hint", { zone: prefs.timezone || "" })),
      field({ name: "quiet_hours_start", label: t("notify.quiet_start"), type: "time", value: clock(prefs.quiet_hours_start) }),
      field({ name: "quiet_hours_end", label: t("notify.quiet_end"), type: "time", value: clock(prefs.quiet_hours_end) }),
    ),
    formError(),
    h("p", { class: "notice", role: "status", hidden: true, "data-saved": "" }, t("state.saved")),
    h("button", { type: "submit", class: "button" }, t("notify.save")),
  );
  onSubmit(form, async (data) => {
    const events = {};
    for (const event of shownEvents().filter((item) => prefs.events?.[item])) {
      events[event] = { push: data.has(`${event}.push`), email: data.has(`${event}.email`) };
    }
    await api.patch("notifications/preferences/", {
      events,
      email_enabled: data.has("email_enabled"),
      weekly_reminder: data.has("weekly_reminder"),
      daily_reminder: data.has("daily_reminder"),
      detailed_texts: data.has("detailed_texts"),
      // An empty time is sent as null: no quiet hours.
      quiet_hours_start: String(data.get("quiet_hours_start") || "") || null,
      quiet_hours_end: String(data.get("quiet_hours_end") || "") || null,
    });
    form.querySelector("[data-saved]").hidden = false;
  });
  return h("div", {}, deviceMovedNotice(prefs), form);
}

export function notificationsCard() {
  return h(
    "section",
    { class: "card" },
    h("h2", {}, t("notify.title")),
    pushPart(),
    h("h3", {}, t("notify.preferences")),
    h("p", { class: "hint" }, t("notify.discreet")),
    deferred(() => api.get("notifications/preferences/"), preferencesForm),
  );
}
