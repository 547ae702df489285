// Account security in the profile: two-step sign-in (an authenticator app, through allauth's
// headless MFA endpoints) and the places where I am signed in or get notifications.
import { api, security } from "../api.js";
import { deferred, empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { language, t } from "../i18n.js";
import { CANCELLED, withReauth } from "../reauth.js";
import { isAppPath, rerender, safeNext } from "../router.js";
import { currentUser } from "../session.js";
// uqr 0.1.3 (MIT, from the npm registry): encodes text as QR modules; we draw them as SVG.
import { encode } from "../../vendor/uqr/uqr.js";

// allauth sends seconds since the epoch; our own API sends ISO strings.
function when(value) {
  if (value === null || value === undefined) return "";
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(value);
  return date.toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
}

const BROWSERS = [["Edg/", "Edge"], ["Firefox/", "Firefox"], ["Chrome/", "Chrome"], ["Safari/", "Safari"]];
const SYSTEMS = [["Android", "Android"], ["iPhone", "iPhone"], ["iPad", "iPad"], ["Windows", "Windows"], ["Mac OS", "macOS"], ["Linux", "Linux"]];

// "Chrome on Android" reads better than a whole user-agent string; unknown parts are left out.
function deviceName(userAgent) {
  if (!userAgent) return t("devices.unknown");
  const browser = BROWSERS.find(([mark]) => userAgent.includes(mark))?.[1];
  const system = SYSTEMS.find(([mark]) => userAgent.includes(mark))?.[1];
  if (browser && system) return t("devices.browser_on", { browser, system });
  return browser || system || userAgent;
}

function statusLine() {
  return h("p", { class: "notice", role: "status", hidden: true });
}

function say(status, message) {
  status.textContent = message;
  status.hidden = false;
}

// A button that runs `action` (through the password dialog when needed) and reports errors.
function actionButton(label, status, action, cls = "button secondary", attrs = {}) {
  const button = h("button", {
    type: "button",
    class: cls,
    ...attrs,
    onclick: async () => {
      button.disabled = true;
      status.hidden = true;
      try {
        await action();
      } catch (error) {
        say(status, error?.message || t("error.generic"));
      } finally {
        button.disabled = false;
      }
    },
  }, label);
  return button;
}

// ---- two-step sign-in -------------------------------------------------------------------

// The otpauth link as a QR code for an app on another device: one SVG path of dark squares,
// built with DOM calls (no markup strings, no style attributes).
function qrCode(text) {
  const { data, size } = encode(text, { border: 4 });
  let d = "";
  data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) d += `M${x} ${y}h1v1h-1z`;
  }));
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [key, value] of Object.entries({ viewBox: `0 0 ${size} ${size}`, class: "qr", role: "img", "aria-label": t("mfa.qr_label"), "data-testid": "totp-qr" })) {
    svg.setAttribute(key, value);
  }
  const background = document.createElementNS(ns, "rect");
  for (const [key, value] of Object.entries({ width: size, height: size, fill: "#fff" })) background.setAttribute(key, value);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(background, path);
  return svg;
}

// Groups of four, so the secret can be typed into an app without losing one's place.
function grouped(secret) {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function codesList(codes) {
  return h("ul", { class: "recovery-codes", "data-testid": "recovery-codes" }, codes.map((code) => h("li", { class: "code" }, code)));
}

function recoveryPart(summary) {
  const slot = h("div");
  const status = statusLine();
  const show = async (load) => {
    const result = await withReauth(load);
    if (result === CANCELLED) return;
    const codes = result.data?.unused_codes;
    slot.replaceChildren(
      ...(codes?.length ? [h("p", {}, t("mfa.recovery_keep")), codesList(codes)] : [h("p", {}, t("mfa.recovery_none"))]),
    );
  };
  return h(
    "section",
    { class: "card" },
    h("h2", {}, t("mfa.recovery_title")),
    h("p", {}, t("mfa.recovery_intro")),
    summary ? h("p", { class: "hint" }, t("mfa.recovery_count", { unused: summary.unused_code_count, total: summary.total_code_count })) : null,
    h("div", { class: "actions" },
      actionButton(t("mfa.recovery_show"), status, () => show(security.recoveryCodes)),
      actionButton(t("mfa.recovery_new"), status, () => show(security.newRecoveryCodes), "button quiet"),
    ),
    slot,
    status,
  );
}

function activePart(authenticators) {
  const totp = authenticators.find((item) => item.type === "totp");
  const recovery = authenticators.find((item) => item.type === "recovery_codes");
  const status = statusLine();
  const off = actionButton(t("mfa.turn_off"), status, async () => {
    if (!window.confirm(t("mfa.turn_off_confirm"))) return;
    if ((await withReauth(security.deactivateTotp)) !== CANCELLED) rerender();
  }, "button danger");
  return [
    h("p", { class: "notice", role: "status", "data-testid": "mfa-on" }, t("mfa.on", { date: when(totp.created_at) })),
    currentUser()?.is_therapist ? h("p", {}, h("a", { href: "/practice" }, t("mfa.to_practice"))) : null,
    recoveryPart(recovery),
    h("section", { class: "card" }, h("h2", {}, t("mfa.turn_off_title")), h("p", {}, t("mfa.turn_off_intro")), off, status),
  ];
}

function setupPart(meta, next) {
  const done = h("div");
  const form = h(
    "form",
    { class: "form", novalidate: true, "data-testid": "totp-form" },
    field({
      name: "code",
      label: t("mfa.code"),
      hint: t("mfa.code_hint"),
      autocomplete: "one-time-code",
      inputmode: "numeric",
      pattern: "[0-9]*",
      maxlength: 6,
      required: true,
    }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("mfa.activate")),
  );
  onSubmit(form, async (data) => {
    const code = String(data.get("code") || "").replace(/\s/g, "");
    const result = await withReauth(() => security.activateTotp(code));
    if (result === CANCELLED) return;
    const codes = await security.recoveryCodes().catch(() => null);
    form.hidden = true;
    // h() drops the parts that are null; replaceChildren would print them.
    done.replaceChildren(h(
      "div",
      {},
      h("p", { class: "notice", role: "status", "data-testid": "mfa-activated" }, t("mfa.activated")),
      currentUser()?.is_therapist ? h("p", {}, h("a", { href: "/practice", class: "button" }, t("mfa.to_practice"))) : null,
      next ? continueTo(next) : null,
      codes?.data?.unused_codes?.length
        ? h("section", { class: "card" }, h("h2", {}, t("mfa.recovery_title")), h("p", {}, t("mfa.recovery_keep")), codesList(codes.data.unused_codes))
        : null,
      h("p", {}, h("a", { href: "/profile/two-step" }, t("mfa.manage"))),
    ));
  });
  return [
    h("p", {}, t("mfa.intro")),
    h("ol", { class: "steps" },
      h("li", {}, t("mfa.step_app")),
      h("li", {},
        t("mfa.step_add"),
        " ",
        h("a", { href: meta.totp_url, "data-testid": "totp-link" }, t("mfa.open_app")),
        h("p", { class: "hint" }, t("mfa.qr_hint")),
        qrCode(meta.totp_url),
      ),
      h("li", {}, t("mfa.step_secret"), h("p", { class: "code secret", "data-testid": "totp-secret", "data-secret": meta.secret }, grouped(meta.secret))),
      h("li", {}, t("mfa.step_code")),
    ),
    form,
    done,
  ];
}

async function loadTwoStep() {
  const list = await security.authenticators();
  const authenticators = list.data || [];
  if (authenticators.some((item) => item.type === "totp")) return { authenticators };
  const totp = await security.totp();
  return { authenticators, setup: totp.meta };
}

// Back to where the person was sent from (the admin sends staff here). The admin then asks for
// a sign-in with the new code, which this session has not had yet.
function continueTo(next) {
  const app = isAppPath(next);
  return h(
    "div",
    {},
    app ? null : h("p", {}, t("mfa.continue_signin_hint")),
    h("p", {}, h("a", { href: next, class: "button", "data-testid": "mfa-continue" }, t("mfa.continue"))),
  );
}

export function twoStep({ query }) {
  const next = safeNext(query.get("next"));
  return screen(
    t("mfa.title"),
    next && !isAppPath(next) ? h("p", { class: "notice", role: "status", "data-testid": "mfa-needed" }, t("mfa.needed_for_admin")) : null,
    deferred(loadTwoStep, ({ authenticators, setup }) => h("div", {}, setup ? setupPart(setup, next) : activePart(authenticators))),
    h("p", {}, h("a", { href: "/profile" }, t("action.back_to_profile"))),
  );
}

// ---- signed-in devices and push subscriptions ---------------------------------------------

function sessionsList(sessions) {
  const status = statusLine();
  if (!sessions.length) return empty(t("devices.none"));
  const list = h(
    "ul",
    { class: "device-list", "data-testid": "sessions" },
    sessions.map((session) =>
      h("li", { class: "card", "data-session": session.id, "data-current": session.is_current ? "true" : null },
        h("p", {}, h("strong", {}, deviceName(session.user_agent)),
          session.is_current ? [" ", h("span", { class: "badge" }, t("devices.this_device"))] : null),
        h("p", { class: "hint" }, t("devices.signed_in_at", { date: when(session.created_at) })),
        session.last_seen_at ? h("p", { class: "hint" }, t("devices.last_seen", { date: when(session.last_seen_at) })) : null,
        session.is_current
          ? null
          : actionButton(t("devices.end"), status, async () => {
            const result = await withReauth(() => security.endSessions([session.id]));
            if (result !== CANCELLED) list.replaceWith(sessionsList(result.data || []));
          }, "button secondary", { "aria-label": t("devices.end_named", { name: deviceName(session.user_agent) }) }),
      ),
    ),
  );
  return h("div", {}, list, status);
}

function subscriptionsList(subscriptions) {
  if (!subscriptions.length) return empty(t("devices.no_push"));
  const status = statusLine();
  const list = h(
    "ul",
    { class: "device-list", "data-testid": "subscriptions" },
    subscriptions.map((subscription) => {
      const name = subscription.user_agent || t("devices.unknown");
      const item = h("li", { class: "card", "data-subscription": subscription.id },
        h("p", {}, h("strong", {}, name)),
        h("p", { class: "hint" }, t("devices.push_since", { date: when(subscription.created_at) })),
        actionButton(t("devices.push_remove"), status, async () => {
          await api.delete(`notifications/subscriptions/${subscription.id}/`);
          item.remove();
          say(status, t("devices.push_removed"));
        }, "button secondary", { "aria-label": t("devices.push_remove_named", { name }) }),
      );
      return item;
    }),
  );
  return h("div", {}, list, status);
}

export function devices() {
  return screen(
    t("devices.title"),
    h("section", { class: "card" },
      h("h2", {}, t("devices.sessions_title")),
      h("p", {}, t("devices.sessions_intro")),
      deferred(async () => (await security.sessions()).data || [], sessionsList),
    ),
    h("section", { class: "card" },
      h("h2", {}, t("devices.push_title")),
      h("p", {}, t("devices.push_intro")),
      deferred(() => api.get("notifications/subscriptions/"), subscriptionsList),
    ),
    h("p", {}, h("a", { href: "/profile" }, t("action.back_to_profile"))),
  );
}
