// The prompt editor shows only the fields of the chosen kind: the scale fieldset for a scale,
// the option rows for a choice or multi. Without this script every fieldset simply shows.
const KINDS = ["text", "scale", "choice", "multi"];

function applyKind(select) {
  const prompt = select.closest(".inline-related");
  if (!prompt) return;
  for (const fieldset of prompt.querySelectorAll("fieldset")) {
    const kinds = KINDS.filter((kind) => fieldset.classList.contains(`prompt-kind-${kind}`));
    if (kinds.length) fieldset.hidden = !kinds.includes(select.value);
  }
}

function applyAll(root) {
  for (const select of root.querySelectorAll("select[data-prompt-kind]")) applyKind(select);
}

document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-prompt-kind]")) applyKind(event.target);
});
document.addEventListener("formset:added", (event) => applyAll(event.target));
applyAll(document);
