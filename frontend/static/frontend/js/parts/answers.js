// How an answer reads on screen, the same in a session, the look back and the practice.
import { t } from "../i18n.js";

function optionLabel(prompt, value) {
  return (prompt.options || []).find((option) => option.value === value)?.label ?? String(value);
}

export function valueText(prompt, value) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
    return t("session.no_answer");
  }
  if (prompt.kind === "choice") return optionLabel(prompt, value);
  if (prompt.kind === "multi") return value.map((item) => optionLabel(prompt, item)).join(", ");
  if (prompt.kind === "scale") return t("session.scale_value", { value, max: prompt.max });
  return String(value);
}
