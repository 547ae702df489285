// Accounts: sign up, verify the email code, log in, log out, reset the password, profile.
import { accounts, api, pendingFlow } from "../api.js";
import { drawChrome } from "../chrome.js";
import { field, formError, h, onSubmit, screen } from "../dom.js";
import { countryName, LANGUAGES, setLanguage, t } from "../i18n.js";
import { COUNTRIES } from "../parts/countries.js";
import { notificationsCard } from "../parts/notifications.js";
import { CANCELLED, passwordDialog, saveFile, withReauth } from "../reauth.js";
import { isAppPath, navigate, safeNext } from "../router.js";
import { currentUser, forgetThisDevice, refreshMe, setCurrentUser } from "../session.js";

// Countries with curated help resources first; any other ISO code can still be typed.

async function signedIn(next) {
  const asked = safeNext(next);
  // The admin is no screen of the app: the browser loads it.
  if (asked && !isAppPath(asked)) return window.location.assign(asked);
  await refreshMe();
  const me = currentUser();
  // A therapist lands on the practice, a partner on home.
  const target = asked || (me?.is_therapist ? "/practice" : "/");
  if (me?.language) await setLanguage(me.language, { remember: false });
  drawChrome();
  return navigate(target);
}

export function signup() {
  const form = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "display_name", label: t("account.display_name"), hint: t("account.display_name_hint"), autocomplete: "nickname", required: true, maxlength: 60 }),
    field({ name: "email", label: t("account.email"), type: "email", autocomplete: "email", required: true }),
    field({ name: "password", label: t("account.password"), type: "password", hint: t("account.password_hint"), autocomplete: "new-password", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.signup_submit")),
  );
  onSubmit(form, async (data) => {
    const result = await accounts.signup({
      email: data.get("email"),
      password: data.get("password"),
      display_name: data.get("display_name"),
    });
    if (result.status === 200) return signedIn("/");
    if (pendingFlow(result, "verify_email")) return navigate("/verify");
    return navigate("/login");
  });
  return screen(
    t("account.signup_title"),
    h("p", {}, t("account.signup_intro")),
    form,
    h("p", {}, t("account.have_account"), " ", h("a", { href: "/login" }, t("nav.login"))),
  );
}

export function verify({ params }) {
  const form = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "key", label: t("account.code"), hint: t("account.code_hint"), value: params.key || "", autocomplete: "one-time-code", autocapitalize: "characters", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.verify_submit")),
  );
  onSubmit(form, async (data) => {
    const result = await accounts.verifyEmail(String(data.get("key")).trim());
    if (result.status === 200) return signedIn("/");
    return navigate("/login");
  });
  return screen(t("account.verify_title"), h("p", {}, t("account.verify_intro")), form);
}

export function login({ query }) {
  const form = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "email", label: t("account.email"), type: "email", autocomplete: "email", required: true }),
    field({ name: "password", label: t("account.password"), type: "password", autocomplete: "current-password", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.login_submit")),
  );
  onSubmit(form, async (data) => {
    const result = await accounts.login({ email: data.get("email"), password: data.get("password") });
    if (result.status === 200) return signedIn(query.get("next"));
    if (pendingFlow(result, "verify_email")) return navigate("/verify");
    if (pendingFlow(result, "mfa_authenticate")) return askSecondStep(form, query.get("next"));
    return navigate("/login");
  });
  return screen(
    t("account.login_title"),
    query.get("reset") ? h("p", { class: "notice", role: "status" }, t("account.reset_done")) : null,
    form,
    h("p", {}, h("a", { href: "/reset" }, t("account.forgot"))),
    h("p", {}, t("account.no_account"), " ", h("a", { href: "/signup" }, t("nav.signup"))),
  );
}

// Two-step sign-in is on: the password was right, now the code from the app (or a recovery
// code). allauth keeps the half-done sign-in in the session, with its own rate limit.
function askSecondStep(passwordForm, next) {
  const form = h(
    "form",
    { class: "form", novalidate: true, "data-testid": "second-step" },
    h("p", {}, t("account.second_step_intro")),
    field({ name: "code", label: t("account.second_step_code"), hint: t("account.second_step_hint"), autocomplete: "one-time-code", autocapitalize: "off", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.second_step_submit")),
  );
  onSubmit(form, async (data) => {
    const result = await accounts.secondStep(String(data.get("code") || "").replace(/\s/g, ""));
    if (result.status === 200) return signedIn(next);
    return navigate("/login");
  });
  passwordForm.replaceWith(form);
  form.querySelector("input")?.focus();
}

export async function logout() {
  await accounts.logout();
  setCurrentUser(null);
  await forgetThisDevice();
  drawChrome();
  return navigate("/");
}

export function reset() {
  const codeForm = h(
    "form",
    { class: "form", novalidate: true, hidden: true },
    h("p", { role: "status" }, t("account.reset_sent")),
    field({ name: "key", label: t("account.code"), autocomplete: "one-time-code", autocapitalize: "characters", required: true }),
    field({ name: "password", label: t("account.new_password"), type: "password", hint: t("account.password_hint"), autocomplete: "new-password", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.reset_submit")),
  );
  const emailForm = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "email", label: t("account.email"), type: "email", autocomplete: "email", required: true }),
    formError(),
    h("button", { type: "submit", class: "button" }, t("account.reset_request")),
  );
  onSubmit(emailForm, async (data) => {
    await accounts.requestPasswordReset(data.get("email"));
    emailForm.hidden = true;
    codeForm.hidden = false;
    codeForm.querySelector("input")?.focus();
  });
  onSubmit(codeForm, async (data) => {
    const result = await accounts.resetPassword(String(data.get("key")).trim(), data.get("password"));
    if (result.status === 200) return signedIn("/");
    return navigate("/login?reset=1");
  });
  return screen(t("account.reset_title"), h("p", {}, t("account.reset_intro")), emailForm, codeForm);
}

export function profile() {
  const me = currentUser();
  const countries = COUNTRIES.includes(me.country) ? COUNTRIES : [me.country, ...COUNTRIES];
  const form = h(
    "form",
    { class: "form", novalidate: true },
    field({ name: "display_name", label: t("account.display_name"), value: me.display_name, autocomplete: "nickname", required: true, maxlength: 60 }),
    field({ name: "language", label: t("chrome.language"), type: "select", value: me.language, options: LANGUAGES }),
    field({
      name: "country",
      label: t("account.country"),
      hint: t("account.country_hint"),
      type: "select",
      value: me.country,
      options: countries.map((code) => ({ value: code, label: countryName(code) })),
    }),
    formError(),
    h("p", { class: "notice", role: "status", hidden: true, "data-saved": "" }, t("state.saved")),
    h("button", { type: "submit", class: "button" }, t("action.save")),
  );
  onSubmit(form, async (data) => {
    const updated = await api.patch("me/", {
      display_name: data.get("display_name"),
      language: data.get("language"),
      country: data.get("country"),
    });
    setCurrentUser(updated);
    await setLanguage(updated.language, { remember: false });
    drawChrome();
    await navigate("/profile");
    document.querySelector("[data-saved]")?.removeAttribute("hidden");
  });
  const exportStatus = h("p", { class: "notice", role: "status", hidden: true });
  const exportButton = h("button", {
    type: "button",
    class: "button secondary",
    "data-testid": "export",
    onclick: async () => {
      exportButton.disabled = true;
      exportStatus.hidden = true;
      try {
        const file = await withReauth(() => api.download("me/export/"));
        if (file !== CANCELLED) {
          saveFile(file);
          exportStatus.textContent = t("profile.export_done");
          exportStatus.hidden = false;
        }
      } catch (error) {
        exportStatus.textContent = error.message || t("error.generic");
        exportStatus.hidden = false;
      } finally {
        exportButton.disabled = false;
      }
    },
  }, t("profile.export"));
  const deleteButton = h("button", {
    type: "button",
    class: "button danger",
    "data-testid": "delete-account",
    onclick: async () => {
      const erased = await passwordDialog({
        title: t("profile.delete_title"),
        intro: t("profile.delete_confirm"),
        submitLabel: t("profile.delete_yes"),
        danger: true,
        confirm: async (password) => {
          await api.delete("me/", { password });
          return true;
        },
      });
      if (erased === CANCELLED) return;
      await forgetThisDevice();
      setCurrentUser(null);
      drawChrome();
      navigate("/");
    },
  }, t("profile.delete"));
  return screen(
    t("profile.title"),
    h("p", {}, me.email),
    form,
    notificationsCard(),
    h("section", { class: "card" }, h("h2", {}, t("profile.export_title")), h("p", {}, t("profile.export_intro")), exportButton, exportStatus),
    h("section", { class: "card" }, h("h2", {}, t("profile.delete_title")), h("p", {}, t("profile.delete_intro")), deleteButton),
    h(
      "ul",
      { class: "link-list" },
      h("li", {}, h("a", { href: "/profile/two-step" }, t("mfa.title"))),
      h("li", {}, h("a", { href: "/profile/devices" }, t("devices.title"))),
      h("li", {}, h("a", { href: "/couple" }, t("profile.couple"))),
      h("li", {}, h("a", { href: "/therapist" }, t("profile.therapist"))),
      me.is_therapist ? h("li", {}, h("a", { href: "/practice" }, t("practice.title"))) : null,
      h("li", {}, h("a", { href: "/advice" }, t("nav.advice"))),
      h("li", {}, h("a", { href: "/logout", "data-testid": "logout" }, t("profile.logout"))),
    ),
  );
}
