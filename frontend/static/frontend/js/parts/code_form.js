// "I have a code": one short form that opens /pair/<code> or /therapist/<code>.
import { field, formError, h, onSubmit } from "../dom.js";
import { t } from "../i18n.js";
import { navigate } from "../router.js";

export function codeForm({ label = "pair.have_code", path = "/pair" } = {}) {
  const form = h(
    "form",
    { class: "form inline-form" },
    field({ name: "code", label: t(label), autocapitalize: "characters", autocomplete: "off", placeholder: "XXXX-XXXX" }),
    formError(),
    h("button", { type: "submit", class: "button secondary" }, t("pair.open_code")),
  );
  onSubmit(form, async (data) => {
    const code = String(data.get("code") || "").trim().toUpperCase();
    if (code) navigate(`${path}/${encodeURIComponent(code)}`);
  });
  return form;
}
