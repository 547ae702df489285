// Ending the couple, the export and erasing the account need the password again. The server
// answers 401 `reauthentication_required`; we ask for the password in a dialog, re-authenticate
// through allauth (which keeps the window, the rate limit and the check), and try once more.
import { accounts } from "./api.js";
import { field, formError, h, onSubmit } from "./dom.js";
import { exitButton } from "./exit.js";
import { t } from "./i18n.js";

// What `withReauth` answers when the person closed the dialog instead of confirming.
export const CANCELLED = Symbol("cancelled");

// A modal dialog with one password field. `confirm(password)` runs on submit; its errors are
// shown in the dialog and it stays open; the promise settles with its result, or CANCELLED.
export function passwordDialog({ title, intro, submitLabel, danger = false, confirm }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Date.now()}`;
    let result = CANCELLED;
    const form = h(
      "form",
      { class: "form", novalidate: true },
      field({ name: "password", label: t("account.password"), type: "password", autocomplete: "current-password", required: true }),
      formError(),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "submit", class: danger ? "button danger" : "button" }, submitLabel || t("reauth.confirm")),
        h("button", { type: "button", class: "button secondary", onclick: () => dialog.close() }, t("action.cancel")),
      ),
    );
    const dialog = h(
      "dialog",
      { class: "dialog", "aria-labelledby": titleId, "data-testid": "password-dialog" },
      // The modal covers the page's safety bar: the way out comes along inside it.
      h("div", { class: "dialog-exit" }, exitButton()),
      h("h2", { id: titleId }, title || t("reauth.title")),
      h("p", {}, intro || t("reauth.intro")),
      form,
    );
    onSubmit(form, async (data) => {
      try {
        result = await confirm(String(data.get("password") || ""));
      } catch (error) {
        // A wrong password belongs under the password field, whichever endpoint said so.
        if (error?.code === "wrong_password" && !error.fields) error.fields = { password: [error.message] };
        throw error;
      }
      dialog.close();
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector("input")?.focus();
  });
}

async function reauthenticate(password) {
  const result = await accounts.reauthenticate(password);
  // 401 here means allauth wants another step we do not offer; treat it as not confirmed.
  if (result.status !== 200) throw Object.assign(new Error(t("error.generic")), { code: "error" });
  return true;
}

// Run `operation`; when the server wants the password again, ask for it and run it once more.
export async function withReauth(operation) {
  try {
    return await operation();
  } catch (error) {
    if (error?.code !== "reauthentication_required") throw error;
  }
  const confirmed = await passwordDialog({ confirm: reauthenticate });
  if (confirmed === CANCELLED) return CANCELLED;
  return operation();
}

// Hand a Blob to the browser as a file download.
export function saveFile({ blob, name }) {
  const url = URL.createObjectURL(blob);
  const anchor = h("a", { href: url, download: name, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
